import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, labDir, repoRoot } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const env = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' };
const CHECKER = path.join(repoRoot, 'checker', 'bin', 'checker.js');

/**
 * Runs the checker as a learner would (a new process) under /usr/bin/time and returns its peak
 * resident memory. Exit codes 0 and 1 are verdicts; anything else means the case measured an error.
 */
function runChecker(args: string[], cwd: string): Record<string, number> {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CHECKER, ...args], { cwd, env, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`checker ${args.join(' ')} in ${cwd} exited ${result.status}: ${result.stderr.trim()}`);
  }
  const kb = Number(result.stderr.trim().split('\n').pop());
  return { peakMB: Math.round(kb / 1024) };
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
    return [
      {
        group: `checker ${lab.id}`,
        name: 'npx cdk synth -q',
        baseline: true,
        run: () => {
          execFileSync('npx', ['cdk', 'synth', '-q', '-o', outdir], { cwd, env, stdio: 'pipe' });
        },
      },
      {
        group: `checker ${lab.id}`,
        name: 'checker check (app folder)',
        run: () => runChecker(['check', '--reporter', 'json'], cwd),
      },
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
