/** One cdk-nag finding on one resource. */
export interface NagFinding {
  /** The finding id, e.g. "AwsSolutions-EC28" or "AwsSolutions-IAM5[Action::s3:*]". */
  readonly id: string;
  /** Logical id of the resource it is about. */
  readonly resource: string;
  readonly description: string;
}

/**
 * What a tool outside the checker found in the template, prepared by the engine before rules run
 * (engine/analyses.ts: it loads the tool, writes files, caches by template hash; for `check --app` the
 * synth child runs it, where aws-cdk-lib is already loaded), so the rules that read it stay pure
 * functions of their context. A prepared analysis that could not run is an error message.
 */
export interface Analyses {
  /** cdk-nag's AwsSolutions pack over the template, before any suppression is applied. */
  readonly cdkNag?: readonly NagFinding[] | { readonly error: string };
}

/** The name of one prepared analysis. */
export type AnalysisId = keyof Analyses;
