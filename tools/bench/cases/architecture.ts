import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { labDir, repoRoot } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const CHECKER = path.join(repoRoot, 'checker', 'bin', 'checker.js');
const LAB = 'security-review';

/** Runs the checker in a new process from the lab's solution folder; throws on a non-zero exit. */
function run(args: string[]): void {
  const result = spawnSync(process.execPath, [CHECKER, ...args], {
    cwd: labDir(LAB, 'solution'),
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`checker ${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`);
}

/**
 * `checker diagram` and `checker price` on the security-review solution, as a learner runs them:
 * alone (one synth) and compared with the solution (two synths), the HTML page with Mermaid inlined, and the
 * markdown report, which draws against the committed target (one synth).
 */
export function architectureCases(): BenchCase[] {
  const group = `diagram and price ${LAB}`;
  const html = path.join(os.tmpdir(), `bench-diagram-${process.pid}.html`);
  return [
    { group, name: 'checker diagram --no-compare', baseline: true, run: () => run(['diagram', '--no-compare']) },
    { group, name: 'checker diagram (compared with the solution)', run: () => run(['diagram']) },
    { group, name: 'checker diagram --html', run: () => run(['diagram', '--html', html]) },
    { group, name: 'checker price --no-compare', run: () => run(['price', '--no-compare']) },
    { group, name: 'checker price (compared with the solution)', run: () => run(['price']) },
    { group, name: 'checker check --reporter markdown (with the drawing)', run: () => run(['check', '--reporter', 'markdown']) },
  ];
}
