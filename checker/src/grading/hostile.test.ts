/*
 * A class with hostile submissions (testing/hostile/, one folder per attack) and two honest ones,
 * graded by the real CLI in a child process with a signing key and decoy credentials in its
 * environment. None may read the key or a variable outside the allow-list, change a grade, stop
 * the class, leave a process running or write outside its scratch folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labDir, repoRoot } from '@workshop/catalog';
import { parseCsv } from './csv';
import { PASSED_THROUGH } from './sandbox/env';
import { chooseContainment } from './sandbox/isolation';

const CHECKER = path.join(repoRoot, 'checker', 'bin', 'checker.js');
const HOSTILE = path.join(__dirname, 'testing', 'hostile');
const ATTACKS = fs.readdirSync(HOSTILE).filter((name) => fs.existsSync(path.join(HOSTILE, name, 'cdk.json')));
const TIMEOUT_S = 8;
const secrets = {
  CHECKER_SIGNING_KEY: `hostile-test-key-${process.pid}`,
  AWS_ACCESS_KEY_ID: 'AKIAHOSTILEDECOY0001',
  AWS_SECRET_ACCESS_KEY: `decoy-aws-secret-${process.pid}`,
  GITHUB_TOKEN: `decoy-github-token-${process.pid}`,
  NPM_TOKEN: `decoy-npm-token-${process.pid}`,
  CI: 'true',
};

const level = chooseContainment('auto', process.env).level;
// Only the namespace level contains hostile code; at the process level the guide says what an app can do.
const suite = level === 'namespace' ? describe : describe.skip;

const classDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-class-'));
const graderTmp = path.join(classDir, 'grader-tmp');
afterAll(() => fs.rmSync(classDir, { recursive: true, force: true }));

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile()) hash.update(fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return hash.digest('hex');
}

/** Processes started for this class still alive (by their command line). */
function leftovers(): string[] {
  const alive: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (command.includes('hostile-canary') || command.includes(classDir)) alive.push(`${pid} ${command}`);
    } catch {
      // ended while being read
    }
  }
  return alive;
}

/** Canary names (`hostile-canary-*`) of the processes running now in a folder of this class. */
function canariesRunning(): string[] {
  const names: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const canary = /hostile-canary-[a-z]+/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      if (canary && fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(classDir)) names.push(canary[0]);
    } catch {
      // ended while being read, or its folder is out of sight
    }
  }
  return names;
}

function grade(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', TMPDIR: graderTmp, ...secrets };
    const args = ['grade', '--lab', 'vpc-migration', '--roster', path.join(classDir, 'roster.csv'), '--out', out, '--quiet'];
    const child = spawn(process.execPath, [CHECKER, ...args, '--timeout', String(TIMEOUT_S), '--memory', '512'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

suite(`grading hostile submissions (${level} isolation)`, () => {
  const out = path.join(classDir, 'out');
  let run: { code: number | null; stdout: string; stderr: string };
  let second: { code: number | null; stdout: string; stderr: string };
  let rows: Record<string, string[]>;
  let header: string[];
  let honestBefore: string;
  const canariesSeen = new Set<string>();

  beforeAll(async () => {
    fs.cpSync(HOSTILE, classDir, { recursive: true });
    for (const [id, kind] of [
      ['honest-solved', 'solution'],
      ['honest-starter', 'starter'],
    ] as const) {
      fs.cpSync(labDir('vpc-migration', kind), path.join(classDir, id), {
        recursive: true,
        filter: (file) => !/[\\/](node_modules|cdk\.out)$/.test(file),
      });
    }
    // The class resolves aws-cdk-lib, tsx and the cdk CLI (for busy-npx) from the workshop's modules.
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(classDir, 'node_modules'));
    fs.mkdirSync(graderTmp);
    const ids = ['honest-solved', ...ATTACKS, 'honest-starter'];
    fs.writeFileSync(path.join(classDir, 'roster.csv'), ['student_id,name,target', ...ids.map((id) => `${id},${id},${id}`)].join('\n'));
    honestBefore = hashTree(path.join(classDir, 'honest-solved')) + hashTree(path.join(classDir, 'honest-starter'));
    // Watched while the class is graded: the busy app must really run before its timeout stops it.
    const watch = setInterval(() => canariesRunning().forEach((name) => canariesSeen.add(name)), 100);
    const first = grade(out);
    // A second run into the same folder while the first holds it.
    const lock = path.join(out, '.checker-grade.lock');
    for (let i = 0; i < 200 && !fs.existsSync(lock); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    second = await grade(out);
    run = await first;
    clearInterval(watch);
    const records = parseCsv(fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8')).map((record) => [...record.fields]);
    header = records[0];
    rows = Object.fromEntries(records.slice(1).map((row) => [row[0], row]));
  }, 120000);

  const cell = (id: string, column: string): string => rows[id][header.indexOf(column)];

  it('grades the whole class, refusing a second run into the same folder', () => {
    expect(second.code).toBe(2);
    expect(second.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Another checker grade \(pid \d+ on .*\) is writing to /)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(Object.keys(rows).sort()).toEqual(['honest-solved', 'honest-starter', ...ATTACKS].sort());
  });

  it('gives the honest students their true grades, signed, whatever the others did', () => {
    expect(cell('honest-solved', 'passed')).toBe('yes');
    expect(cell('honest-solved', 'score')).toBe(cell('honest-solved', 'max'));
    expect(cell('honest-starter', 'passed')).toBe('no');
    expect(Number(cell('honest-starter', 'score'))).toBeLessThan(Number(cell('honest-starter', 'max')));
    expect(hashTree(path.join(classDir, 'honest-solved')) + hashTree(path.join(classDir, 'honest-starter'))).toBe(honestBefore);
  });

  it('lets no submission read the key, credentials or any variable outside the allow-list', () => {
    const reason = cell('reads-env', 'error');
    const json = reason.slice(reason.indexOf('hostile-report ') + 'hostile-report '.length, reason.lastIndexOf('}') + 1);
    const report = JSON.parse(json) as { env: string[]; found: string[] };
    const allowed = new Set<string>([...PASSED_THROUGH, 'HOME', 'USERPROFILE', 'TMPDIR', 'TMP', 'TEMP', 'NODE_OPTIONS', 'NODE_PATH']);
    for (const name of ['npm_config_cache', 'npm_config_update_notifier', 'CDK_DISABLE_VERSION_CHECK', 'CDK_DISABLE_CLI_TELEMETRY'])
      allowed.add(name);
    for (const name of ['AWS_EC2_METADATA_DISABLED', 'CHECKER_SANDBOX']) allowed.add(name);
    expect(report.env.filter((name) => !allowed.has(name))).toEqual([]);
    expect(report.found.filter((entry) => entry !== 'AWS_EC2_METADATA_DISABLED=true')).toEqual([]);
    const everything = fs
      .readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    for (const [name, value] of Object.entries(secrets)) if (name !== 'CI') expect(everything).not.toContain(value);
  });

  it('signs only what the grader computed: a forged or malformed result is that student’s ERROR', () => {
    for (const id of ['tampers-result', 'malformed']) {
      expect(cell(id, 'passed')).toBe('ERROR');
      expect(cell(id, 'error')).toMatch(/^synth ended without a usable result/);
      expect(fs.existsSync(path.join(out, 'students', `${id}.json`))).toBe(false);
    }
  });

  it('grades the saboteur and the detacher honestly from their templates, and nothing they wrote landed', () => {
    for (const id of ['sabotages', 'detaches']) {
      expect([id, cell(id, 'score'), cell(id, 'max'), cell(id, 'vpc-cidr')]).toEqual([id, '5', '100', 'PASS']);
    }
    const outputs = ['gradebook.csv', 'summary.md', 'summary.html'].map((name) => fs.readFileSync(path.join(out, name), 'utf8'));
    expect(outputs.join('\n')).not.toContain('SABOTAGED');
    expect(fs.readFileSync(path.join(classDir, 'roster.csv'), 'utf8')).not.toContain('SABOTAGED');
  });

  it('lets a student that kills its parent end only its own synth', () => {
    // In its PID namespace the parent is out of sight: the signal reaches its own process group.
    expect(cell('kills-parent', 'error')).toMatch(/^synth ended \(signal SIGKILL\) before writing a template/);
  });

  it('keeps markup and formulas a student controls inert in the gradebook and the summaries', () => {
    expect(cell('injects-markup', 'error')).toMatch(/^'=HYPERLINK\("http:\/\/evil\.example","x"\)<script>/);
    for (const row of Object.values(rows)) expect(row.filter((value) => /^[=+\-@\t\r]/.test(value))).toEqual([]);
    const page = fs.readFileSync(path.join(out, 'summary.html'), 'utf8');
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('stops an endless synth behind npx at the timeout, and a 4 GB allocation at the memory cap', () => {
    expect(canariesSeen).toContain('hostile-canary-busy');
    expect(cell('busy-npx', 'error')).toMatch(
      new RegExp(`^synth did not finish within ${TIMEOUT_S} s and was stopped with every process it started`),
    );
    // Whatever signal ends the process after V8's report, and however long its stack trace.
    expect(cell('allocates', 'error')).toMatch(/^synth ran out of memory \(the limit is a 512 MB heap per process\)/);
  });

  it('reports a crashing app as a crash in one line, with its last words', () => {
    // The app is its PID namespace's init, which its own SIGABRT cannot end: glibc's abort() then
    // faults on purpose (SIGSEGV on x86-64, SIGTRAP on arm64).
    expect(cell('crashes', 'error')).toMatch(
      /^synth crashed \(signal SIG(?:ABRT|SEGV|TRAP)\) before writing a template: hostile-crash: the native addon gave up: run `npx cdk synth` in the app folder/,
    );
  });

  it('leaves no process running and no scratch folder behind', async () => {
    // A process killed a moment ago may still be in /proc while the kernel reaps it.
    for (let i = 0; i < 20 && leftovers().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(leftovers()).toEqual([]);
    expect(fs.readdirSync(graderTmp).filter((name) => name.startsWith('checker-'))).toEqual([]);
  });

  it('writes signed reports that all verify', () => {
    const reports = fs
      .readdirSync(path.join(out, 'students'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => path.join(out, 'students', name));
    expect(reports.length).toBe(Object.values(rows).filter((row) => row[header.indexOf('passed')] !== 'ERROR').length);
    const verified = spawnSync(process.execPath, [CHECKER, 'verify', ...reports], {
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', CHECKER_SIGNING_KEY: secrets.CHECKER_SIGNING_KEY },
      encoding: 'utf8',
    });
    expect(
      verified.stdout
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('valid: ')),
    ).toEqual([]);
    expect(verified.status).toBe(0);
  });
});
