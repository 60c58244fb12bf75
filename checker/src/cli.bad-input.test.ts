/*
 * The bad-input matrix of `checker check`: hostile or broken inputs through the real process
 * (bin/checker.js), one line each. Every case must end with the right exit code and one line that
 * says what is wrong, no stack trace, and quickly: nothing may hang or crash the checker.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';
import { ExitCode } from './errors';

const BIN = path.join(__dirname, '..', 'bin', 'checker.js');
/** Root bypasses file permissions, so permission cases run as this unprivileged user when the tests run as root. */
const NOBODY = 65534;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-bad-input-'));
fs.chmodSync(root, 0o755);

/** Writes `files` (path -> content) under a new folder in `root` and returns the folder. */
function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, file), content, { mode: 0o644 });
  }
  return dir;
}

/** A one-file CDK app (TypeScript, run in-process by the synth child) whose bin/app.ts is `code`. */
function app(name: string, code: string): string {
  const dir = tree(name, {
    'cdk.json': JSON.stringify({ app: 'npx tsx bin/app.ts' }),
    'bin/app.ts': `import { App, Stack, CfnResource } from 'aws-cdk-lib';\n${code}\n`,
  });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const stack = "const stack = new Stack(new App(), 'ShopVpcMigration');";
const vpc = "new CfnResource(stack, 'Vpc', { type: 'AWS::EC2::VPC', properties: { CidrBlock: '10.0.0.0/16' } });";

function nestedJson(depth: number): string {
  return `{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"Tags": ${'['.repeat(depth)}${']'.repeat(depth)}}}}}`;
}

function aliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      Tags: *i\n`;
}

function assembly(name: string, manifest: object, template = '{"Resources": {}}'): string {
  return tree(name, { 'manifest.json': JSON.stringify(manifest), 'Shop.template.json': template });
}

const stackArtifact = {
  type: 'aws:cloudformation:stack',
  properties: { templateFile: 'Shop.template.json', stackName: 'ShopVpcMigration' },
};
const fixtures = {
  bomb: tree('bomb', { 'bomb.yaml': aliasBomb() }).concat('/bomb.yaml'),
  deepJson: tree('deep-json', { 't.json': nestedJson(10_000) }).concat('/t.json'),
  deepBadJson: tree('deep-bad-json', { 't.json': `{"Resources": ${'['.repeat(10_000)}` }).concat('/t.json'),
  deepFlowYaml: tree('deep-flow', {
    't.yaml': `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      Tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  }).concat('/t.yaml'),
  deepBlockYaml: tree('deep-block', {
    't.yaml': `Resources:\n${Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
  }).concat('/t.yaml'),
  selfAssembly: assembly('self-assembly', { artifacts: { Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } }),
  deepAssembly: assembly('deep-assembly', { artifacts: { Shop: stackArtifact } }, nestedJson(10_000)),
  huge: tree('huge', { 't.json': `{"Resources": {}, "Padding": "${'x'.repeat(6 * 1024 * 1024)}"}` }).concat('/t.json'),
  unreadable: tree('unreadable', { 't.yaml': 'Resources: {}\n' }),
  folder: tree('folder', { 'inside.txt': '' }),
  file: tree('file', { 'f.txt': '' }).concat('/f.txt'),
  template: tree('template', {
    't.yaml': 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n',
  }).concat('/t.yaml'),
  hangs: app('hangs', 'for (;;) {}'),
  exits: app('exits', `${stack}\nprocess.exit(0);`),
  prints: app('prints', `console.log('from the app');\nprocess.stdout.write('raw text\\n');\n${stack}\n${vpc}`),
  deepApp: app(
    'deep-app',
    `${stack}\nlet deep: unknown = 'x';\nfor (let i = 0; i < 150; i++) deep = [deep];\nnew CfnResource(stack, 'Vpc', { type: 'AWS::EC2::VPC', properties: { Tags: deep } });`,
  ),
};
for (const file of ['unreadable/t.yaml']) fs.chmodSync(path.join(root, file), 0o000);
const noAccess = tree('no-access', { 'manifest.json': '{}', 'cdk.json': '{}' });
fs.chmodSync(noAccess, 0o000);
const readOnly = tree('read-only', { 'keep.txt': '' });
fs.chmodSync(readOnly, 0o555);

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly stderr?: RegExp;
  /** Run as an unprivileged user (permission cases). */
  readonly unprivileged?: boolean;
  /** Standard output must be one JSON report. */
  readonly json?: boolean;
}

const check = ['check', 'vpc-migration'];
// prettier-ignore
const cases: Case[] = [
  { name: 'YAML alias bomb', args: [...check, '--template', fixtures.bomb], code: ExitCode.Usage, stderr: /bomb\.yaml:\d+:\d+: YAML aliases \(\*name\) expand to more than 100,000 values: write the values out/ },
  { name: '10k-deep JSON template', args: [...check, '--template', fixtures.deepJson], code: ExitCode.Usage, stderr: /t\.json: the template nests objects or lists more than 100 levels deep: .*fix the file/ },
  { name: '10k-deep invalid JSON', args: [...check, '--template', fixtures.deepBadJson], code: ExitCode.Usage, stderr: /t\.json: the template nests objects or lists more than 100 levels deep/ },
  { name: '10k-deep YAML flow lists', args: [...check, '--template', fixtures.deepFlowYaml], code: ExitCode.Usage, stderr: /t\.yaml:\d+:\d+: the template nests objects or lists more than 100 levels deep/ },
  { name: '2k-deep YAML block maps', args: [...check, '--template', fixtures.deepBlockYaml], code: ExitCode.Usage, stderr: /t\.yaml:\d+:\d+: the template nests objects or lists more than 100 levels deep/ },
  { name: '6 MB template', args: [...check, '--template', fixtures.huge], code: ExitCode.Usage, stderr: /t\.json is 6\.0 MB: CloudFormation accepts templates up to 1 MB and the checker reads up to 5 MB/ },
  { name: 'self-nesting cloud assembly', args: [...check, '--cdk-out', fixtures.selfAssembly], code: ExitCode.Usage, stderr: /manifest\.json: nested assembly Self \(\.\) leads back to an assembly that contains it: synthesize the app again/ },
  { name: 'cloud assembly with a 10k-deep template', args: [...check, '--cdk-out', fixtures.deepAssembly], code: ExitCode.Usage, stderr: /Shop\.template\.json: the template nests .* more than 100 levels deep/ },
  { name: 'app whose template nests 150 deep', args: [...check, '--app', fixtures.deepApp], code: ExitCode.Usage, stderr: /the template nests objects or lists more than 100 levels deep/ },
  { name: 'app that never returns', args: [...check, '--app', fixtures.hangs, '--synth-timeout', '1'], code: ExitCode.Usage, stderr: /^The app in .*hangs did not finish synthesizing within 1 s: look for a loop .* --synth-timeout <seconds>\.$/ },
  { name: 'app that exits during synth', args: [...check, '--app', fixtures.exits], code: ExitCode.Usage, stderr: /^The app in .*exits ended \(exit code 0\) before it finished synthesizing: remove its process\.exit\(\) call/ },
  { name: 'app that prints, json report on stdout', args: [...check, '--app', fixtures.prints, '--reporter', 'json'], code: ExitCode.Fail, json: true },
  { name: 'bad --synth-timeout', args: [...check, '--app', fixtures.prints, '--synth-timeout', '0'], code: ExitCode.Usage, stderr: /^--synth-timeout must be a number of seconds from 1 to 3600, not "0"\.$/ },
  { name: 'template is a folder (EISDIR)', args: [...check, '--template', fixtures.folder], code: ExitCode.Usage, stderr: /folder is a folder, not a template file: .*--cdk-out/ },
  { name: 'template unreadable (EACCES)', args: [...check, '--template', path.join(root, 'unreadable/t.yaml')], code: ExitCode.Usage, unprivileged: true, stderr: /^Permission denied reading the template .*t\.yaml: give your user read access/ },
  { name: 'cdk.out unreadable (EACCES)', args: [...check, '--cdk-out', noAccess], code: ExitCode.Usage, unprivileged: true, stderr: /^Permission denied reading the cloud assembly .*no-access\/manifest\.json: give your user read access/ },
  { name: 'cdk.out is a file', args: [...check, '--cdk-out', fixtures.file], code: ExitCode.Usage, stderr: /f\.txt is a file, not a cdk\.out folder: pass a template file with --template/ },
  { name: 'app folder unreadable (EACCES)', args: [...check, '--app', noAccess], code: ExitCode.Usage, unprivileged: true, stderr: /^Permission denied reading the app folder .*no-access: give your user read access/ },
  { name: 'app is a file', args: [...check, '--app', fixtures.file], code: ExitCode.Usage, stderr: /f\.txt is a file, not a CDK app folder/ },
  { name: 'report file is a folder (EISDIR)', args: [...check, '--template', fixtures.template, '--reporter', `json=${fixtures.folder}`], code: ExitCode.Usage, stderr: /^The report file .*folder is a folder: name a file in it, e\.g\. --reporter json=.*folder\/report\.json\.$/ },
  { name: 'report folder not writable (EACCES)', args: [...check, '--template', fixtures.template, '--reporter', `json=${readOnly}/r.json`], code: ExitCode.Usage, unprivileged: true, stderr: /^Permission denied writing the report file .*read-only\/r\.json: choose a path in a folder you can write to/ },
  { name: 'report path under a file (ENOTDIR)', args: [...check, '--template', fixtures.template, '--reporter', `junit=${fixtures.file}/r.xml`], code: ExitCode.Usage, stderr: /^Cannot write the report file .*f\.txt\/r\.xml: a part of the path is a file, not a folder/ },
];

function checker(args: readonly string[], unprivileged: boolean): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const asNobody = unprivileged && process.getuid?.() === 0;
  const result = spawnSync(process.execPath, [BIN, ...args, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

afterAll(() => {
  for (const dir of [noAccess, readOnly]) fs.chmodSync(dir, 0o755);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('checker check: the bad-input matrix', () => {
  it.each(cases)('$name: exit $code, one line, no stack trace, no hang', ({ args, code, stderr, unprivileged, json }) => {
    const result = checker(args, unprivileged === true);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: code, stderr: expect.anything() });
    expect(result.ms).toBeLessThan(8_000);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at |Maximum call stack/);
    if (stderr) {
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(stderr);
    }
    if (json) {
      expect(JSON.parse(result.stdout).lab.id).toBe('vpc-migration');
      expect(result.stderr).toContain('from the app');
      expect(result.stderr).toContain('raw text');
    }
  });
});

describe('checker check: Ctrl-C during a synth', () => {
  it('stops the app and what it started (they run in their own process group) and ends by the signal', async () => {
    const pidFile = path.join(root, 'ctrl-c.pid');
    const dir = app(
      'ctrl-c',
      [
        "import { spawn } from 'node:child_process';",
        "const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
        `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(sleeper.pid));`,
        'for (;;) {}',
      ].join('\n'),
    );
    const checker = spawn(process.execPath, [BIN, 'check', 'vpc-migration', '--app', dir, '--quiet'], { stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => checker.on('exit', (_code, signal) => resolve(signal)));
    for (let waited = 0; !fs.existsSync(pidFile) && waited < 15_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const sleeper = Number(fs.readFileSync(pidFile, 'utf8'));
    checker.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    for (let waited = 0; running(sleeper) && waited < 2_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running(sleeper)).toBe(false);
  });
});

/** Whether a process runs; a zombie (killed, not yet reaped by a container's init) does not. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}
