import type { Lang, LocalizedText } from '@workshop/catalog';
import type { Severity, Status } from '../rules/types';
import type { CheckSource } from '../model/source';
import type { Architecture, Missing } from '../model/architecture';

/** Version of the JSON report shape; bump on any incompatible change (documented in reporters/json). */
export const REPORT_SCHEMA_VERSION = 1;

/** The verdict of one rule, with the rule metadata a report needs. */
export interface RuleResult {
  readonly ruleId: string;
  readonly title: LocalizedText;
  readonly severity: Severity;
  /** Points earned: all of `maxPoints` on PASS, 0 otherwise. */
  readonly points: number;
  /** Points at stake; SKIP rules count 0 here so a target that lacks a service does not cost points. */
  readonly maxPoints: number;
  readonly status: Status;
  readonly message: LocalizedText;
  /** How to fix it (the rule's `fix`), shown for FAIL. */
  readonly fix: LocalizedText;
  /** Absolute URL or site path of the guide section that teaches the rule. */
  readonly guideUrl: string;
  readonly resources: readonly string[];
  readonly durationMs: number;
}

/** The result model every reporter renders. Reporters are pure functions of it. */
export interface CheckReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly checkerVersion: string;
  readonly lab: { readonly id: string; readonly title: LocalizedText; readonly stackName: string };
  readonly source: CheckSource;
  readonly lang: Lang;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly results: readonly RuleResult[];
  readonly score: { readonly points: number; readonly maxPoints: number };
  /** Counts per status. */
  readonly summary: Readonly<Record<Status, number>>;
  /** The learner's architecture, for the reporters that draw it; `check` sets it when a markdown report is asked for. */
  readonly architecture?: ReportArchitecture;
}

/** What the markdown report draws: the learner's architecture and what the lab's target has that it lacks. */
export interface ReportArchitecture {
  readonly mine: Architecture;
  /** Undefined when the lab's target drawing is not available. */
  readonly missing?: Missing;
}
