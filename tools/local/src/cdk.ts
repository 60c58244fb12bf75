import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { labDir, repoRoot, type Lab } from '@workshop/catalog';
import { commandLine, type DeployArgs } from './args';
import { LocalError, msg, type Print } from './messages';
import { dropOutputsOfUncreated, recoverStack, stackStatus } from './stack';
import { workshopDir } from './state';
import type { ResolvedTarget } from './target';

/** What a CDK CLI run gave: its exit code, and the end of its output (to recognise why it failed). */
export interface CdkRun {
  code: number;
  output: string;
}

/**
 * Lines of the AWS SDK's raw parse errors, printed by the CDK CLI when an endpoint answers with an HTML
 * error page (moto's internal errors): the deploy tool hides them and says in one line what happened.
 */
export const RAW_SDK_ERROR = /XML parse error|Deserialization error: to see the raw response/;

const OUTPUT_KEPT = 64_000;

/** Forwards a child's stream line by line, leaving out raw SDK parse errors; calls `keep` with every line. */
export function forwardLines(from: NodeJS.ReadableStream, to: NodeJS.WritableStream, keep: (line: string) => void): Promise<void> {
  let pending = '';
  const emit = (line: string) => {
    keep(line);
    if (!RAW_SDK_ERROR.test(line)) to.write(`${line}\n`);
  };
  from.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(emit);
  });
  return new Promise((resolve) =>
    from.once('end', () => {
      if (pending) emit(pending);
      resolve();
    }),
  );
}

/**
 * Runs the CDK CLI of the workspace in the lab folder `cwd` with live output (raw SDK parse errors left out);
 * resolves to its exit code and the end of its output. The cloud assembly goes to .workshop/cdk.out/ so a
 * deploy never races a synth of the same lab folder.
 */
export function runCdk(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CdkRun> {
  const bin = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'cdk.cmd' : 'cdk');
  const output = assemblyDir(cwd, env);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, '--no-notices', '--output', output], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const keep = (line: string) => (text = `${text}${line}\n`.slice(-OUTPUT_KEPT));
    const streams = Promise.all([forwardLines(child.stdout, process.stdout, keep), forwardLines(child.stderr, process.stderr, keep)]);
    child.once('error', reject);
    child.once('close', (code, signal) => void streams.then(() => resolve({ code: code ?? (signal ? 130 : 1), output: text })));
  });
}

/** The folder under .workshop/cdk.out/ that the CDK CLI writes a lab folder's cloud assembly to. */
export function assemblyDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), 'cdk.out', path.relative(repoRoot, cwd).replace(/[\\/]+/g, '-'));
}

/** The lab app folder a command works in (starter, or solution with --solution); it must hold cdk.json. */
export function appDir(args: Pick<DeployArgs, 'labId' | 'solution'>): string {
  const dir = labDir(args.labId, args.solution ? 'solution' : 'starter');
  if (!fs.existsSync(path.join(dir, 'cdk.json'))) throw new LocalError(msg.labMissing(path.relative(repoRoot, dir)), 2);
  return dir;
}

/**
 * Synthesizes the lab for moto and drops the stack outputs that read resources moto does not create
 * (it fails every DescribeStacks of such a stack); returns the `--app` arguments that deploy this assembly.
 */
export async function emulatorAssembly(lab: Lab, dir: string, target: ResolvedTarget, args: DeployArgs, print: Print): Promise<string[]> {
  const { code } = await runCdk(['synth', lab.stackName, '--quiet'], dir, target.env);
  if (code !== 0) throw new LocalError(msg.cdkFailed('synth', commandLine(args)));
  const assembly = assemblyDir(dir, target.env);
  const file = path.join(assembly, `${lab.stackName}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dropped = dropOutputsOfUncreated(template, target.state?.unsupportedResourceTypes ?? []);
  if (dropped.length) {
    fs.writeFileSync(file, JSON.stringify(template, null, 1));
    print(msg.outputsLeftOut(dropped, target.state?.flavor ?? target.label));
  }
  return ['--app', assembly];
}

/** Bootstraps the target for the CDK unless its CDKToolkit stack is already complete (a failed one is removed first). */
export async function ensureBootstrapped(target: ResolvedTarget, dir: string, args: DeployArgs, print: Print): Promise<void> {
  const cfn = new CloudFormationClient(target.clientConfig);
  try {
    const status = await stackStatus(cfn, 'CDKToolkit');
    if (status && /COMPLETE$/.test(status) && !status.includes('ROLLBACK')) return;
    if (status) await recoverStack(cfn, 'CDKToolkit');
  } finally {
    cfn.destroy();
  }
  print(msg.bootstrapping(target.label));
  const { code } = await runCdk(['bootstrap', `aws://${target.account}/${target.region}`], dir, target.env);
  if (code !== 0) throw new LocalError(msg.cdkFailed('bootstrap', commandLine(args)));
}
