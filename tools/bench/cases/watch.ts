import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, labDir, repoRoot } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  CDK_DISABLE_VERSION_CHECK: '1',
  AWS_EC2_METADATA_DISABLED: 'true',
  NO_COLOR: '1',
  LANG: 'en_US.UTF-8',
  LC_ALL: '',
};
// Node 22 and newer warn on stderr when FORCE_COLOR meets NO_COLOR.
delete env.FORCE_COLOR;
const CHECKER = path.join(repoRoot, 'checker', 'bin', 'checker.js');

/** Watch processes started by these cases, stopped when the bench exits; their lab copies are removed. */
const started: Array<{ child: ChildProcess; dir: string }> = [];
process.once('exit', () => {
  for (const { child, dir } of started) {
    child.kill('SIGINT');
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

/** A copy of the lab's starter named after the lab (so the checker knows it), with the workshop's node_modules. */
function copyStarter(id: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-watch-')), id);
  fs.cpSync(labDir(id, 'starter'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}cdk.out`) });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** Resolves when `count` lines matching `pattern` have been printed. */
function printed(output: () => string, pattern: RegExp, count: number, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = (): void => {
      if ((output().match(pattern) ?? []).length >= count) resolve();
      else if (child.exitCode !== null || Date.now() > deadline) reject(new Error(`checker watch stopped answering:\n${output()}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

/**
 * Save to verdict with `checker watch` (a warm process re-synthesizing in place) against what a
 * learner would do without it: run `checker check` again in a new process after each save. Each save
 * tags the app with a new value, so the template changes every time and the rules run again.
 */
export function watchCases(): BenchCase[] {
  return catalog.labs.flatMap((lab): BenchCase[] => {
    const group = `watch ${lab.id}`;
    let dir = '';
    let saves = 0;
    const save = (): void => {
      saves += 1;
      fs.appendFileSync(path.join(dir, 'bin', 'shop.ts'), `\nrequire('aws-cdk-lib').Tags.of(app).add('bench', '${saves}');\n`);
    };
    let output = '';
    let child: ChildProcess | undefined;
    return [
      {
        group,
        name: 'save, then checker check in a new process',
        baseline: true,
        setup: () => {
          dir = copyStarter(lab.id);
        },
        run: () => {
          save();
          spawnSync(process.execPath, [CHECKER, 'check', '--reporter', 'json'], { cwd: dir, env, stdio: 'ignore' });
        },
      },
      {
        group,
        name: 'checker watch: save to verdict',
        setup: async () => {
          child = spawn(process.execPath, [CHECKER, 'watch', '--debounce', '50'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
          started.push({ child, dir });
          // The bench ends when its own work does; the exit handler above then stops this process.
          child.unref();
          for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref(): void }).unref();
          child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
          await printed(() => output, /^Watching /gm, 1, child);
        },
        run: async () => {
          const before = (output.match(/^Checked /gm) ?? []).length;
          save();
          await printed(() => output, /^Checked /gm, before + 1, child!);
          const reported = [...output.matchAll(/^Checked ([\d.]+) s after saving/gm)].pop();
          return reported ? { reportedMs: Math.round(Number(reported[1]) * 1000) } : undefined;
        },
      },
    ];
  });
}
