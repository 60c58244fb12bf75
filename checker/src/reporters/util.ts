import type { Lang } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';
import type { Status } from '../rules/types';

/** The order statuses are counted and listed in. */
export const STATUSES: readonly Status[] = ['PASS', 'FAIL', 'ERROR', 'SKIP'];

/**
 * The run's overall verdict, the same one the exit code gives: any FAIL fails the run, otherwise any
 * ERROR makes it an error (both exit 1), otherwise it passes (SKIP never costs the learner anything).
 */
export function verdict(report: CheckReport): 'pass' | 'fail' | 'error' {
  if (report.summary.FAIL > 0) return 'fail';
  if (report.summary.ERROR > 0) return 'error';
  return 'pass';
}

/** Fixed words of the human-readable reports, in each language. */
export interface Labels {
  readonly status: Readonly<Record<Status, string>>;
  readonly source: string;
  readonly target: string;
  readonly fix: string;
  readonly guide: string;
  readonly score: string;
  /** "3/12 points" */
  readonly pointsOf: (points: number, maxPoints: number) => string;
  readonly rule: string;
  readonly result: string;
  readonly message: string;
  readonly howToFix: string;
  readonly explain: (command: string) => string;
  readonly noRules: string;
  readonly verdict: Readonly<Record<ReturnType<typeof verdict>, string>>;
  /** "2 passed, 1 failed" style counts; zero counts are left out. */
  readonly counts: (summary: CheckReport['summary']) => string;
  readonly duration: (ms: number) => string;
  readonly checkedWith: (version: string) => string;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** Labels for English and Korean. */
export const LABELS: Readonly<Record<Lang, Labels>> = {
  en: {
    status: { PASS: 'Pass', FAIL: 'Fail', SKIP: 'Skipped', ERROR: 'Error' },
    source: 'Source',
    target: 'target',
    fix: 'Fix',
    guide: 'Guide',
    score: 'Score',
    pointsOf: (points, maxPoints) => `${points}/${maxPoints} points`,
    rule: 'Rule',
    result: 'Result',
    message: 'Details',
    howToFix: 'How to fix',
    explain: (command) => `More about a rule: ${command}`,
    noRules: 'No rules were run for this lab.',
    verdict: { pass: 'All checks passed', fail: 'Some checks failed', error: 'Some checks could not be evaluated' },
    counts: (summary) =>
      joinCounts(
        [
          [summary.PASS, 'passed'],
          [summary.FAIL, 'failed'],
          [summary.ERROR, summary.ERROR === 1 ? 'error' : 'errors'],
          [summary.SKIP, 'skipped'],
        ],
        (n, word) => `${n} ${word}`,
        ', ',
      ),
    duration: (ms) => `${seconds(ms)} s`,
    checkedWith: (version) => `checker ${version}`,
  },
  ko: {
    status: { PASS: '통과', FAIL: '실패', SKIP: '건너뜀', ERROR: '오류' },
    source: '검사 대상',
    target: '환경',
    fix: '고치는 방법',
    guide: '가이드',
    score: '점수',
    pointsOf: (points, maxPoints) => `${points}/${maxPoints}점`,
    rule: '규칙',
    result: '결과',
    message: '설명',
    howToFix: '고치는 방법',
    explain: (command) => `규칙을 더 자세히 보려면: ${command}`,
    noRules: '이 실습에서 실행된 규칙이 없습니다.',
    verdict: {
      pass: '모든 검사를 통과했습니다',
      fail: '통과하지 못한 검사가 있습니다',
      error: '평가하지 못한 검사가 있습니다',
    },
    counts: (summary) =>
      joinCounts(
        [
          [summary.PASS, '통과'],
          [summary.FAIL, '실패'],
          [summary.ERROR, '오류'],
          [summary.SKIP, '건너뜀'],
        ],
        (n, word) => `${word} ${n}`,
        ', ',
      ),
    duration: (ms) => `${seconds(ms)}초`,
    checkedWith: (version) => `checker ${version}`,
  },
};

function joinCounts(
  counts: ReadonlyArray<readonly [number, string]>,
  format: (n: number, word: string) => string,
  separator: string,
): string {
  return counts
    .filter(([n]) => n > 0)
    .map(([n, word]) => format(n, word))
    .join(separator);
}

/** The command that explains a rule, as a learner would type it from the repository root. */
export function explainCommand(ruleId: string): string {
  return `npx checker explain ${ruleId}`;
}
