import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { DescribeStacksCommand, type StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { hourlyCost, type Lab } from '@workshop/catalog';
import { commandLine, type DeployArgs } from './args';
import { emulatorAssembly, ensureBootstrapped, runCdk } from './cdk';
import { openContext, type StackContext } from './context';
import { destroyStack } from './destroy';
import { LocalError, messageLang, msg, say, type Print } from './messages';
import { deployedTemplate, findSiteBucket, listStackResources, recoverStack, stackStatus, uploadDir } from './stack';
import { recordDeployment } from './state';
import type { ResolvedTarget } from './target';

/** What a deploy did: the stack, how many resources it has, how many site files were uploaded, and the check to run next. */
export interface DeployResult {
  stackName: string;
  resources: number;
  uploaded: number;
  checkCommand: string;
}

/** `npm run deploy`: deploys the lab's stack to the chosen target, uploads the lab's site/ files, records where it went. */
export async function deploy(args: DeployArgs, env: NodeJS.ProcessEnv = process.env, print: Print = say): Promise<DeployResult> {
  const context = await openContext(args, env, print);
  const stopWatching = watchInterrupt(args, env);
  try {
    if (context.target.kind === 'aws') await confirmCost(context);
    const { lab, target } = context;
    print(msg.stepTarget(target.label, lab.id, args.solution, lab.stackName));
    await ensureBootstrapped(target, context.dir, args, print);
    await runDeploy(context, await prepareStack(context));
    const resources = await reportStack(context);
    const uploaded = await uploadSite(context, resources);
    await noteUncreated(context);
    record(context);
    const checkCommand = liveCheckCommand(lab, target);
    print(msg.checkNext(checkCommand));
    return { stackName: lab.stackName, resources: resources.length, uploaded, checkCommand };
  } finally {
    stopWatching();
    context.close();
  }
}

/** Records where the stack went, so `checker check <lab> --live` finds it without an endpoint. */
function record({ args, lab, target, env }: StackContext): void {
  recordDeployment(
    {
      labId: lab.id,
      stackName: lab.stackName,
      app: args.solution ? 'solution' : 'starter',
      target: target.kind,
      endpoint: target.state?.endpoint,
      flavor: target.state?.flavor,
      region: target.region,
      account: target.account,
      deployedAt: new Date().toISOString(),
    },
    env,
  );
}

/** The checker command that checks what was just deployed (the local endpoint is found from the deployment record). */
export function liveCheckCommand(lab: Pick<Lab, 'id'>, target: Pick<ResolvedTarget, 'kind' | 'region'>): string {
  return `npx checker check ${lab.id} --live${target.kind === 'aws' ? ` --region ${target.region}` : ''}`;
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

/** Real AWS costs money: says how much and asks, unless --yes. */
async function confirmCost({ args, lab, target, env, print }: StackContext): Promise<void> {
  print(msg.awsCost(lab.id, args.solution, target.account, target.region, hourlyCost(lab).toFixed(3)));
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
  const { args, lab, target, cfn, print } = context;
  if (args.replace && (await stackStatus(cfn, lab.stackName))) {
    print(msg.replacing(lab.stackName));
    await destroyStack(context);
  }
  if (target.kind === 'local') {
    const recovered = await recoverStack(cfn, lab.stackName);
    if (recovered.stuck) throw new LocalError(msg.stackBroken(lab.stackName, recovered.stuck));
    if (recovered.deleted) print(msg.removedUnfinished(lab.stackName, recovered.found ?? ''));
  }
  return stackStatus(cfn, lab.stackName);
}

/** Runs `cdk deploy`; a failure becomes one line that names the command which recovers. */
async function runDeploy(context: StackContext, before: string | undefined): Promise<void> {
  const { args, lab, dir, target, print } = context;
  print(msg.stepDeploying(lab.stackName, before !== undefined));
  // moto 5.2.5 answers DeleteChangeSet for a name it no longer holds with a 500, which fails every
  // redeploy through change sets; direct CreateStack/UpdateStack calls work (and fill the outputs).
  const moto = target.state?.flavor.startsWith('moto') === true;
  const method = moto ? ['--method', 'direct', ...(await emulatorAssembly(lab, dir, target, args, print))] : [];
  const { code, output } = await runCdk(
    ['deploy', lab.stackName, '--require-approval', 'never', '--progress', 'events', ...method],
    dir,
    target.env,
  );
  if (code === 0) return;
  const command = commandLine(args);
  switch (deployFailure(before, output, target.kind === 'local')) {
    case 'create':
      throw new LocalError(msg.cdkFailed('deploy', command));
    case 'update':
      throw new LocalError(msg.updateFailed(lab.stackName, command));
    case 'emulator-update':
      throw new LocalError(msg.updateRejected(lab.stackName, target.state?.flavor ?? target.label, command, target.state?.logFile));
  }
}

/** Prints the stack's status and resource count; returns its resources. */
async function reportStack({ lab, cfn, print }: StackContext): Promise<StackResourceSummary[]> {
  const resources = await listStackResources(cfn, lab.stackName);
  const status = (await cfn.send(new DescribeStacksCommand({ StackName: lab.stackName }))).Stacks?.[0]?.StackStatus ?? '';
  print(msg.stepStack(lab.stackName, status, resources.length));
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
async function noteUncreated({ lab, target, cfn, print }: StackContext): Promise<void> {
  const unsupported = target.state?.unsupportedResourceTypes ?? [];
  if (unsupported.length === 0) return;
  const resources = Object.values(JSON.parse(await deployedTemplate(cfn, lab.stackName)).Resources ?? {}) as { Type: string }[];
  const types = new Set(resources.map((resource) => resource.Type));
  const skipped = unsupported.filter((type) => types.has(type));
  if (skipped.length) print(msg.notCreated(target.state?.flavor ?? target.label, skipped));
}
