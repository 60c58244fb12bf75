import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CloudFormationClient, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { findLab, repoRoot } from '@workshop/catalog';
import { EMULATOR_FLAVOR, installEmulator, startEmulator, stopProcess } from '../../local/src/emulator';
import { localClientConfig, scrubAwsEnv } from '../../local/src/env';
import { freePort } from '../../local/src/ports';
import { writeState, type LocalState } from '../../local/src/state';
import { checkLive, deleteStack, runDeployCommand, startSandbox, type LiveSandbox } from '../../../checker/testing/live-labs/harness';
import type { BenchCase } from '../harness';

/** Emulator processes started by these cases, stopped when the bench exits; their folders are removed. */
const started: number[] = [];
const folders: string[] = [];
process.once('exit', () => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * The embedded emulator: its cold start (process start until STS answers; target <= 10 s) and a deploy of
 * the vpc-migration solution to it through `npm run deploy` (bootstrap done in setup), the same deploy as an
 * update over the deployed starter (target <= 60 s), and
 * live checks of vpc-migration and of security-review (target <= 3 s), with their API calls.
 */
export function localCases(): BenchCase[] {
  const lab = findLab('vpc-migration');
  let state: LocalState | undefined;
  let updates: LiveSandbox | undefined;
  const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-local-')), 'local.json');
  const env = { ...scrubAwsEnv(process.env), WORKSHOP_LOCAL_STATE: stateFile, CI: 'true' };
  const deploy = () =>
    execFileSync(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['tools/local/src/cli/deploy.ts', 'deploy', 'vpc-migration', '--solution'],
      {
        cwd: repoRoot,
        env,
        stdio: 'pipe',
      },
    );
  return [
    {
      group: 'local emulator',
      name: `cold start of ${EMULATOR_FLAVOR}`,
      baseline: true,
      setup: () => installEmulator(),
      run: async () => {
        const start = performance.now();
        const emulator = await startEmulator(await freePort());
        const startMs = performance.now() - start;
        if (emulator.pid) await stopProcess(emulator.pid);
        return { startMs };
      },
    },
    {
      group: 'local deploy',
      name: `npm run deploy -- vpc-migration --solution (${EMULATOR_FLAVOR})`,
      baseline: true,
      setup: async () => {
        installEmulator();
        state = await startEmulator(await freePort());
        if (state.pid) started.push(state.pid);
        writeState(state, env);
        deploy(); // first deploy bootstraps; the timed runs measure what a learner's next deploys cost
      },
      run: async () => {
        if (!state || !lab) throw new Error('the emulator did not start');
        const cfn = new CloudFormationClient(localClientConfig(state));
        await cfn.send(new DeleteStackCommand({ StackName: lab.stackName })).catch(() => undefined);
        cfn.destroy();
        deploy();
      },
    },
    {
      group: 'local deploy',
      name: `update: npm run deploy -- vpc-migration --solution over the deployed starter (${EMULATOR_FLAVOR})`,
      setup: async () => {
        installEmulator();
        updates = await startSandbox();
        if (updates.state.pid) started.push(updates.state.pid);
        folders.push(updates.dir);
      },
      // Untimed: a fresh stack from the starter, as a learner has before finishing the TODOs.
      beforeEach: async () => {
        if (!updates || !lab) throw new Error('the emulator did not start');
        await deleteStack(updates, lab.stackName);
        const starter = await runDeployCommand(updates, 'deploy', lab.id, false);
        if (starter.code !== 0) throw new Error(`deploy of the vpc-migration starter failed:\n${starter.output.slice(-2000)}`);
      },
      run: async () => {
        if (!updates) throw new Error('the emulator did not start');
        const update = await runDeployCommand(updates, 'deploy', 'vpc-migration', true);
        if (update.code !== 0) throw new Error(`update deploy of the vpc-migration solution failed:\n${update.output.slice(-2000)}`);
      },
    },
    liveCheckCase('vpc-migration', false),
    // The figure: the lab with the most rules and services, its solution deployed as an update over its starter.
    liveCheckCase('security-review', true),
  ];
}

/**
 * A live check of a lab's deployed solution (over its starter when `overStarter`), in-process as
 * `checker check <lab> --live` runs it (target <= 3 s), with its API calls and the rules it judged.
 */
function liveCheckCase(labId: string, overStarter: boolean): BenchCase {
  const lab = findLab(labId);
  let sandbox: LiveSandbox | undefined;
  return {
    group: 'local live check',
    name: `checker check ${labId} --live (${EMULATOR_FLAVOR})`,
    baseline: labId === 'vpc-migration',
    setup: async () => {
      installEmulator();
      sandbox = await startSandbox();
      if (sandbox.state.pid) started.push(sandbox.state.pid);
      folders.push(sandbox.dir);
      for (const solution of overStarter ? [false, true] : [true]) {
        const deployed = await runDeployCommand(sandbox, 'deploy', labId, solution);
        if (deployed.code !== 0) throw new Error(`deploy of ${labId} failed:\n${deployed.output.slice(-2000)}`);
      }
    },
    run: async () => {
      if (!sandbox || !lab) throw new Error('the emulator did not start');
      const { report, calls } = await checkLive(sandbox, lab);
      return { apiCalls: calls.length, rulesJudged: report.summary.PASS + report.summary.FAIL };
    },
  };
}
