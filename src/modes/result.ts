/** What a mode hands back to its entry point (action or CLI). */
export interface ModeResult {
  /** 0 clean / gate passed, 1 findings or gate failed, 2 input or usage error. */
  readonly exitCode: 0 | 1 | 2;
  /** One sentence for the failure, shown by setFailed or on stderr. */
  readonly message?: string;
  /** True when the mode already showed the failure to a CLI user (the CLI does not repeat it). */
  readonly shown?: boolean;
}
