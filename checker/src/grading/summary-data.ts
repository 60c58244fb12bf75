import type { LocalizedText, Lang } from '@workshop/catalog';
import { rules } from '../rules';
import type { Status } from '../rules/types';
import type { ClassResult, StudentOutcome } from './grade-class';
import type { SignedReport } from './integrity';

/** How one rule fared across the class (students that could not be graded are left out). */
export interface RuleStat {
  readonly ruleId: string;
  readonly title: LocalizedText;
  readonly guideUrl: string;
  readonly counts: Readonly<Record<Status, number>>;
  /** PASS over the students for whom the rule was at stake (SKIP left out); null when none. */
  readonly passRate: number | null;
}

/** Per-rule counts and pass rates, in the lab's check order. */
export function ruleStats(result: ClassResult): RuleStat[] {
  const graded = result.students.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  return result.lab.checks.map((ruleId): RuleStat => {
    const counts: Record<Status, number> = { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 };
    let sample: SignedReport['results'][number] | undefined;
    for (const report of graded) {
      const found = report.results.find((r) => r.ruleId === ruleId);
      if (!found) continue;
      sample ??= found;
      counts[found.status] += 1;
    }
    const atStake = counts.PASS + counts.FAIL + counts.ERROR;
    return {
      ruleId,
      title: sample?.title ?? rules.find((rule) => rule.id === ruleId)?.title ?? { en: ruleId, ko: ruleId },
      guideUrl: sample?.guideUrl ?? '',
      counts,
      passRate: atStake > 0 ? counts.PASS / atStake : null,
    };
  });
}

/** The words of the class summaries, in each report language. */
export const LABELS = {
  en: {
    title: (lab: string) => `Class summary: ${lab}`,
    graded: (date: string, n: number) => `Graded ${date}, ${n} students`,
    signed: (key: boolean) =>
      key ? 'reports signed with HMAC-SHA256 (verify with `checker verify`)' : 'reports not signed (set CHECKER_SIGNING_KEY to sign them)',
    passedAll: 'Passed every check',
    average: 'Average score',
    errors: 'Could not be graded',
    reteach: 'What to re-teach: rules most often failed',
    nothingFailed: 'Every graded student passed every rule.',
    rule: 'Rule',
    failed: 'Failed',
    couldNot: 'Not evaluated',
    passRate: 'Pass rate',
    guide: 'Guide',
    students: 'Students',
    student: 'Student',
    name: 'Name',
    score: 'Score',
    result: 'Result',
    chart: 'Pass rate per rule',
    result0: { yes: 'passed', no: 'failed', ERROR: 'ERROR' } as Record<string, string>,
    checker: 'checker',
    ruleset: 'rule set',
    inProgress: (done: number, total: number) => `In progress: ${done} of ${total} students graded so far`,
    isolation: { namespace: 'apps synthesized in sealed namespaces', process: 'apps synthesized in separate processes (weaker isolation)' },
  },
  ko: {
    title: (lab: string) => `반 전체 요약: ${lab}`,
    graded: (date: string, n: number) => `${date} 채점, 학생 ${n}명`,
    signed: (key: boolean) =>
      key ? '보고서는 HMAC-SHA256으로 서명됨(`checker verify`로 검증)' : '보고서 서명 없음(서명하려면 CHECKER_SIGNING_KEY를 설정)',
    passedAll: '모든 검사 통과',
    average: '평균 점수',
    errors: '채점하지 못함',
    reteach: '다시 가르칠 내용: 가장 많이 실패한 규칙',
    nothingFailed: '채점된 학생 모두 모든 규칙을 통과했습니다.',
    rule: '규칙',
    failed: '실패',
    couldNot: '평가 불가',
    passRate: '통과율',
    guide: '가이드',
    students: '학생',
    student: '학생',
    name: '이름',
    score: '점수',
    result: '결과',
    chart: '규칙별 통과율',
    result0: { yes: '통과', no: '실패', ERROR: 'ERROR' } as Record<string, string>,
    checker: 'checker',
    ruleset: '규칙 집합',
    inProgress: (done: number, total: number) => `채점 중: 학생 ${total}명 중 ${done}명 채점됨`,
    isolation: { namespace: '앱은 봉인된 네임스페이스에서 synth됨', process: '앱은 별도 프로세스에서 synth됨(약한 격리)' },
  },
} satisfies Record<Lang, unknown>;

/** The class in three numbers. */
export interface ClassFigures {
  readonly passedAll: number;
  readonly errors: number;
  readonly averagePercent: number | null;
}

/** Who passed everything, who could not be graded, and the average score of the graded. */
export function figures(result: ClassResult): ClassFigures {
  const graded = result.students.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  const percents = graded.filter((r) => r.score.maxPoints > 0).map((r) => (100 * r.score.points) / r.score.maxPoints);
  return {
    passedAll: graded.filter((r) => r.summary.FAIL === 0 && r.summary.ERROR === 0).length,
    errors: result.students.length - graded.length,
    averagePercent: percents.length > 0 ? Math.round(percents.reduce((a, b) => a + b, 0) / percents.length) : null,
  };
}

/** A student's result in one word: yes (passed everything), no, or ERROR. */
export function outcomeWord(outcome: StudentOutcome): 'yes' | 'no' | 'ERROR' {
  if (!outcome.report) return 'ERROR';
  return outcome.report.summary.FAIL === 0 && outcome.report.summary.ERROR === 0 ? 'yes' : 'no';
}

/** A rate as a whole percentage, "-" when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}
