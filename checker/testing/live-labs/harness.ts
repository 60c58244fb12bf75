import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CloudFormationClient, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { labStacks, repoRoot, secondaryRegion, type Lab } from '@workshop/catalog';
import {
  EMULATOR,
  freePort,
  isInstalled,
  localClientConfig,
  scrubAwsEnv,
  stackStatus,
  startEmulator,
  stopProcess,
  venvDir,
  workshopDir,
  writeState,
  type LocalState,
} from '@workshop/local';
import { runChecks } from '../../src/engine/run';
import type { CheckReport } from '../../src/engine/result';
import { rules } from '../../src/rules';
import { fromLabTemplates, hasSeveralStacks, stacksToLoad } from '../../src/sources';
import { loadCdkOut } from '../../src/sources/template/load';
import { loadLiveGraph, loadLiveStacks, type ApiCall } from '../../src/sources/live';
import { quietSdkNodeWarning } from '../../src/sources/live/node-notice';
import type { TargetProfile } from '../../src/sources/live/targets';

// The harness's own SDK clients (stack status, deletes) are created before the live loader's: quiet the SDK's Node warning first.
quietSdkNodeWarning();

/** Why the embedded emulator cannot run here, or undefined when it is installed. */
export function emulatorMissing(): string | undefined {
  return isInstalled() ? undefined : `embedded emulator ${EMULATOR.pipSpec} is not installed: run npm run local -- install`;
}

/** A private embedded emulator for tests and benches: its own port and state file, never the learner's. */
export interface LiveSandbox {
  readonly state: LocalState;
  /** Its own .workshop folder (state file, cloud assemblies, CDK cache, emulator log). */
  readonly dir: string;
  /** Environment for the deploy commands: no real AWS variables, this sandbox's state file, English. */
  readonly env: NodeJS.ProcessEnv;
  /** Stops the emulator and removes the state file's folder. */
  stop(): Promise<void>;
}

/** Starts the installed emulator on a free 127.0.0.1 port with a state file of its own. */
export async function startSandbox(): Promise<LiveSandbox> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-live-'));
  // A .workshop folder of its own (cloud assemblies, CDK cache, logs), sharing the installed emulator's venv,
  // so a learner's or another test's deploy of the same lab never races this one.
  fs.symlinkSync(venvDir(), venvDir({ WORKSHOP_DIR: dir }), 'dir');
  const env: NodeJS.ProcessEnv = {
    ...scrubAwsEnv(process.env),
    WORKSHOP_DIR: dir,
    WORKSHOP_LOCAL_STATE: path.join(dir, 'local.json'),
    WORKSHOP_LANG: 'en',
    CDK_VALIDATION: 'false',
  };
  const state = await startEmulator(await freePort(), env);
  writeState(state, env);
  return {
    state,
    dir,
    env,
    stop: async () => {
      if (state.pid) await stopProcess(state.pid);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A stack of a lab on the sandbox: its name and the Region it is deployed to. */
export interface SandboxStack {
  readonly name: string;
  readonly region: string;
}

/** A lab's stacks in deploy order, each with its Region on the sandbox (the second Region as `npm run deploy` picks it). */
export function sandboxStacks(sandbox: LiveSandbox, lab: Lab): SandboxStack[] {
  return labStacks(lab).map((stack) => ({
    name: stack.name,
    region: stack.region === 'secondary' ? secondaryRegion(lab) : sandbox.state.region,
  }));
}

/** Deletes a lab's stacks through the CloudFormation API, in reverse deploy order. */
export async function deleteLabStacks(sandbox: LiveSandbox, lab: Lab): Promise<void> {
  for (const stack of sandboxStacks(sandbox, lab).reverse()) await deleteStack(sandbox, stack.name, stack.region);
}

/** Deletes a stack through the CloudFormation API (faster than `npm run destroy`, which synthesizes first). */
export async function deleteStack(sandbox: LiveSandbox, stackName: string, region = sandbox.state.region): Promise<void> {
  const cfn = new CloudFormationClient(localClientConfig({ ...sandbox.state, region }));
  try {
    // Only clears the way for the next deploy: moto drops the stack even when a resource's delete fails, and the
    // suite's npm run destroy step is what asserts a clean delete.
    await cfn.send(new DeleteStackCommand({ StackName: stackName })).catch(() => undefined);
    for (let i = 0; i < 150 && (await stackStatus(cfn, stackName)); i++) await new Promise((resolve) => setTimeout(resolve, 200));
    const left = await stackStatus(cfn, stackName);
    if (left) throw new Error(`stack ${stackName} is still there (${left}) after DeleteStack`);
  } finally {
    cfn.destroy();
  }
}

/** The id and status of a stack on the sandbox (an update keeps the id; a fresh stack gets a new one). */
export async function describeStack(
  sandbox: LiveSandbox,
  stackName: string,
  region = sandbox.state.region,
): Promise<{ id?: string; status?: string }> {
  const cfn = new CloudFormationClient(localClientConfig({ ...sandbox.state, region }));
  try {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    return { id: stack?.StackId, status: stack?.StackStatus };
  } finally {
    cfn.destroy();
  }
}

/** Output of one deploy command. */
export interface CommandRun {
  readonly code: number | null;
  readonly output: string;
  readonly ms: number;
}

/** Runs `npm run deploy|destroy -- <lab> [--solution]` (the same entry point) against the sandbox. */
export function runDeployCommand(
  sandbox: LiveSandbox,
  command: 'deploy' | 'destroy',
  labId: string,
  solution: boolean,
  timeoutMs = 240_000,
): Promise<CommandRun> {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const script = path.join(repoRoot, 'tools', 'local', 'src', 'cli', 'deploy.ts');
  const args = [script, command, labId, ...(solution ? ['--solution'] : [])];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, args, { cwd: repoRoot, env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: performance.now() - start });
    });
  });
}

/** The cloud assembly the deploy command wrote for a lab's starter or solution (see tools/local runCdk). */
export function deployedAssembly(sandbox: LiveSandbox, labId: string, solution: boolean): string {
  return path.join(workshopDir(sandbox.env), 'cdk.out', `${solution ? 'solutions' : 'labs'}-${labId}`);
}

/** A live check of the lab's stacks on the sandbox (each in its Region), in-process: the report and the API calls made. */
export async function checkLive(
  sandbox: LiveSandbox,
  lab: Lab,
): Promise<{ report: CheckReport; calls: ApiCall[]; target?: TargetProfile }> {
  const startedAt = Date.now();
  const { state } = sandbox;
  const options = { stackName: lab.stackName, endpoint: state.endpoint, region: state.region, lab };
  const loaded = hasSeveralStacks(lab)
    ? await loadLiveStacks({ ...options, stacks: stacksToLoad(lab, lab.stackName) })
    : await loadLiveGraph(options);
  return { report: runChecks({ lab, loaded, rules, lang: 'en', startedAt }), calls: loaded.calls, target: loaded.target };
}

/** A template-mode check of a cloud assembly (every stack of a lab with several): the same app the live check read. */
export function checkAssembly(lab: Lab, assemblyDir: string): CheckReport {
  const templates = loadCdkOut(assemblyDir, lab.stackName, hasSeveralStacks(lab));
  const loaded = fromLabTemplates(templates, `cdk.out ${assemblyDir}`, lab, lab.stackName);
  return runChecks({ lab, loaded, rules, lang: 'en' });
}
