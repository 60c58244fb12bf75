import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab } from '@workshop/catalog';
import type { RuleResult } from '../engine/result';
import { passingKoreanReport } from '../reporters/fixtures';
import { parseCsv } from './csv';
import type { ClassResult, StudentOutcome } from './grade-class';
import { attest } from './integrity';
import { gradebookCsv, prepareOutputDir, ruleStats, summaryHtml, summaryMarkdown, writeOutputs } from './outputs';
import type { Student } from './roster';

const lab = findLab('vpc-migration')!;
const [first, second] = lab.checks;

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

function student(id: string, name: string, statuses?: Array<RuleResult['status']>): StudentOutcome {
  const s: Student = { id, name, line: 2, targetText: `${id}.json`, target: { kind: 'template', file: `${id}.json` } };
  if (!statuses) return { student: s, error: { en: 'synth failed: <boom>', ko: 'synth 실패: <boom>' }, durationMs: 1 };
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

function classResult(lang: 'en' | 'ko' = 'en'): ClassResult {
  return {
    lab,
    lang,
    students: [student('s1', 'Kim, "Minji"', ['PASS', 'FAIL']), student('s2', '<b>Lee</b>', ['FAIL', 'FAIL']), student('s3', 'Park')],
    rulesetSha256: 'c'.repeat(64),
    checkerVersion: '0.1.0',
    gradedAt: '2026-11-22T04:00:00.000Z',
    signed: false,
    durationMs: 10,
  };
}

describe('class outputs', () => {
  it('counts every rule across the graded students, SKIP not at stake', () => {
    const [a, b] = ruleStats(classResult());
    expect(a).toMatchObject({ ruleId: first, counts: { PASS: 1, FAIL: 1, SKIP: 0, ERROR: 0 }, passRate: 0.5 });
    expect(b).toMatchObject({ ruleId: second, counts: { PASS: 0, FAIL: 2 }, passRate: 0 });
    expect(ruleStats(classResult()).at(-1)).toMatchObject({ passRate: null });
  });

  it('writes a gradebook a spreadsheet reads back, with ERROR rows and their reason', () => {
    const rows = parseCsv(gradebookCsv(classResult())).map((record) => record.fields);
    expect(rows[0]).toEqual(['student_id', 'name', 'lab', 'score', 'max', 'passed', ...lab.checks, 'error']);
    expect(rows[1].slice(0, 8)).toEqual(['s1', 'Kim, "Minji"', 'vpc-migration', '5', '10', 'no', 'PASS', 'FAIL']);
    expect(rows[3].slice(0, 6)).toEqual(['s3', 'Park', 'vpc-migration', '', '', 'ERROR']);
    expect(rows[3].at(-1)).toBe('synth failed: <boom>');
  });

  it('lists the rules most often failed first, then who could not be graded', () => {
    const text = summaryMarkdown(classResult());
    expect(text.indexOf(`\`${second}\``)).toBeLessThan(text.indexOf(`\`${first}\``));
    expect(text).toMatch(new RegExp(`\\| \`${second}\` [^|]+\\| 2 \\| 0 \\| 0% \\|`));
    expect(text).toContain('- Passed every check: 0/3');
    expect(text).toContain('- Average score: 25%');
    expect(text).toContain('- `s3` Park: synth failed: \\<boom\\>');
  });

  it('draws pass-rate bars in a self-contained, escaped HTML page in the report language', () => {
    const page = summaryHtml(classResult('ko'));
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('규칙별 통과율');
    expect(page).toContain('class="bar fair" style="width:50%"');
    expect(page).toContain('class="bar poor" style="width:0%"');
    expect(page).toContain('&#60;b&#62;Lee&#60;/b&#62;');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it('writes every file, and refuses an output folder it cannot write', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outputs-'));
    try {
      prepareOutputDir(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out', 'students', 's3.json'), '{}');
      const written = writeOutputs(classResult(), path.join(dir, 'out')).map((file) => path.relative(path.join(dir, 'out'), file));
      expect(written.sort()).toEqual(
        [
          'gradebook.csv',
          'summary.html',
          'summary.md',
          'students/s1.json',
          'students/s1.md',
          'students/s1.xml',
          'students/s2.json',
          'students/s2.md',
          'students/s2.xml',
          'students/s3.md',
        ].sort(),
      );
      expect(fs.existsSync(path.join(dir, 'out', 'students', 's3.json'))).toBe(false);
      expect(fs.readFileSync(path.join(dir, 'out', 'students', 's1.md'), 'utf8')).toContain(
        '\n---\n\nchecker 0.1.0 · rule set cccccccccccc · template sha256 aaaaaaaaaaaa · unsigned\n',
      );
      fs.writeFileSync(path.join(dir, 'file'), '');
      expect(() => prepareOutputDir(path.join(dir, 'file', 'out'))).toThrow(
        /^Cannot write to the output folder .* \(ENOTDIR\): pass a folder you can write to with --out\.$/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
