import type { Lang } from '@workshop/catalog';
import type { CheckReport, RuleResult } from '../engine/result';
import type { ReporterOptions } from './types';
import { LABELS, verdict, type Labels } from './util';

/*
 * The runner output that GitHub Classroom's grading reporter reads. Its shape is the one the official
 * runners write, e.g. classroom-resources/autograding-io-grader src/main.js (commit 0b167f2):
 *   { version: 1, status, max_score, tests: [{ name, status, message, test_code, filename, line_no,
 *     execution_time: "<seconds>s", score }] }
 * and classroom-resources/autograding-grading-reporter (commit 43c2d9f) consumes it: src/main.js
 * decodes the base64 env var `<RUNNER>_RESULTS` and fails the job on status "fail" or "error";
 * src/notify-classroom.js grades with the sum of tests[].score out of the sum of max_score;
 * src/console-results.js prints `message` only for "error" and `test_code` for every test that has
 * one, so a FAIL carries its fix and guide link in `test_code` to reach the learner's log.
 *
 * A workflow step runs the checker and hands the file to the reporter:
 *   - id: checker
 *     run: |
 *       npx checker check vpc-migration --reporter pretty --reporter github-classroom=classroom.json || true
 *       echo "result=$(base64 -w0 classroom.json)" >> "$GITHUB_OUTPUT"
 *   - uses: classroom-resources/autograding-grading-reporter@v1
 *     env:
 *       CHECKER_RESULTS: ${{ steps.checker.outputs.result }}
 *     with:
 *       runners: checker
 */

/** A status as GitHub Classroom's runners write it. */
export type ClassroomStatus = 'pass' | 'fail' | 'error';

/** One test of a runner's output. */
export interface ClassroomTest {
  readonly name: string;
  readonly status: ClassroomStatus;
  readonly message: string;
  readonly test_code: string;
  readonly filename: string;
  readonly line_no: number;
  readonly execution_time: string;
  readonly score: number;
}

/** A runner's whole output, base64-encoded into `<RUNNER>_RESULTS` for the grading reporter. */
export interface ClassroomResult {
  readonly version: 1;
  readonly status: ClassroomStatus;
  readonly max_score: number;
  readonly tests: readonly ClassroomTest[];
}

/**
 * The report as a GitHub Classroom runner result. A SKIP rule is a passing test worth 0 points
 * (named as skipped): skipped rules are not at stake, so they must not lower the grade.
 */
export function githubClassroom(report: CheckReport, options: ReporterOptions): string {
  const lang = options.lang ?? report.lang;
  const labels = LABELS[lang];
  const result: ClassroomResult = {
    version: 1,
    status: verdict(report),
    max_score: report.score.maxPoints,
    tests: report.results.map((r) => toTest(r, lang, labels)),
  };
  return `${JSON.stringify(result)}\n`;
}

function toTest(result: RuleResult, lang: Lang, labels: Labels): ClassroomTest {
  const status: ClassroomStatus = result.status === 'FAIL' ? 'fail' : result.status === 'ERROR' ? 'error' : 'pass';
  const title = result.title[lang];
  return {
    name: result.status === 'SKIP' ? `${title} (${labels.status.SKIP})` : title,
    status,
    message: result.message[lang],
    test_code:
      result.status === 'FAIL'
        ? [result.message[lang], `${labels.fix}: ${result.fix[lang]}`, `${labels.guide}: ${result.guideUrl}`].join('\n')
        : '',
    filename: '',
    line_no: 0,
    execution_time: `${result.durationMs / 1000}s`,
    score: result.points,
  };
}
