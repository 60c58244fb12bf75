import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { attest, fingerprintOf, rulesetSha256 } from '../grading/integrity';
import { json } from '../reporters/json';
import { passingKoreanReport } from '../reporters/fixtures';
import { rules } from '../rules';
import { runMain } from './test-run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

const run = (argv: string[], env: Record<string, string> = {}) => runMain(argv, env, dir);

const graded = attest(
  passingKoreanReport,
  { rulesetSha256: rulesetSha256(rules), input: fingerprintOf(passingKoreanReport, {}), studentId: 's1' },
  'key',
);

describe('checker verify', () => {
  it('accepts a signed report in Korean, and rejects one from another rule set', async () => {
    const file = write('s1.json', json(graded, { color: false }));
    const ok = await run(['--lang', 'ko', 'verify', file], { CHECKER_SIGNING_KEY: 'key' });
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringMatching(/^유효: s1\.json: s1 vpc-migration 6\/6/) });
    const other = attest(passingKoreanReport, { rulesetSha256: 'e'.repeat(64), input: fingerprintOf(passingKoreanReport, {}) }, 'key');
    const stale = await run(['verify', write('old.json', json(other, { color: false }))], { CHECKER_SIGNING_KEY: 'key' });
    expect(stale).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('INVALID: old.json: graded with another rule set (eeeeeeeeeeee'),
    });
  });

  it('says a plain check report has no integrity block', async () => {
    const result = await run(['verify', write('plain.json', json(passingKoreanReport, { color: false }))]);
    expect(result).toMatchObject({
      code: 1,
      stdout: 'INVALID: plain.json: no integrity block: only reports written by `checker grade` carry one\n',
    });
  });

  it('goes on past unreadable files, reporting each, and exits 2', async () => {
    write('text.json', 'not json');
    const file = write('s1.json', json(graded, { color: false }));
    const result = await run(['verify', 'nope.json', 'text.json', file], { CHECKER_SIGNING_KEY: 'key' });
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^UNREADABLE: nope\.json: cannot read it as JSON \(ENOENT\)/),
      expect.stringMatching(/^UNREADABLE: text\.json: cannot read it as JSON \(Unexpected token/),
      expect.stringMatching(/^valid: s1\.json: s1 vpc-migration 6\/6/),
      '',
    ]);
    expect(result.stderr).toBe('0 of 3 reports invalid, 2 unreadable\n');
  });

  it("rejects a valid report copied under another student's name, and still checks the files after it", async () => {
    const copied = write('s2.json', json(graded, { color: false }));
    const own = write('s1.json', json(graded, { color: false }));
    const result = await run(['verify', copied, own], { CHECKER_SIGNING_KEY: 'key' });
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout).toBe(
      "INVALID: s2.json: the report is s1's, but the file is named s2.json: a report counts only under its own student's name (s1.json)\n" +
        `valid: s1.json: ${result.stdout.split('valid: s1.json: ')[1]}`,
    );
  });
});
