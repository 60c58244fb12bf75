import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { DescribeStacksCommand, type StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { guideRoute, labCost, secondaryRegion, type Lab } from '@workshop/catalog';
import { commandLine, type DeployArgs } from './args';
import { declaredParameters, ensureBootstrapped, labAssembly, runCdk, type LabAssembly } from './cdk';
import { openContext, type DeployStack, type LabApp, type StackContext } from './context';
import { destroyStack } from './destroy';
import { LocalError, messageLang, msg, say, type Print } from './messages';
import { blockingLeftovers, stacksToCreate, type StackToCreate } from './preflight';
import { deployedTemplate, findSiteBucket, listStackResources, recoverStack, stackStatus, uploadDir } from './stack';
import { recordDeployment } from './state';
import type { ResolvedTarget } from './target';

/** What a deploy did: the main stack, how many resources it has, how many site files were uploaded, the check to run next, and every stack deployed. */
export interface DeployResult {
  stackName: string;
  resources: number;
  uploaded: number;
  checkCommand: string;
  /** Every stack deployed, in order, with its Region and resource count (one for a lab with one stack). */
  stacks: Array<{ name: string; region: string; resources: number }>;
}

/**
 * `npm run deploy`: deploys the lab's stacks in order, each to its Region (the target's, or the lab's second
 * Region), passing earlier stacks' outputs as parameters; uploads the lab's site/ files; records where each went.
 */
export async function deploy(
  args: DeployArgs,
  env: NodeJS.ProcessEnv = process.env,
  print: Print = say,
  app?: LabApp,
): Promise<DeployResult> {
  const context = await openContext(args, env, print, app);
  const stopWatching = watchInterrupt(args, env);
  try {
    if (context.target.kind === 'aws') await confirmCost(context);
    const { lab, target } = context;
    print(msg.stepTarget(target.label, lab.id, args.solution, context.stacks.map(stackLabel(context)).join(', ')));
    const creating = await stacksToCreate(context);
    const assembly = await labAssembly(context, creating.length > 0);
    if (assembly.dir)
      await stopOnLeftovers(
        context,
        assembly.dir,
        creating.filter(({ stack }) => assembly.defined.has(stack.name)),
      );
    for (const region of new Set(context.stacks.map((stack) => stack.regionName)))
      await ensureBootstrapped(target, context.dir, args, print, region);
    const deployed: DeployResult['stacks'] = [];
    let uploaded = 0;
    let mainResources = 0;
    for (const stack of context.stacks) {
      const step = context.forStack(stack);
      if (!assembly.defined.has(stack.name)) {
        print(msg.stackNotDefinedYet(stack.name));
        continue;
      }
      const parameters = await stackParameters(step, assembly, deployed);
      await runDeploy(step, await prepareStack(step), assembly, parameters);
      const resources = await reportStack(step);
      deployed.push({ name: stack.name, region: stack.regionName, resources: resources.length });
      if (stack.name === lab.stackName) {
        mainResources = resources.length;
        uploaded = await uploadSite(step, resources);
      }
      await noteUncreated(step);
      record(step);
    }
    const checkCommand = liveCheckCommand(lab, target);
    print(msg.checkNext(checkCommand));
    return { stackName: lab.stackName, resources: mainResources, uploaded, checkCommand, stacks: deployed };
  } finally {
    stopWatching();
    context.close();
  }
}

/**
 * Stops before anything is deployed when a stack about to be created names a retained resource that an earlier
 * deploy left behind (CloudFormation would fail on the name after minutes of creating and rolling back). The
 * message names them and what to do; nothing is deleted.
 */
async function stopOnLeftovers(context: StackContext, assembly: string, creating: StackToCreate[]): Promise<void> {
  const found = await blockingLeftovers(context, assembly, creating);
  if (found.length === 0) return;
  const stacks = [...new Set(found.map((item) => item.stackName))];
  throw new LocalError(
    msg.leftoversBlockDeploy({
      stacks,
      items: found.map((item) => `${item.type} ${item.name} (${item.region})`),
      replacing: creating.some(({ stack, replacing }) => replacing && stacks.includes(stack.name)),
      local: context.target.kind === 'local',
      command: commandLine(context.args),
      destroy: commandLine({ ...context.args, command: 'destroy' }),
      guide: { en: guideRoute(context.lab.id, { section: 'cleanup' }), ko: guideRoute(context.lab.id, { section: 'cleanup', lang: 'ko' }) },
    }),
  );
}

/** "ShopX" for a lab with one stack; "ShopX (ap-northeast-1)" for each stack of a lab with several. */
function stackLabel(context: StackContext): (stack: DeployStack) => string {
  return (stack) => (context.stacks.length > 1 ? `${stack.name} (${stack.regionName})` : stack.name);
}

/**
 * The `--parameters` a stack's deploy passes: each parameter its template declares that the catalog fills from
 * an earlier stack's output, read with DescribeStacks in that stack's Region. A parameter whose stack was not
 * deployed, or whose output is missing, stops the deploy with a line naming both.
 */
async function stackParameters(step: StackContext, assembly: LabAssembly, deployed: DeployResult['stacks']): Promise<string[]> {
  const declared = declaredParameters(assembly.dir, step.stack.name);
  const out: string[] = [];
  for (const [parameter, source] of Object.entries(step.stack.parameters ?? {})) {
    if (!declared.has(parameter)) continue;
    const producer = step.stacks.find((stack) => stack.name === source.stack);
    if (!producer || !deployed.some((stack) => stack.name === source.stack))
      throw new LocalError(msg.parameterStackMissing(step.stack.name, parameter, source.stack));
    const from = step.forStack(producer);
    const outputs = (await from.cfn.send(new DescribeStacksCommand({ StackName: producer.name }))).Stacks?.[0]?.Outputs ?? [];
    const value = outputs.find((output) => output.OutputKey === source.output)?.OutputValue;
    if (value === undefined) throw new LocalError(msg.parameterOutputMissing(step.stack.name, parameter, producer.name, source.output));
    out.push('--parameters', `${step.stack.name}:${parameter}=${value}`);
  }
  return out;
}

/** Records where a stack went, so `checker check <lab> --live` finds it (and its Region) without an endpoint. */
function record({ args, lab, target, env, stack }: StackContext): void {
  recordDeployment(
    {
      labId: lab.id,
      stackName: stack.name,
      app: args.solution ? 'solution' : 'starter',
      target: target.kind,
      endpoint: target.state?.endpoint,
      flavor: target.state?.flavor,
      region: stack.regionName,
      ...(lab.stacks && { regionRole: stack.region }),
      account: target.account,
      deployedAt: new Date().toISOString(),
    },
    env,
  );
}

/**
 * The checker command that checks what was just deployed (the local endpoint and the Regions are found from the
 * deployment record; real AWS names its Regions).
 */
export function liveCheckCommand(
  lab: Pick<Lab, 'id'> & Partial<Pick<Lab, 'stacks' | 'secondaryRegion'>>,
  target: Pick<ResolvedTarget, 'kind' | 'region'>,
): string {
  if (target.kind !== 'aws') return `npx checker check ${lab.id} --live`;
  const second = (lab.stacks ?? []).some((stack) => stack.region === 'secondary') ? ` --secondary-region ${secondaryRegion(lab)}` : '';
  return `npx checker check ${lab.id} --live --region ${target.region}${second}`;
}

/** How a failed `cdk deploy` is explained: a failed first deploy, a failed update, or an update the emulator cannot apply. */
export type DeployFailure = 'create' | 'update' | 'emulator-update';

/** An emulator's internal error as the CDK CLI prints it (moto answers a crash with an HTML page, which the SDK cannot parse). */
const EMULATOR_INTERNAL_ERROR = /XML parse error|InternalFailure|InternalError|status code 5\d\d/;

/** Why `cdk deploy` failed, from the stack's status before it and what the CLI printed. */
export function deployFailure(before: string | undefined, output: string, local: boolean): DeployFailure {
  if (!before) return 'create';
  return local && EMULATOR_INTERNAL_ERROR.test(output) ? 'emulator-update' : 'update';
}

/** On Ctrl-C: says what state the stack may be in and the commands that finish or remove it. */
function watchInterrupt(args: DeployArgs, env: NodeJS.ProcessEnv): () => void {
  const onInterrupt = () => {
    const text = msg.interrupted(commandLine(args), commandLine({ ...args, command: 'destroy' }));
    console.error(messageLang(env) === 'ko' ? text.ko : text.en);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  return () => process.removeListener('SIGINT', onInterrupt);
}

/** Real AWS costs money: says how much (in each Region, for a lab with two) and asks, unless --yes. */
async function confirmCost({ args, lab, target, env, print, stacks }: StackContext): Promise<void> {
  const cost = labCost(lab);
  if (cost.regions.length > 1) {
    const perRegion = cost.regions.map((region) => ({
      region:
        region.role === 'primary' ? target.region : (stacks.find((stack) => stack.region === 'secondary')?.regionName ?? region.region),
      usd: region.hourlyUsd.toFixed(3),
    }));
    print(msg.awsCostRegions(lab.id, args.solution, target.account, perRegion, cost.hourlyUsd.toFixed(3)));
  } else print(msg.awsCost(lab.id, args.solution, target.account, target.region, cost.hourlyUsd.toFixed(3)));
  if (args.yes) return;
  if (!process.stdin.isTTY) throw new LocalError(msg.awsNeedsConfirmation(), 2);
  const question = msg.confirmAws();
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(messageLang(env) === 'ko' ? question.ko : question.en);
    if (!/^(y|yes|예|네)$/i.test(answer.trim())) throw new LocalError(msg.awsCancelled(), 2);
  } finally {
    rl.close();
  }
}

/**
 * Makes the stack deployable: with --replace deletes it; on local AWS removes what an unfinished first deploy
 * left and waits for an operation in progress. Returns the stack's status the deploy starts from (undefined: a new stack).
 */
async function prepareStack(context: StackContext): Promise<string | undefined> {
  const { args, stack, target, cfn, print } = context;
  if (args.replace && (await stackStatus(cfn, stack.name))) {
    print(msg.replacing(stack.name));
    await destroyStack(context);
  }
  if (target.kind === 'local') {
    const recovered = await recoverStack(cfn, stack.name);
    if (recovered.stuck) throw new LocalError(msg.stackBroken(stack.name, recovered.stuck));
    if (recovered.deleted) print(msg.removedUnfinished(stack.name, recovered.found ?? ''));
  }
  return stackStatus(cfn, stack.name);
}

/** Runs `cdk deploy` of one stack; a failure becomes one line that names the stack and the command which recovers. */
async function runDeploy(context: StackContext, before: string | undefined, assembly: LabAssembly, parameters: string[]): Promise<void> {
  const { args, stack, dir, target, print } = context;
  print(msg.stepDeploying(stack.name, before !== undefined, context.stacks.length > 1 ? stack.regionName : undefined));
  // moto 5.2.5 answers DeleteChangeSet for a name it no longer holds with a 500, which fails every
  // redeploy through change sets; direct CreateStack/UpdateStack calls work (and fill the outputs).
  const moto = target.state?.flavor.startsWith('moto') === true;
  const method = moto ? ['--method', 'direct'] : [];
  const { code, output } = await runCdk(
    [
      'deploy',
      stack.name,
      '--require-approval',
      'never',
      '--progress',
      'events',
      ...method,
      ...assembly.app,
      ...context.cdkContext,
      ...parameters,
    ],
    dir,
    context.cdkEnv,
  );
  if (code === 0) return;
  const command = commandLine(args);
  switch (deployFailure(before, output, target.kind === 'local')) {
    case 'create':
      throw new LocalError(context.stacks.length > 1 ? msg.stackDeployFailed(stack.name, command) : msg.cdkFailed('deploy', command));
    case 'update':
      throw new LocalError(msg.updateFailed(stack.name, command));
    case 'emulator-update':
      throw new LocalError(msg.updateRejected(stack.name, target.state?.flavor ?? target.label, command, target.state?.logFile));
  }
}

/** Prints the stack's status and resource count; returns its resources. */
async function reportStack({ stack, cfn, print }: StackContext): Promise<StackResourceSummary[]> {
  const resources = await listStackResources(cfn, stack.name);
  const status = (await cfn.send(new DescribeStacksCommand({ StackName: stack.name }))).Stacks?.[0]?.StackStatus ?? '';
  print(msg.stepStack(stack.name, status, resources.length));
  return resources;
}

/** Uploads the lab's site/ folder to the stack's website bucket; returns the number of files. */
async function uploadSite({ dir, s3, print }: StackContext, resources: StackResourceSummary[]): Promise<number> {
  const siteDir = path.join(dir, 'site');
  if (!fs.existsSync(siteDir)) {
    print(msg.noSiteContent());
    return 0;
  }
  const bucket = await findSiteBucket(s3, resources);
  if (!bucket) {
    print(msg.noSiteBucket());
    return 0;
  }
  const uploaded = await uploadDir(s3, bucket, siteDir);
  print(msg.uploaded(uploaded, bucket));
  return uploaded;
}

/** Names the resource types of the stack that the local target does not create (the checker SKIPs their rules). */
async function noteUncreated({ stack, target, cfn, print }: StackContext): Promise<void> {
  const unsupported = target.state?.unsupportedResourceTypes ?? [];
  if (unsupported.length === 0) return;
  const resources = Object.values(JSON.parse(await deployedTemplate(cfn, stack.name)).Resources ?? {}) as { Type: string }[];
  const types = new Set(resources.map((resource) => resource.Type));
  const skipped = unsupported.filter((type) => types.has(type));
  if (skipped.length) print(msg.notCreated(target.state?.flavor ?? target.label, skipped));
}
