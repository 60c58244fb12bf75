import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labDir, repoRoot } from '@workshop/catalog';
import { CheckerError, ExitCode } from '../../errors';
import { parseSynthTimeout, synthAppIsolated } from './isolate';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A CDK app whose bin/app.ts is `code` after the aws-cdk-lib import, with the workspace's node_modules. */
function app(code: string): string {
  const dir = tempDir('checker-isolate-');
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'npx tsx bin/app.ts' }));
  fs.writeFileSync(path.join(dir, 'bin', 'app.ts'), `import { App, Stack, CfnResource } from 'aws-cdk-lib';\n${code}\n`);
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<CheckerError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CheckerError);
  return error as CheckerError;
}

/** Whether a process runs; a zombie (killed, not yet reaped by a container's init) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe('synthAppIsolated', () => {
  it('returns the same template as an in-process synth of a lab solution', async () => {
    const file = await synthAppIsolated(labDir('on-prem-baseline', 'solution'), 'ShopOnPremBaseline');
    const types = Object.values((file.template as { Resources: Record<string, { Type: string }> }).Resources).map((r) => r.Type);
    expect(types).toContain('AWS::EC2::Instance');
    expect(file.sha256).toHaveLength(64);
  });

  it('runs the analyses it is asked for in the child, right after synth, and none otherwise', async () => {
    const cache = tempDir('checker-isolate-cache-');
    const saved = process.env.WORKSHOP_DIR;
    process.env.WORKSHOP_DIR = cache;
    try {
      const dir = app(
        "const stack = new Stack(new App(), 'Shop');\nnew CfnResource(stack, 'Open', { type: 'AWS::EC2::SecurityGroup', properties: { GroupDescription: 'open', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] } });",
      );
      const analysed = await synthAppIsolated(dir, 'Shop', { analyses: ['cdkNag'] });
      expect(analysed.analyses?.cdkNag).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: 'AwsSolutions-EC23', resource: 'Open' })]),
      );
      expect((await synthAppIsolated(dir, 'Shop')).analyses).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.WORKSHOP_DIR;
      else process.env.WORKSHOP_DIR = saved;
    }
  });

  it('passes the one-line error of a failing app back, with the child stack as its cause for --debug', async () => {
    const error = await rejection(synthAppIsolated(app("throw new Error('broken on purpose');"), 'Shop'));
    expect(error.exitCode).toBe(ExitCode.Usage);
    expect(error.text.en).toMatch(/^synth failed: .*bin\/app\.ts:2:\d+: broken on purpose: fix the app code there/);
    expect((error.cause as Error).stack).toMatch(/broken on purpose/);
  });

  it('kills an app that never returns, and what it started, after the timeout, and removes its temporary folders', async () => {
    const tmp = tempDir('checker-isolate-tmp-');
    const pidFile = path.join(tmp, 'grandchild.pid');
    const dir = app(
      [
        "import { spawn } from 'node:child_process';",
        "import { writeFileSync } from 'node:fs';",
        "const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
        '// CDK makes its temporary cdk.out folder in the constructor; the pid file says both exist.',
        'new App();',
        `writeFileSync(${JSON.stringify(pidFile)}, String(sleeper.pid));`,
        'for (;;) {}',
      ].join('\n'),
    );
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const started = Date.now();
    let error: CheckerError;
    try {
      error = await rejection(synthAppIsolated(dir, 'Shop', { timeoutSeconds: 3 }));
    } finally {
      // Assigning undefined to process.env stores the string "undefined" (a relative temp folder).
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(error.text.en).toMatch(/^The app in .* did not finish synthesizing within 3 s: .*--synth-timeout <seconds>\.$/);
    expect(error.text.ko).toMatch(/3초 안에 synth를 끝내지 못했습니다/);
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    for (let waited = 0; alive(grandchild) && waited < 2_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
    expect(fs.readdirSync(tmp).filter((name) => /^(checker-synth-|cdk\.out)/.test(name))).toEqual([]);
  });

  it('reports an app that exits before synth ends, with its exit code', async () => {
    const error = await rejection(synthAppIsolated(app('process.exit(7);'), 'Shop'));
    expect(error.text.en).toMatch(/ended \(exit code 7\) before it finished synthesizing: remove its process\.exit\(\) call/);
  });

  it('keeps what the app prints out of standard output (it goes to standard error)', async () => {
    const dir = app("console.log('printed by the app');\nnew CfnResource(new Stack(new App(), 'Shop'), 'Vpc', { type: 'AWS::EC2::VPC' });");
    const writes: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((text) => Boolean(writes.push(String(text))));
    try {
      const file = await synthAppIsolated(dir, 'Shop');
      expect(Object.keys((file.template as { Resources: object }).Resources)).toEqual(['Vpc']);
    } finally {
      write.mockRestore();
    }
    expect(writes.join('')).not.toContain('printed by the app');
  });
});

describe('parseSynthTimeout', () => {
  it('takes seconds from 1 to 3600 and refuses anything else with a one-line error', () => {
    expect(parseSynthTimeout(undefined)).toBeUndefined();
    expect(parseSynthTimeout('90')).toBe(90);
    expect(parseSynthTimeout('2.5')).toBe(2.5);
    for (const bad of ['0', '-1', 'abc', '', '3601']) {
      expect(() => parseSynthTimeout(bad)).toThrow(/^--synth-timeout must be a number of seconds from 1 to 3600/);
    }
  });
});
