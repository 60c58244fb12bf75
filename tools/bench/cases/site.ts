import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const siteDir = path.join(repoRoot, 'site');

/** Everything a warm build reuses: the output, Docusaurus' generated files and the bundler's persistent caches. */
export const SITE_BUILD_CACHES = [
  path.join(siteDir, 'build'),
  path.join(siteDir, '.docusaurus'),
  path.join(siteDir, 'node_modules', '.cache'),
  path.join(repoRoot, 'node_modules', '.cache'),
];

/** Cold `docusaurus build` of both locales (en and ko): every cache is removed before each run. */
export function siteCases(): BenchCase[] {
  return [
    {
      group: 'site build',
      name: 'docusaurus build, en + ko, cold',
      baseline: true,
      run: () => {
        for (const dir of SITE_BUILD_CACHES) fs.rmSync(dir, { recursive: true, force: true });
        const start = process.hrtime.bigint();
        execFileSync('npx', ['docusaurus', 'build'], { cwd: siteDir, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
        const pages = fs.readdirSync(path.join(siteDir, 'build', 'docs', 'labs')).length;
        // buildOnlyMs leaves out removing the caches; the run's own time includes it.
        return { buildOnlyMs: Number(process.hrtime.bigint() - start) / 1e6, labPages: pages };
      },
    },
  ];
}
