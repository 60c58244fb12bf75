import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { labDir, repoRoot } from '@workshop/catalog';
import { commandLine, type DeployArgs } from './args';
import type { StackContext } from './context';
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

/** The cloud assembly a deploy works from: the `--app` arguments that deploy it, and which of the lab's stacks the app defines. */
export interface LabAssembly {
  /** `['--app', <assembly>]`, or none when `cdk deploy` synthesizes the app itself. */
  readonly app: readonly string[];
  /** The lab's stacks the app defines (a starter may not define every stack of its lab yet). */
  readonly defined: ReadonlySet<string>;
  /** The assembly folder, when the app was synthesized here. */
  readonly dir?: string;
}

/**
 * Synthesizes the lab once when its stacks must be known or edited before deploying: a lab with several stacks
 * (every stack, to deploy each from the same assembly), moto (which fails every DescribeStacks of a stack
 * whose outputs read resources it does not create: those outputs are dropped), and with `templates` (a stack is
 * about to be created: its template is read first). Otherwise `cdk deploy` synthesizes.
 */
export async function labAssembly(context: StackContext, templates = false): Promise<LabAssembly> {
  const { dir, target, args, print, stacks, stack } = context;
  const moto = target.state?.flavor.startsWith('moto') === true;
  const several = stacks.length > 1;
  if (!moto && !several && !templates) return { app: [], defined: new Set([stack.name]) };
  const names = several ? [] : [stack.name];
  const { code } = await runCdk(['synth', ...names, '--quiet', ...context.cdkContext], dir, target.env);
  if (code !== 0) throw new LocalError(msg.cdkFailed('synth', commandLine(args)));
  const assembly = assemblyDir(dir, target.env);
  const defined = new Set(stacks.filter((lab) => fs.existsSync(templateFile(assembly, lab.name))).map((lab) => lab.name));
  if (!defined.has(stack.name)) throw new LocalError(msg.stackNotInApp(stack.name, path.relative(repoRoot, dir)), 2);
  if (moto) {
    for (const name of defined) {
      const file = templateFile(assembly, name);
      const template = JSON.parse(fs.readFileSync(file, 'utf8'));
      const dropped = dropOutputsOfUncreated(template, target.state?.unsupportedResourceTypes ?? []);
      if (dropped.length) {
        fs.writeFileSync(file, JSON.stringify(template, null, 1));
        print(msg.outputsLeftOut(dropped, target.state?.flavor ?? target.label));
      }
    }
  }
  return { app: ['--app', assembly], defined, dir: assembly };
}

/** The template file of a stack in a cloud assembly. */
export function templateFile(assembly: string, stackName: string): string {
  return path.join(assembly, `${stackName}.template.json`);
}

/** The parameters a stack's template in the assembly declares (none when the template cannot be read). */
export function declaredParameters(assembly: string | undefined, stackName: string): Set<string> {
  if (!assembly) return new Set();
  try {
    return new Set(
      Object.keys((JSON.parse(fs.readFileSync(templateFile(assembly, stackName), 'utf8')) as { Parameters?: object }).Parameters ?? {}),
    );
  } catch {
    return new Set();
  }
}

/**
 * Bootstraps the target for the CDK in `region` (the target's by default) unless its CDKToolkit stack there is
 * already complete (a failed one is removed first).
 */
export async function ensureBootstrapped(
  target: ResolvedTarget,
  dir: string,
  args: DeployArgs,
  print: Print,
  region: string = target.region,
): Promise<void> {
  const cfn = new CloudFormationClient({ ...target.clientConfig, region });
  try {
    const status = await stackStatus(cfn, 'CDKToolkit');
    if (status && /COMPLETE$/.test(status) && !status.includes('ROLLBACK')) return;
    if (status) await recoverStack(cfn, 'CDKToolkit');
  } finally {
    cfn.destroy();
  }
  print(msg.bootstrapping(region === target.region ? target.label : `${target.label}, ${region}`));
  const { code } = await runCdk(['bootstrap', `aws://${target.account}/${region}`], dir, target.env);
  if (code !== 0) throw new LocalError(msg.cdkFailed('bootstrap', commandLine(args)));
}
