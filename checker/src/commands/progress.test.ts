import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, labDir, repoRoot } from '@workshop/catalog';
import { recordDeployment } from '@workshop/local';
import { labProgress } from '../learner/progress';
import { readProgress, writeRecord } from '../learner/record';
import { nextStep, renderProgress } from './progress';

const git = (cwd: string, ...args: string[]): void => {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
};

/** A workshop clone in a temporary folder: every starter committed, the workshop's node_modules linked. */
function workshopClone(): { root: string; env: Record<string, string> } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-progress-'));
  for (const lab of catalog.labs) {
    fs.cpSync(labDir(lab.id, 'starter'), labDir(lab.id, 'starter', root), {
      recursive: true,
      filter: (source) => !/[\\/](?:cdk\.out|node_modules)$/.test(source),
    });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  fs.writeFileSync(path.join(root, '.gitignore'), 'node_modules\n.workshop/\n');
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'workshop');
  return { root, env: { WORKSHOP_DIR: path.join(root, '.workshop') } };
}

/** Overwrites a starter with its solution: the learner finished the lab. */
function solve(root: string, id: string): void {
  for (const sub of ['bin', 'lib'])
    fs.cpSync(path.join(labDir(id, 'solution'), sub), path.join(labDir(id, 'starter', root), sub), { recursive: true });
}

describe('checker progress', () => {
  jest.setTimeout(60_000);

  it('tells not started, started, passing and passed live apart, and names the next step', () => {
    const { root, env } = workshopClone();
    solve(root, 'on-prem-baseline');
    solve(root, 'vpc-migration');
    const started = path.join(labDir('multi-az-rds', 'starter', root), 'lib', 'shop-stack.ts');
    fs.appendFileSync(started, '\n// working on it\n');
    recordDeployment(
      {
        labId: 'on-prem-baseline',
        stackName: 'ShopOnPremBaseline',
        app: 'starter',
        target: 'local',
        endpoint: 'http://127.0.0.1:4566',
        flavor: 'moto 5.2.5',
        region: 'us-east-1',
        account: '123456789012',
        deployedAt: '2026-12-01T10:00:00.000Z',
      },
      env,
    );
    writeRecord('on-prem-baseline', 'live', { verdict: 'pass', points: 100, maxPoints: 100, at: '2026-12-01T10:05:00.000Z' }, env);

    const labs = labProgress({ lang: 'en', env, root });
    expect(labs.map((entry) => [entry.lab.id, entry.state])).toEqual([
      ['on-prem-baseline', 'passed-live'],
      ['vpc-migration', 'passing'],
      ['multi-az-rds', 'started'],
      ['s3-static-hosting', 'not-started'],
      ['cloudfront-cdn', 'not-started'],
      ['security-review', 'not-started'],
      ['event-ready', 'not-started'],
      ['backup-dr', 'not-started'],
      ['global-expansion', 'not-started'],
    ]);
    const rds = labs[2];
    expect(rds.template?.verdict).toBe('fail');
    const hint = catalog.labs[2].hints.find((candidate) => candidate.step === rds.step?.hint.step)!;
    expect(nextStep(labs, 'en')).toEqual({
      text: expect.stringMatching(new RegExp(`^lab 3, multi-az-rds, step ${hint.step} of \\d+ \\(labs/multi-az-rds/${hint.file}:\\d+\\)`)),
      hint: hint.en,
      command: 'npx checker watch multi-az-rds',
    });

    const text = renderProgress(labs, 'en', false);
    expect(text).toMatch(/^Your progress {2}\[#{5}-{19}\] 2\/9 labs passing, 1 passed live\n/);
    expect(text).toMatch(/1\. on-prem-baseline {3}passed live +On-premises baseline {2}\(\d+\/\d+, deployed to moto 5\.2\.5\)/);
    expect(text).toMatch(/3\. multi-az-rds +started +Multi-AZ RDS[^\n]*\(\d+\/\d+, step \d of \d\)/);

    const korean = renderProgress(labProgress({ lang: 'ko', env, root }), 'ko', false);
    expect(korean).toMatch(/^진행 상황 {2}\[#{5}-{19}\] 실습 9개 중 2개 통과, 라이브 통과 1개\n/);
    expect(korean).toContain('라이브 통과');
    expect(korean).toContain(`힌트: ${hint.ko}`);

    // The starters' checks were recorded with their sources' hash: an unchanged starter is not synthesized again.
    const recorded = readProgress(env);
    expect(recorded['vpc-migration'].template).toMatchObject({ verdict: 'pass', sourceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    writeRecord('vpc-migration', 'template', { ...recorded['vpc-migration'].template!, verdict: 'fail', points: 7 }, env);
    expect(labProgress({ lang: 'en', env, root })[1]).toMatchObject({ state: 'started', template: { points: 7 } });
  });

  it('does not count a live pass of a deployed solution, nor one older than the last deploy', () => {
    const { root, env } = workshopClone();
    const deployment = {
      labId: 'on-prem-baseline',
      stackName: 'ShopOnPremBaseline',
      target: 'local' as const,
      endpoint: 'http://127.0.0.1:4566',
      region: 'us-east-1',
      account: '123456789012',
      deployedAt: '2026-12-01T10:00:00.000Z',
    };
    recordDeployment({ ...deployment, app: 'solution' }, env);
    writeRecord('on-prem-baseline', 'live', { verdict: 'pass', points: 100, maxPoints: 100, at: '2026-12-01T10:05:00.000Z' }, env);
    expect(labProgress({ lang: 'en', env, root })[0].state).not.toBe('passed-live');
    recordDeployment({ ...deployment, app: 'starter', deployedAt: '2026-12-01T11:00:00.000Z' }, env);
    const labs = labProgress({ lang: 'en', env, root });
    expect(labs[0].state).not.toBe('passed-live');
  });

  it('starts at lab 1 on a fresh clone, and says to check live once every lab passes', () => {
    const { root, env } = workshopClone();
    const fresh = labProgress({ lang: 'en', env, root });
    expect(fresh.every((entry) => entry.state === 'not-started')).toBe(true);
    expect(nextStep(fresh, 'en')).toMatchObject({ command: 'npx checker watch on-prem-baseline' });
    const passing = fresh.map((entry) => ({ ...entry, state: 'passing' as const }));
    expect(nextStep(passing, 'en').text).toContain('npm run deploy -- on-prem-baseline, then npx checker check on-prem-baseline --live');
    expect(nextStep(passing, 'ko').text).toContain('npx checker check on-prem-baseline --live');
  });
});
