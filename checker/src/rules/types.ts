import type { Lab, LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import type { Service } from '../model/services';
import type { Analyses, AnalysisId } from '../model/analyses';
import type { SourceKind } from '../model/types';

export type { Analyses, AnalysisId, NagFinding } from '../model/analyses';

/** How a rule's verdict is reported. */
export type Status = 'PASS' | 'FAIL' | 'SKIP' | 'ERROR';

/** How much a failure matters; `info` rules teach and never cost points. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Everything about a rule except how it evaluates: the one source for docs, reports and the site. */
export interface RuleMeta {
  /** Kebab-case id; the rule's file is named after it: rules/<area>/<id>.ts. */
  readonly id: string;
  /** The rule's folder under rules/, e.g. "network", "database". */
  readonly area: string;
  /** States the compliant state, e.g. "Each private subnet routes to a NAT gateway in its own AZ". */
  readonly title: LocalizedText;
  readonly severity: Severity;
  /** Points toward a lab's score; 0 for informational rules. */
  readonly points: number;
  /** Why it matters, in a sentence or two. */
  readonly why: LocalizedText;
  /** How to fix a failure, concretely (which CDK construct or property). */
  readonly fix: LocalizedText;
  /** The guide section that teaches it: lab id and heading anchor on that lab's page. */
  readonly guide: { readonly lab: string; readonly section: string };
  /** The seed section it retells (seed file id without extension, and section). */
  readonly seed: { readonly seed: string; readonly section: string };
  /** Modes the rule can judge. */
  readonly modes: readonly SourceKind[];
  /** AWS services the rule reads; a live target that does not emulate one makes the rule SKIP, never FAIL. */
  readonly services: readonly Service[];
  /**
   * CloudFormation types, or `Type.Property`, whose absence the rule cannot tell from a learner's
   * omission: a live target that does not create (or apply) one makes the rule SKIP with that reason.
   */
  readonly resourceTypes?: readonly string[];
  /** Optional stretch-goal rules: SKIP (not FAIL) when the architecture does not include the feature. */
  readonly optional?: boolean;
  /** Analyses of the template the engine prepares before the rule runs (see {@link Analyses}). */
  readonly analyses?: readonly AnalysisId[];
}

/** What a rule concluded. Messages exist in English and Korean. */
export interface Outcome {
  readonly status: Status;
  readonly message: LocalizedText;
  /** Ids of the resources the verdict is about, for the report. */
  readonly resources?: readonly string[];
  /** A SKIP whose points stay at stake (a detail of something missing), so every submission of a lab has the same maximum. */
  readonly pointsAtStake?: true;
}

/** What a rule may read. Rules are pure functions of this context. */
export interface RuleContext {
  readonly graph: ResourceGraph;
  readonly mode: SourceKind;
  readonly lab: Lab;
  /** The analyses the rule asked for in its metadata, prepared by the engine. */
  readonly analyses: Analyses;
}

/**
 * A rule: metadata plus a pure evaluation over the resource graph. Its outcomes come from the
 * helpers only: failWith (problems.ts) for FAIL, absent (absent.ts, which states the policy for
 * "the thing this rule checks is not there") or unseen for SKIP, withParticle (korean.ts) for a
 * Korean particle after a generated value; rules/style.test.ts enforces it.
 */
export interface Rule extends RuleMeta {
  evaluate(context: RuleContext): Outcome;
}
