import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, labDir, repoRoot } from '@workshop/catalog';
import { render } from './watch';
import type { WatchState } from '../learner/watch-session';

const BIN = path.join(__dirname, '..', '..', 'bin', 'checker.js');

/** A copy of a lab's starter in a temporary folder named after the lab, with the workshop's node_modules. */
function copyLab(id: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checker-watch-')), id);
  fs.cpSync(labDir(id, 'starter'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}cdk.out`) });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** The test's environment plus `extra`, without FORCE_COLOR (jest sets it; Node 22+ warns when it meets NO_COLOR). */
function plainEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.FORCE_COLOR;
  return env;
}

/** The watch as a learner runs it, with helpers to wait for its output. */
function startWatch(
  cwd: string,
  args: string[] = [],
): { child: ChildProcessWithoutNullStreams; output: () => string; waitFor: (text: RegExp, from?: number) => Promise<number> } {
  const child = spawn(process.execPath, [BIN, 'watch', '--debounce', '30', ...args], {
    cwd,
    env: plainEnv({ LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '1', WORKSHOP_DIR: path.join(cwd, '..', 'workshop') }),
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const waitFor = (text: RegExp, from = 0): Promise<number> =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${text}; output:\n${out}`)), 30_000);
      const poll = (): void => {
        const match = text.exec(out.slice(from));
        if (match) {
          clearTimeout(deadline);
          resolve(from + match.index + match[0].length);
        } else if (child.exitCode !== null) {
          clearTimeout(deadline);
          reject(new Error(`watch exited ${child.exitCode} before ${text}; output:\n${out}`));
        } else setTimeout(poll, 20);
      };
      poll();
    });
  return { child, output: () => out, waitFor };
}

describe('checker watch (the real process)', () => {
  jest.setTimeout(90_000);

  it('re-checks on save: the verdict changes, a syntax error shows file:line and keeps the verdict, Ctrl+C exits 0', async () => {
    const dir = copyLab('vpc-migration');
    const network = path.join(dir, 'lib', 'network.ts');
    const original = fs.readFileSync(network, 'utf8');
    const watch = startWatch(dir);
    try {
      let at = await watch.waitFor(/Watching .*vpc-migration/);
      expect(watch.output()).toMatch(/PASS {2}The shop's VPC uses the CIDR block 10\.0\.0\.0\/16 \(vpc-cidr\)/);
      expect(watch.output()).toMatch(/Step 1 of 7 \(lib\/network\.ts:\d+\)\n {2}Hint: Grow ShopNetwork/);

      fs.writeFileSync(network, original.replace("props.cidr ?? '10.0.0.0/16'", "props.cidr ?? '10.9.0.0/16'"));
      at = await watch.waitFor(/Checked [\d.]+ s after saving lib\/network\.ts\nWatching/, at);
      expect(watch.output().slice(0, at)).toMatch(/FAIL {2}The shop's VPC uses the CIDR block 10\.0\.0\.0\/16 \(vpc-cidr\)[^]*Checked/);

      const tiers = path.join(dir, 'lib', 'tiers.ts');
      fs.appendFileSync(tiers, '\nconst broken: = 1;\n');
      const before = at;
      at = await watch.waitFor(/Watching/, at);
      const screen = watch.output().slice(before, at);
      expect(screen).toMatch(/Synth failed: lib\/tiers\.ts:\d+:\d+: /);
      expect(screen).toMatch(/The verdict below is from the last synth that worked/);
      expect(screen).toMatch(/FAIL {2}The shop's VPC uses the CIDR block/);

      // Deleting the step-1 mark moves the hint on to step 2.
      fs.writeFileSync(tiers, fs.readFileSync(tiers, 'utf8').replace('\nconst broken: = 1;\n', ''));
      fs.writeFileSync(network, original.replace(/^.*TODO\(vpc-migration\) step 1.*\n/m, ''));
      const fixed = at;
      at = await watch.waitFor(/Step 2 of 7 \(lib\/security\.ts:\d+\)[^]*Watching/, at);
      expect(watch.output().slice(fixed, at)).toMatch(/PASS {2}The shop's VPC uses the CIDR block/);
    } finally {
      watch.child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => watch.child.on('exit', resolve));
    expect(code).toBe(0);
    expect(watch.output()).toMatch(/Stopped watching\.\n$/);
  });

  it('says in one line which folder is not a CDK app, and exits 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-watch-empty-'));
    const watch = startWatch(dir, ['vpc-migration', '--app', '.']);
    const code = await new Promise<number | null>((resolve) => watch.child.on('exit', resolve));
    expect(code).toBe(2);
    expect(watch.output().trim().split('\n')).toEqual([expect.stringMatching(/is not a CDK app \(no cdk\.json\)/)]);
  });
});

describe('render', () => {
  const lab = findLab('vpc-migration')!;
  const base = { lab, appDir: labDir('vpc-migration', 'starter'), color: false, clear: false } as const;

  it('shows a synth error without a verdict yet, then the step and hint, in Korean', () => {
    const state: WatchState = {
      outcome: 'synth-error',
      error: 'lib/tiers.ts:3:9: 예상하지 못한 "=": 이 TypeScript 문법 오류를 고친 뒤 다시 검사하세요.',
      step: { hint: lab.hints[1], mark: { step: 2, file: 'lib/security.ts', line: 47 }, done: 1, total: lab.hints.length },
      changed: ['lib/tiers.ts'],
      ms: 120,
    };
    const text = render(state, { ...base, lang: 'ko' });
    expect(text).toContain('synth 실패: lib/tiers.ts:3:9:');
    expect(text).toContain('아직 판정이 없습니다.');
    expect(text).toContain(`7단계 중 2단계 (lib/security.ts:47)\n  힌트: ${lab.hints[1].ko}`);
    expect(text).toContain('labs/vpc-migration을(를) 지켜보는 중');
  });

  it('clears the terminal on a TTY only', () => {
    const state: WatchState = { outcome: 'synth-error', error: 'x', changed: [], ms: 1 };
    expect(render(state, { ...base, lang: 'en', clear: true }).startsWith('\x1b[2J')).toBe(true);
    expect(render(state, { ...base, lang: 'en' })).not.toContain('\x1b[');
  });
});
