import type { LocalizedText } from '@workshop/catalog';
import type { Analyses } from './analyses';
import type { ResourceGraph } from './graph';
import type { Service } from './services';
import type { SourceKind } from './types';

/** What was checked: the input and the target it came from. */
export interface CheckSource {
  readonly kind: SourceKind;
  /** In words: "app labs/vpc-migration", "template my.yaml", "stack ShopVpcMigration at http://127.0.0.1:4566". */
  readonly description: string;
  /** Target profile id for live checks: "aws", "localstack-free", "localstack-paid", "emulator". */
  readonly target?: string;
  /** SHA-256 of the template in template mode. */
  readonly templateSha256?: string;
}

/** What a target's limits are judged on: the services a rule reads and the resource types it declares it needs. */
export interface RuleNeeds {
  readonly services: readonly Service[];
  /** CloudFormation types, or `Type.Property`, whose absence the rule cannot tell from a learner's omission. */
  readonly resourceTypes?: readonly string[];
}

/**
 * Why a rule cannot be judged on this target (e.g. LocalStack's free tier does not emulate RDS),
 * saying which target and what to do instead; undefined when the target can judge it.
 * The engine reports such a rule as SKIP with this message.
 */
export type TargetSkip = (rule: RuleNeeds) => LocalizedText | undefined;

/** What every source (app, cdk.out, template, live) hands to the engine: the graph, what it was read from, and the target's limits. */
export interface LoadedSource {
  readonly graph: ResourceGraph;
  readonly source: CheckSource;
  readonly targetSkip?: TargetSkip;
  /** Analyses the synth child of `check --app` prepared for this template (the engine validates and caches them). */
  readonly analyses?: Analyses;
  /** What the user should know about what was read (e.g. a template file of a lab with several stacks), for standard error. */
  readonly notes?: readonly LocalizedText[];
}
