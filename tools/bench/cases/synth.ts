import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, labDir } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const env = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' };

/**
 * `cdk synth` of each solution through the CLI (what `npm run synth` does) against running the same
 * app directly with tsx, without the CLI in between.
 */
export function synthCases(): BenchCase[] {
  return catalog.labs.flatMap((lab): BenchCase[] => {
    const cwd = labDir(lab.id, 'solution');
    const group = `synth ${lab.id}`;
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-synth-${lab.id}-`));
    return [
      {
        group,
        name: 'npx cdk synth -q',
        baseline: true,
        run: () => {
          execFileSync('npx', ['cdk', 'synth', '-q', '-o', outdir], { cwd, env, stdio: 'pipe' });
        },
      },
      {
        group,
        name: 'node -r tsx/cjs bin/shop.ts',
        run: () => {
          execFileSync(process.execPath, ['--require', 'tsx/cjs', 'bin/shop.ts'], {
            cwd,
            env: { ...env, CDK_OUTDIR: outdir },
            stdio: 'pipe',
          });
        },
      },
      {
        group,
        name: 'node -r tsx/cjs bin/shop.ts (validation off)',
        run: () => {
          execFileSync(process.execPath, ['--require', 'tsx/cjs', 'bin/shop.ts'], {
            cwd,
            env: { ...env, CDK_OUTDIR: outdir, CDK_VALIDATION: 'false' },
            stdio: 'pipe',
          });
        },
      },
    ];
  });
}
