/*
 * Grading an app folder judges exactly what `checker check --app` judges on the same app: the same
 * stacks, Regions and stack tags reach the same graph, so every rule gives the same verdict and the
 * report names the same source. The fixture (testing/tags-only) declares its RTO and RPO only as
 * stack tags and fixes both stacks' Regions, the two things the sandboxed synth once left out; it
 * runs both ways an app can: loaded in-process, and through `npx cdk synth` (read from its manifest).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, repoRoot } from '@workshop/catalog';
import { main } from '../cli';
import type { Io } from '../commands/shared';
import type { CheckReport } from '../engine/result';
import { gradeClass } from './grade-class';
import { chooseContainment } from './sandbox/isolation';

const FIXTURE = path.join(__dirname, 'testing', 'tags-only');
const lab = findLab('backup-dr')!;
/** cdk.json app commands: a plain entry the checker loads in-process, and one only the CDK CLI can run. */
const COMMANDS = { 'in-process': 'node bin/app.js', 'cdk-cli': 'node bin/app.js --through-the-cdk-cli' };

/** What a report says about the app, without timings and signatures. */
function verdicts(report: CheckReport) {
  return {
    source: report.source,
    score: report.score,
    summary: report.summary,
    results: report.results.map(({ durationMs: _durationMs, ...result }) => result),
  };
}

async function checkApp(app: string, env: Record<string, string>): Promise<CheckReport> {
  let stdout = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    cwd: process.cwd(),
    env: { LANG: 'en_US.UTF-8', ...env },
  };
  await main(['check', lab.id, '--app', app, '--reporter', 'json', '--quiet'], io);
  return JSON.parse(stdout) as CheckReport;
}

(process.platform === 'linux' ? describe : describe.skip)('grading an app folder and `check --app`', () => {
  const saved = process.env.WORKSHOP_DIR;
  let root: string;
  let workshop: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-parity-'));
    // Each side computes its own analyses: neither may find the other's in a shared cache.
    workshop = path.join(root, 'workshop');
    process.env.WORKSHOP_DIR = workshop;
    // Copies of the fixture, one per app command, resolving aws-cdk-lib and the cdk CLI from the workshop's modules.
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
    for (const [name, command] of Object.entries(COMMANDS)) {
      fs.cpSync(FIXTURE, path.join(root, name), { recursive: true });
      fs.writeFileSync(path.join(root, name, 'cdk.json'), JSON.stringify({ app: command }));
    }
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.WORKSHOP_DIR;
    else process.env.WORKSHOP_DIR = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(Object.keys(COMMANDS))(
    'give the same verdicts on an app with its RTO and RPO only as stack tags (%s)',
    async (name) => {
      const app = path.join(root, name);
      const checked = await checkApp(app, { WORKSHOP_DIR: workshop });
      const graded = await gradeClass({
        lab,
        students: [{ id: 's1', name: 'One', line: 2, targetText: app, target: { kind: 'app', dir: app } }],
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
    },
    120_000,
  );
});
