import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, labDir, repoRoot } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const env = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' };
const CHECKER = path.join(repoRoot, 'checker', 'bin', 'checker.js');

/**
 * Runs a command under /usr/bin/time and returns its peak resident memory (MB, largest process)
 * and CPU time (user + system, ms, children included): CPU time stays meaningful when other work
 * shares the machine and stretches wall-clock times. `ok` lists the exit codes that are not errors.
 */
function measured(
  command: string,
  args: string[],
  cwd: string,
  ok: number[],
  extraEnv: Record<string, string> = {},
): Record<string, number> {
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  if (!ok.includes(result.status ?? -1)) {
    throw new Error(`${command} ${args.join(' ')} in ${cwd} exited ${result.status}: ${result.stderr.trim()}`);
  }
  const [kb, user, system] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { peakMB: Math.round(kb / 1024), cpuMs: Math.round((user + system) * 1000) };
}

/** The checker as a learner runs it, in a new process; exit codes 0 and 1 are verdicts, not errors. */
function runChecker(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Record<string, number> {
  return measured(process.execPath, [CHECKER, ...args], cwd, [0, 1], extraEnv);
}

/** A fresh, empty .workshop folder for each run, so every run pays for cdk-nag as a check of a new template does. */
function freshWorkshopDir(lab: string): { readonly env: Record<string, string>; next(): void } {
  let dir = '';
  process.on('exit', () => dir && fs.rmSync(dir, { recursive: true, force: true }));
  return {
    get env() {
      return { WORKSHOP_DIR: dir };
    },
    next() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-check-${lab}-workshop-`));
    },
  };
}

/**
 * `checker check` of each lab solution from its folder (in-process synth) against `npx cdk synth`
 * in the same folder as a learner runs it (built-in validation on), and a check from a ready
 * template. The extra figure `peakMB` is the checker process's maximum resident set.
 */
export function checkerCases(): BenchCase[] {
  return catalog.labs.flatMap((lab): BenchCase[] => {
    const cwd = labDir(lab.id, 'solution');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-check-${lab.id}-`));
    const template = path.join(outdir, `${lab.stackName}.template.json`);
    const workshop = freshWorkshopDir(lab.id);
    // cdk-nag's findings are cached by template hash: a lab that reads them also gets a case that never hits the cache.
    const newTemplate: BenchCase[] = lab.checks.includes('cdk-nag-aws-solutions')
      ? [
          {
            group: `checker ${lab.id}`,
            name: 'checker check (app folder, new template: cdk-nag not cached)',
            beforeEach: () => workshop.next(),
            run: () => runChecker(['check', '--reporter', 'json'], cwd, workshop.env),
          },
        ]
      : [];
    return [
      {
        group: `checker ${lab.id}`,
        name: 'npx cdk synth -q',
        baseline: true,
        run: () => measured('npx', ['cdk', 'synth', '-q', '-o', outdir], cwd, [0]),
      },
      {
        group: `checker ${lab.id}`,
        name: 'checker check (app folder)',
        run: () => runChecker(['check', '--reporter', 'json'], cwd),
      },
      ...newTemplate,
      {
        group: `checker ${lab.id}`,
        name: 'checker check --template (ready template)',
        setup: () => {
          if (!fs.existsSync(template))
            execFileSync('npx', ['cdk', 'synth', '-q', '-o', outdir], { cwd, env: { ...env, CDK_VALIDATION: 'false' }, stdio: 'pipe' });
        },
        run: () => runChecker(['check', lab.id, '--template', template, '--reporter', 'json'], repoRoot),
      },
    ];
  });
}
