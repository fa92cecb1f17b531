/** The watch outputs, named as in action.yml. */
export const Outputs = {
  Result: 'result',
  MinHealthyObserved: 'min-healthy-observed',
  Threshold: 'threshold',
  Revision: 'revision',
  RolledBackTo: 'rolled-back-to',
  DurationSeconds: 'duration-seconds',
  ErrorsObserved: 'errors-observed',
  ElbErrors: 'elb-errors',
  ElbRequests: 'elb-requests',
  ReportFile: 'report-file',
} as const;
