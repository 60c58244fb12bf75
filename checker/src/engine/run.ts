import { performance } from 'node:perf_hooks';
import { guideRoute, type Lab, type Lang, type LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import { CannotEvaluate } from '../model/types';
import type { Analyses, Outcome, Rule, RuleMeta, Status } from '../rules/types';
import type { LoadedSource } from '../model/source';
import { ExitCode, type ExitCodeValue } from '../errors';
import { prepareAnalyses } from './analyses';
import { judgeDeployTime } from './deploy-time';
import { REPORT_SCHEMA_VERSION, type CheckReport, type RuleResult } from './result';
import { version as checkerVersion } from '../../package.json';

/** What the engine needs to judge one lab. */
export interface RunOptions {
  readonly lab: Lab;
  readonly loaded: LoadedSource;
  /** The rules the checker knows (the registry); the lab's `checks` pick from them, in order. */
  readonly rules: readonly Rule[];
  readonly lang: Lang;
  /** Prefix for guide links, e.g. "https://workshop.example.com"; empty gives site paths. */
  readonly guideBaseUrl?: string;
  /** The stack that was checked, when --stack overrode the catalog's. */
  readonly stackName?: string;
  /** When loading the graph started (ms since the epoch), so the report's duration covers it. */
  readonly startedAt?: number;
  /** Where analyses are cached. @default analysisCacheDir() (grading passes a folder of its own) */
  readonly analysisCacheDir?: string;
}

/** Site path (or URL, with a base) of the guide section that teaches a rule, in the given language. */
export function guideUrl(guide: RuleMeta['guide'], lang: Lang, base = ''): string {
  return `${base.replace(/\/+$/, '')}${guideRoute(guide.lab, { section: guide.section, lang })}`;
}

/** Runs the lab's checks over the loaded graph, each isolated, and builds the report. */
export function runChecks(options: RunOptions): CheckReport {
  const startedAt = options.startedAt ?? Date.now();
  const registry = new Map(options.rules.map((rule) => [rule.id, rule]));
  const checked = options.lab.checks.flatMap((id) => registry.get(id) ?? []);
  const analyses = prepareAnalyses(checked, options.loaded.graph, options.analysisCacheDir, options.loaded.analyses);
  const results = options.lab.checks.map((id): RuleResult => {
    const rule = registry.get(id);
    if (!rule) return undefinedRule(id);
    const start = performance.now();
    const outcome = judgeRule(rule, {
      graph: options.loaded.graph,
      lab: options.lab,
      targetSkip: options.loaded.targetSkip,
      analyses,
      analysisCacheDir: options.analysisCacheDir,
    });
    const durationMs = Math.round((performance.now() - start) * 100) / 100;
    const atStake = outcome.status === 'SKIP' && !outcome.pointsAtStake ? 0 : rule.points;
    return {
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      points: outcome.status === 'PASS' ? rule.points : 0,
      maxPoints: atStake,
      status: outcome.status,
      message: outcome.message,
      fix: rule.fix,
      guideUrl: guideUrl(rule.guide, options.lang, options.guideBaseUrl),
      resources: outcome.resources ?? [],
      durationMs,
    };
  });
  const summary: Record<Status, number> = { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 };
  for (const result of results) summary[result.status] += 1;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    checkerVersion,
    lab: { id: options.lab.id, title: options.lab.title, stackName: options.stackName ?? options.lab.stackName },
    source: options.loaded.source,
    lang: options.lang,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    results,
    score: {
      points: results.reduce((sum, result) => sum + result.points, 0),
      maxPoints: results.reduce((sum, result) => sum + result.maxPoints, 0),
    },
    summary,
  };
}

/** The exit code a report asks for: 1 when any rule failed or could not be evaluated, else 0. */
export function exitCodeOf(report: CheckReport): ExitCodeValue {
  return report.summary.FAIL > 0 || report.summary.ERROR > 0 ? ExitCode.Fail : ExitCode.Pass;
}

/** What one rule is judged over: the graph, its lab, and the target's limits (live mode). */
export interface JudgeContext {
  readonly graph: ResourceGraph;
  readonly lab: Lab;
  readonly targetSkip?: LoadedSource['targetSkip'];
  /** Prepared analyses (see prepareAnalyses); prepared for this rule alone when absent. */
  readonly analyses?: Analyses;
  /** Where analyses prepared here are cached. @default analysisCacheDir() */
  readonly analysisCacheDir?: string;
}

/** One rule's verdict as every report gives it (mode and target SKIPs, deploy-time values, ERRORs); never throws. */
export function judgeRule(rule: Rule, { graph, lab, targetSkip, analyses, analysisCacheDir }: JudgeContext): Outcome {
  const mode = graph.kind;
  if (!rule.modes.includes(mode)) return modeSkip(mode);
  const skip = targetSkip?.(rule);
  if (skip) return { status: 'SKIP', message: skip };
  const prepared = analyses ?? prepareAnalyses([rule], graph, analysisCacheDir);
  const evaluate = (judged: ResourceGraph): Outcome =>
    rule.evaluate({ graph: judged, mode, lab, analyses: judged === graph ? prepared : prepareAnalyses([rule], judged, analysisCacheDir) });
  try {
    return evaluateWithDeployTimeValues(evaluate, graph);
  } catch (error) {
    if (error instanceof CannotEvaluate) {
      // What is missing because the target does not create it is the target's gap, not the learner's.
      const gap = error.needs ? targetSkip?.({ ...rule, resourceTypes: [error.needs] }) : undefined;
      if (gap) return { status: 'SKIP', message: gap };
      return { status: 'ERROR', message: { en: `cannot evaluate: ${error.what}`, ko: `평가할 수 없습니다: ${error.what}` } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'ERROR',
      message: {
        en: `the rule crashed: ${message} (a checker bug: please report it with --debug output)`,
        ko: `규칙 실행 중 오류가 났습니다: ${message} (checker 버그입니다. --debug 출력과 함께 알려 주세요)`,
      },
    };
  }
}

/** The rule's outcome; a value chosen at deploy time is judged from what the template's constraints admit (deploy-time.ts). */
function evaluateWithDeployTimeValues(evaluate: (graph: ResourceGraph) => Outcome, graph: ResourceGraph): Outcome {
  try {
    return evaluate(graph);
  } catch (error) {
    const verdict = error instanceof CannotEvaluate ? judgeDeployTime(evaluate, graph, error) : undefined;
    if (verdict) return verdict;
    throw error;
  }
}

function modeSkip(mode: string): Outcome {
  const message: LocalizedText =
    mode === 'template'
      ? {
          en: 'Judged only on a live deployment: deploy the stack, then run the check with --live.',
          ko: '실제 배포에서만 판정합니다. 스택을 배포한 뒤 --live로 검사하세요.',
        }
      : {
          en: 'Judged only on the synthesized template: run the check with --app, --cdk-out or --template.',
          ko: 'synth한 템플릿에서만 판정합니다. --app, --cdk-out, --template으로 검사하세요.',
        };
  return { status: 'SKIP', message };
}

function undefinedRule(id: string): RuleResult {
  return {
    ruleId: id,
    title: { en: id, ko: id },
    severity: 'high',
    points: 0,
    maxPoints: 0,
    status: 'ERROR',
    message: {
      en: `this checker does not define the rule ${id} yet: update the checker (git pull) or report it.`,
      ko: `이 checker에는 아직 ${id} 규칙이 없습니다. checker를 업데이트(git pull)하거나 알려 주세요.`,
    },
    fix: { en: '', ko: '' },
    guideUrl: '',
    resources: [],
    durationMs: 0,
  };
}
