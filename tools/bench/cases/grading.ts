import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, labDir, repoRoot } from '@workshop/catalog';
import type { BenchCase } from '../harness';

const LAB = 'vpc-migration';
const STUDENTS = 30;
const CHECKER = path.join(repoRoot, 'checker', 'bin', 'checker.js');
const env = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true', CI: 'true', CHECKER_SIGNING_KEY: 'bench' };

interface Class {
  readonly dir: string;
  readonly appRoster: string;
  readonly cdkOutRoster: string;
}

let prepared: Class | undefined;

/**
 * A class of 30 submissions in a temporary folder, half copies of the lab's starter and half of its
 * solution, each a variant (a comment naming the student in the entry file, so no two files are the
 * same), without node_modules as a cloned submission would be; and each one's cdk.out.
 */
function prepareClass(): Class {
  if (prepared) return prepared;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-grading-'));
  const stackName = findLab(LAB)!.stackName;
  const sources = (['starter', 'solution'] as const).map((kind) => {
    const src = labDir(LAB, kind);
    const out = path.join(dir, `${kind}.cdk.out`);
    execFileSync('npx', ['cdk', 'synth', '-q', '-o', out, stackName], {
      cwd: src,
      env: { ...env, CDK_VALIDATION: 'false' },
      stdio: 'pipe',
    });
    return { src, out };
  });
  const apps = ['student_id,name,target'];
  const cdkOuts = ['student_id,name,target'];
  for (let i = 1; i <= STUDENTS; i++) {
    const { src, out } = sources[i % 2];
    const id = `s${String(i).padStart(2, '0')}`;
    const app = path.join(dir, 'apps', id);
    fs.cpSync(src, app, { recursive: true, filter: (file) => !/[\\/](node_modules|cdk\.out)$/.test(file) });
    const entry = path.join(app, 'bin', 'shop.ts');
    fs.appendFileSync(entry, `// submitted by ${id}\n`);
    fs.cpSync(out, path.join(dir, 'cdk-outs', id), { recursive: true });
    apps.push(`${id},Student ${i},apps/${id}`);
    cdkOuts.push(`${id},Student ${i},cdk-outs/${id}`);
  }
  fs.writeFileSync(path.join(dir, 'apps.csv'), apps.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'cdk-outs.csv'), cdkOuts.join('\n') + '\n');
  prepared = { dir, appRoster: path.join(dir, 'apps.csv'), cdkOutRoster: path.join(dir, 'cdk-outs.csv') };
  return prepared;
}

/** Runs `checker grade` under /usr/bin/time: wall time per student, peak memory of the largest process, CPU of all. */
function grade(roster: 'appRoster' | 'cdkOutRoster', concurrency: number, isolation = 'auto'): Record<string, number> {
  const cls = prepareClass();
  const out = path.join(cls.dir, `out-${roster}-${concurrency}-${isolation}`);
  const started = Date.now();
  const args = [
    CHECKER,
    'grade',
    '--lab',
    LAB,
    '--roster',
    cls[roster],
    '--concurrency',
    String(concurrency),
    '--isolation',
    isolation,
    '--out',
    out,
    '--quiet',
  ];
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { env, encoding: 'utf8' });
  const elapsed = Date.now() - started;
  if (result.status !== 0) throw new Error(`checker grade exited ${result.status}: ${result.stderr.trim()}`);
  const [kb, user, system] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { msPerStudent: Math.round(elapsed / STUDENTS), peakMB: Math.round(kb / 1024), cpuMs: Math.round((user + system) * 1000) };
}

/**
 * `checker grade` of a class of 30 submissions of one lab at concurrency 2: from cdk.out folders
 * (nothing to synthesize: the grader's own judging and writing, the baseline), and from app
 * folders, each synthesized in a process of its own, sealed in namespaces where the machine allows
 * (auto) and at the process level. Target: the class from app folders in <= 30 s. The cost of
 * isolation per student is the app-folder case's msPerStudent minus the baseline's (a process,
 * aws-cdk-lib loaded and the synth itself); namespace minus process is the sealing alone.
 * `cpuMs` counts the grading process and the children it waited for.
 */
export function gradingCases(): BenchCase[] {
  const group = `grading ${STUDENTS} students of ${LAB}`;
  const setup = (): void => void prepareClass();
  return [
    { group, name: 'cdk.out, concurrency 2', baseline: true, setup, run: () => grade('cdkOutRoster', 2) },
    { group, name: 'app folders, concurrency 2, isolation auto', setup, run: () => grade('appRoster', 2) },
    { group, name: 'app folders, concurrency 2, isolation process', setup, run: () => grade('appRoster', 2, 'process') },
  ];
}
