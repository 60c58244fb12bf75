/*
 * Grading an app folder judges exactly what `checker check --app` judges on the same app: the same
 * stacks, Regions and stack tags reach the same graph, so every rule gives the same verdict. The
 * fixture (testing/tags-only) declares its RTO and RPO only as stack tags and fixes both stacks'
 * Regions, the two things the sandboxed synth once left out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab } from '@workshop/catalog';
import { main } from '../cli';
import type { Io } from '../commands/shared';
import type { CheckReport } from '../engine/result';
import { gradeClass } from './grade-class';
import { chooseContainment } from './sandbox/isolation';

const APP = path.join(__dirname, 'testing', 'tags-only');
const lab = findLab('backup-dr')!;

/** What a report says about the app, without timings and signatures. */
function verdicts(report: CheckReport) {
  return {
    source: report.source,
    score: report.score,
    summary: report.summary,
    results: report.results.map(({ durationMs: _durationMs, ...result }) => result),
  };
}

async function checkApp(env: Record<string, string>): Promise<CheckReport> {
  let stdout = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    cwd: process.cwd(),
    env: { LANG: 'en_US.UTF-8', ...env },
  };
  await main(['check', lab.id, '--app', APP, '--reporter', 'json', '--quiet'], io);
  return JSON.parse(stdout) as CheckReport;
}

(process.platform === 'linux' ? describe : describe.skip)('grading an app folder and `check --app`', () => {
  const saved = process.env.WORKSHOP_DIR;
  let workshop: string;
  beforeAll(() => {
    // Each side computes its own analyses: neither may find the other's in a shared cache.
    workshop = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-parity-'));
    process.env.WORKSHOP_DIR = workshop;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.WORKSHOP_DIR;
    else process.env.WORKSHOP_DIR = saved;
    fs.rmSync(workshop, { recursive: true, force: true });
  });

  it('give the same verdicts on an app with its RTO and RPO only as stack tags, each stack in its Region', async () => {
    const checked = await checkApp({ WORKSHOP_DIR: workshop });
    const graded = await gradeClass({
      lab,
      students: [{ id: 's1', name: 'One', line: 2, targetText: APP, target: { kind: 'app', dir: APP } }],
      lang: 'en',
      concurrency: 1,
      timeoutMs: 60_000,
      heapMb: 1024,
      containment: chooseContainment('auto', process.env),
      guideBaseUrl: '',
      env: process.env,
    });
    const outcome = graded.students[0];
    expect(outcome.error).toBeUndefined();
    const report = outcome.report!;
    const status = (of: CheckReport, ruleId: string) => of.results.find((result) => result.ruleId === ruleId)?.status;
    for (const side of [checked, report]) {
      // The tags of both stacks reach the rule: the RTO from the main stack, the RPO from the recovery stack.
      expect(status(side, 'recovery-objectives-declared')).toBe('PASS');
      // Only the main stack's Region tells that the copy goes to a vault in the plan's own Region.
      expect(status(side, 'backup-copy-to-second-region')).toBe('FAIL');
    }
    expect(verdicts(report)).toEqual(verdicts(checked));
  }, 120_000);
});
