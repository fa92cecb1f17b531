/**
 * Value constraints the API server enforces beyond the OpenAPI types, for the fields zd-gate's
 * rules read. Keyed by `<definition>.<property>` of the schema subset. Each one cites the
 * validation code of k8s.io/kubernetes v1.36.3 it mirrors.
 */
export interface Constraint {
  readonly min?: number;
  readonly max?: number;
  /** An int-or-string whose string form must be a percentage (`25%`), as ValidatePositiveIntOrPercent requires. */
  readonly percent?: boolean;
  /** What happens to a value that breaks the constraint, when it is not a plain rejection. */
  readonly consequence?: string;
}

const NON_NEGATIVE: Constraint = { min: 0 };
const PORT: Constraint = { min: 1, max: 65535 };
const INT_OR_PERCENT: Constraint = { min: 0, percent: true };

export const CONSTRAINTS: Readonly<Record<string, Constraint>> = {
  // pkg/apis/apps/validation: ValidateNonnegativeField(spec.Replicas)
  'apps.v1.DeploymentSpec.replicas': NON_NEGATIVE,
  'apps.v1.StatefulSetSpec.replicas': NON_NEGATIVE,
  'argoproj.v1alpha1.RolloutSpec.replicas': NON_NEGATIVE,
  // pkg/apis/apps/validation ValidateRollingUpdateDeployment: ValidatePositiveIntOrPercent
  'apps.v1.RollingUpdateDeployment.maxSurge': INT_OR_PERCENT,
  'apps.v1.RollingUpdateDeployment.maxUnavailable': INT_OR_PERCENT,
  // pkg/apis/policy/validation ValidatePodDisruptionBudgetSpec: ValidatePositiveIntOrPercent
  'policy.v1.PodDisruptionBudgetSpec.minAvailable': INT_OR_PERCENT,
  'policy.v1.PodDisruptionBudgetSpec.maxUnavailable': INT_OR_PERCENT,
  // pkg/api/pod/warnings.go: "must be >= 0; negative values are invalid and will be treated as 1"
  'core.v1.PodSpec.terminationGracePeriodSeconds': {
    min: 0,
    consequence: 'the API server accepts it with a warning and treats it as 1 second',
  },
  // pkg/apis/core/validation validateProbe: ValidateNonnegativeField for each timing field
  'core.v1.Probe.initialDelaySeconds': NON_NEGATIVE,
  'core.v1.Probe.timeoutSeconds': NON_NEGATIVE,
  'core.v1.Probe.periodSeconds': NON_NEGATIVE,
  'core.v1.Probe.successThreshold': NON_NEGATIVE,
  'core.v1.Probe.failureThreshold': NON_NEGATIVE,
  // pkg/apis/core/validation validateSleepAction (with AllowPodLifecycleSleepActionZeroValue)
  'core.v1.SleepAction.seconds': NON_NEGATIVE,
  // pkg/apis/core/validation: validatePortNumOrName / ValidateServicePort
  'core.v1.ServicePort.port': PORT,
  'core.v1.ContainerPort.containerPort': PORT,
  // pkg/apis/autoscaling/validation: minReplicas >= 1 (0 only with the HPAScaleToZero gate), maxReplicas >= 1
  'autoscaling.v1.HorizontalPodAutoscalerSpec.minReplicas': { min: 1 },
  'autoscaling.v1.HorizontalPodAutoscalerSpec.maxReplicas': { min: 1 },
  'autoscaling.v2.HorizontalPodAutoscalerSpec.minReplicas': { min: 1 },
  'autoscaling.v2.HorizontalPodAutoscalerSpec.maxReplicas': { min: 1 },
};
