import type { Lab, LocalizedText } from '@workshop/catalog';
import type { CheckSource } from '../engine/result';
import type { ResourceGraph } from '../model/graph';
import type { RuleMeta } from '../rules/types';

/**
 * Why a rule cannot be judged on this target (e.g. LocalStack's free tier does not emulate RDS),
 * saying which target and what to do instead; undefined when the target can judge it.
 * The engine reports such a rule as SKIP with this message.
 */
export type TargetSkip = (rule: RuleMeta & { readonly resourceTypes?: readonly string[] }) => LocalizedText | undefined;

/** What a source hands to the engine: the graph, what it was read from, and the target's limits. */
export interface LoadedSource {
  readonly graph: ResourceGraph;
  readonly source: CheckSource;
  readonly targetSkip?: TargetSkip;
}

/** Options of a live check, passed by `check --live` to the live loader. */
export interface LiveOptions {
  readonly lab: Lab;
  /** The CloudFormation stack to read (the catalog's stackName unless --stack). */
  readonly stackName: string;
  /** --endpoint: LocalStack or the embedded emulator, e.g. http://127.0.0.1:4566. */
  readonly endpoint?: string;
  readonly profile?: string;
  readonly region?: string;
  /** Reports what is being loaded ("loading subnets"); `step` counts up to `total`. */
  readonly onProgress?: (text: string, step?: number, total?: number) => void;
}

/**
 * The live loader's entry (checker/src/sources/live/index.ts exports `loadLiveGraph`). It throws a
 * CheckerError with ExitCode.Target (see errors.ts `targetError`) when the target is unreachable or
 * the credentials are missing or refused.
 */
export type LoadLiveGraph = (options: LiveOptions) => Promise<LoadedSource>;
