import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labDir } from '@workshop/catalog';
import { main } from '../cli';
import { parseCsv } from '../grading/csv';
import type { Io } from './shared';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grade-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A hand-written template with only the lab's VPC: vpc-cidr passes, the rest of the lab fails. */
const vpcOnly = { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } };
fs.writeFileSync(path.join(dir, 'vpc.json'), JSON.stringify(vpcOnly));
fs.writeFileSync(
  path.join(dir, 'wrong-cidr.yaml'),
  'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 192.168.0.0/16\n',
);
fs.writeFileSync(path.join(dir, 'broken.json'), '{ "Resources": ');

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd: dir,
    env: { ...process.env, LANG: 'en_US.UTF-8', CHECKER_SIGNING_KEY: '', ...env },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function roster(name: string, lines: string[]): string {
  fs.writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
  return name;
}

function gradebook(out: string): string[][] {
  return parseCsv(fs.readFileSync(path.join(dir, out, 'gradebook.csv'), 'utf8')).map((record) => [...record.fields]);
}

describe('checker grade', () => {
  it('grades template submissions, marks a broken one ERROR and keeps going, and signs the reports', async () => {
    const file = roster('templates.csv', [
      'student_id,name,target',
      's1,"Kim, Minji",vpc.json',
      's2,Lee,wrong-cidr.yaml',
      's3,Park,broken.json',
      's4,Choi,endpoint:http://127.0.0.1:9',
    ]);
    const result = await run(['grade', '--lab', 'vpc-migration', '--roster', file, '--out', 'out1', '--concurrency', '2'], {
      CHECKER_SIGNING_KEY: 'k',
    });
    expect(result.stderr).toContain('[4/4]');
    expect(result.stdout).toContain('vpc-migration: graded 4 students');
    expect(result.code).toBe(1);

    const rows = gradebook('out1');
    expect(rows[0].slice(0, 7)).toEqual(['student_id', 'name', 'lab', 'score', 'max', 'passed', 'vpc-cidr']);
    expect(rows[0].at(-1)).toBe('error');
    const byId = Object.fromEntries(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.s1.slice(0, 7)).toEqual(['s1', 'Kim, Minji', 'vpc-migration', '5', '100', 'no', 'PASS']);
    expect(byId.s2[6]).toBe('FAIL');
    expect(byId.s3[5]).toBe('ERROR');
    expect(byId.s3.at(-1)).toMatch(/broken\.json/);
    expect(byId.s4[5]).toBe('ERROR');

    const students = path.join(dir, 'out1', 'students');
    expect(fs.readdirSync(students).sort()).toEqual(['s1.json', 's1.md', 's1.xml', 's2.json', 's2.md', 's2.xml', 's3.md', 's4.md']);
    expect(fs.readFileSync(path.join(students, 's1.md'), 'utf8')).toMatch(
      /signed with HMAC-SHA256 \(key id [0-9a-f]{16}\): verify with checker verify s1\.json\n$/,
    );
    expect(fs.readFileSync(path.join(students, 's1.xml'), 'utf8')).toMatch(
      /<testsuite[^]*<!-- checker [^>]* signed with HMAC-SHA256 [^>]* -->\n$/,
    );
    const summary = fs.readFileSync(path.join(dir, 'out1', 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| `subnets-span-two-azs` [^|]+\| 2 \| 0 \| 0% \|/);
    expect(summary).toContain('- `s3` Park:');
    expect(fs.readFileSync(path.join(dir, 'out1', 'summary.html'), 'utf8')).toContain('<html lang="en">');

    const verified = await run(['verify', 'out1/students/s1.json', 'out1/students/s2.json'], { CHECKER_SIGNING_KEY: 'k' });
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(/^valid: out1\/students\/s1\.json: s1 vpc-migration 5\/100/);
    const report = JSON.parse(fs.readFileSync(path.join(students, 's2.json'), 'utf8'));
    report.results[0].status = 'PASS';
    fs.mkdirSync(path.join(dir, 'tampered'));
    fs.writeFileSync(path.join(dir, 'tampered', 's2.json'), JSON.stringify(report));
    const tampered = await run(['verify', 'tampered/s2.json'], { CHECKER_SIGNING_KEY: 'k' });
    expect(tampered).toEqual({
      code: 1,
      stderr: '',
      stdout: 'INVALID: tampered/s2.json: the signature does not match: the report was changed after grading\n',
    });
    expect(await run(['verify', 'tampered/s2.json'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('set CHECKER_SIGNING_KEY'),
    });
  }, 60000);

  it('grades real lab app folders in workers, with a stack override and in Korean', async () => {
    const file = roster('apps.csv', [
      'student_id,name,target,stack',
      `solved,Solved,${labDir('vpc-migration', 'solution')},`,
      `starter,Starter,${labDir('vpc-migration', 'starter')},`,
      `ahead,Ahead,${labDir('multi-az-rds', 'solution')},ShopMultiAzRds`,
    ]);
    const result = await run(['--lang', 'ko', 'grade', '--lab', 'vpc-migration', '--roster', file, '--out', 'out2', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const byId = Object.fromEntries(
      gradebook('out2')
        .slice(1)
        .map((row) => [row[0], row]),
    );
    expect(byId.solved[5]).toBe('yes');
    expect(byId.ahead[5]).toBe('yes');
    expect(byId.starter[5]).toBe('no');
    expect(fs.readFileSync(path.join(dir, 'out2', 'summary.html'), 'utf8')).toContain('규칙별 통과율');
  }, 120000);

  it.each([
    ['an unknown lab', ['--lab', 'vpc-migrate', '--roster', 'templates.csv'], 'Unknown lab "vpc-migrate". Did you mean "vpc-migration"?'],
    [
      'a malformed roster',
      ['--lab', 'vpc-migration', '--roster', roster('bad.csv', ['student_id,target', 's1,"vpc.json']), '--out', 'o'],
      'bad.csv:2:1: a quoted field is never closed',
    ],
    [
      'duplicate student ids',
      ['--lab', 'vpc-migration', '--roster', roster('dup.csv', ['student_id,target', 's1,vpc.json', 's1,vpc.json'])],
      'dup.csv:3:1: student id "s1" appears again (first on line 2)',
    ],
    [
      'a missing path',
      ['--lab', 'vpc-migration', '--roster', roster('missing.csv', ['student_id,target', 's1,gone.json'])],
      'gone.json does not exist',
    ],
    [
      'an unwritable output folder',
      ['--lab', 'vpc-migration', '--roster', 'templates.csv', '--out', 'vpc.json/out'],
      'Cannot write to the output folder',
    ],
    [
      'a bad concurrency',
      ['--lab', 'vpc-migration', '--roster', 'templates.csv', '--concurrency', '0'],
      '--concurrency must be a whole number from 1 to 64',
    ],
  ])('stops on %s with one line and exit code 2', async (_, args, message) => {
    roster('templates.csv', ['student_id,target', 's1,vpc.json']);
    const result = await run(['grade', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
