/* A small graded class for the output tests: two graded students and one ERROR, names that need escaping. */
import { findLab } from '@workshop/catalog';
import type { RuleResult } from '../../engine/result';
import { passingKoreanReport } from '../../reporters/fixtures';
import type { ClassResult, StudentOutcome } from '../grade-class';
import { attest } from '../integrity';
import type { Student } from '../roster';

/** The lab the fixture class took. */
export const lab = findLab('vpc-migration')!;
/** Its first two rules: the only ones the fixture reports carry. */
export const [first, second] = lab.checks;

function result(ruleId: string, status: RuleResult['status']): RuleResult {
  const base = passingKoreanReport.results[0];
  return {
    ...base,
    ruleId,
    status,
    points: status === 'PASS' ? 5 : 0,
    maxPoints: status === 'SKIP' ? 0 : 5,
    guideUrl: `/docs/labs/vpc-migration#${ruleId}`,
  };
}

/** A student graded with these statuses of the first two rules, or an ERROR without statuses. */
export function student(id: string, name: string, statuses?: Array<RuleResult['status']>, error = 'synth failed: <boom>'): StudentOutcome {
  const s: Student = { id, name, line: 2, targetText: `${id}.json`, target: { kind: 'template', file: `${id}.json` } };
  if (!statuses) return { student: s, error: { en: error, ko: error }, durationMs: 1 };
  const results = [result(first, statuses[0]), result(second, statuses[1])];
  const summary = { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 };
  for (const r of results) summary[r.status] += 1;
  const score = { points: results.reduce((a, r) => a + r.points, 0), maxPoints: results.reduce((a, r) => a + r.maxPoints, 0) };
  const report = attest(
    { ...passingKoreanReport, lang: 'en', results, summary, score },
    { rulesetSha256: 'c'.repeat(64), input: { kind: 'template', sha256: 'a'.repeat(64) }, studentId: id },
  );
  return { student: s, report, durationMs: 1 };
}

/** The class: s1 half right, s2 all wrong, s3 ERROR; `total` more than three makes it a class in progress. */
export function classResult(lang: 'en' | 'ko' = 'en', total = 3): ClassResult {
  return {
    lab,
    lang,
    students: [student('s1', 'Kim, "Minji"', ['PASS', 'FAIL']), student('s2', '<b>Lee</b>', ['FAIL', 'FAIL']), student('s3', 'Park')],
    total,
    rulesetSha256: 'c'.repeat(64),
    checkerVersion: '0.1.0',
    gradedAt: '2026-11-22T04:00:00.000Z',
    signed: false,
    isolation: 'namespace',
    durationMs: 10,
  };
}
