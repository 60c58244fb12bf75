import { guideRoute } from '@workshop/catalog';
import type { DeployArgs } from './args';
import { commandLine } from './args';
import { runCdk } from './cdk';
import { openContext, type LabApp, type StackContext } from './context';
import { LEFTOVER_REASONS, LocalError, msg, say, type Print } from './messages';
import { retainedFixedNames } from './preflight';
import { BILLABLE_TYPES, deployedTemplate, emptyBucket, listStackResources, retainedResources, stackStatus, type Leftover } from './stack';
import { forgetDeployment } from './state';

/**
 * `npm run destroy`: for each of the lab's stacks in reverse deploy order, empties its buckets, deletes it in its
 * Region and reports what is left (and billed). Stops at the first stack that will not go, naming it.
 */
export async function destroy(
  args: DeployArgs,
  env: NodeJS.ProcessEnv = process.env,
  print: Print = say,
  app?: LabApp,
): Promise<{ leftovers: Leftover[] }> {
  const context = await openContext(args, env, print, app);
  try {
    const leftovers: Leftover[] = [];
    for (const stack of [...context.stacks].reverse()) leftovers.push(...(await destroyStack(context.forStack(stack))).leftovers);
    return { leftovers };
  } finally {
    context.close();
  }
}

/**
 * Deletes the context's stack with `cdk destroy` in its Region (emptying its buckets first, which CloudFormation
 * cannot delete otherwise), forgets its deployment record and reports what outlives it. Throws when the stack is still there.
 */
export async function destroyStack(context: StackContext): Promise<{ leftovers: Leftover[] }> {
  const { lab, target, cfn, print, stack } = context;
  const where = context.stacks.length > 1 ? `${target.label}, ${stack.regionName}` : target.label;
  if (!(await stackStatus(cfn, stack.name))) {
    forgetDeployment(lab.id, stack.name, context.env);
    print(msg.nothingToDestroy(stack.name, where));
    return { leftovers: [] };
  }
  const resources = await listStackResources(cfn, stack.name);
  const template = await deployedTemplate(cfn, stack.name);
  const named = new Set(
    retainedFixedNames(JSON.parse(template), { account: target.account, region: stack.regionName, stackName: stack.name }).map(
      (item) => item.logicalId,
    ),
  );
  const retained = retainedResources(template, resources).map((item) => ({ ...item, blocksRedeploy: named.has(item.logicalId) }));
  await emptyBuckets(context, resources, retained);
  print(msg.destroying(stack.name, where));
  const { code } = await runCdk(['destroy', stack.name, '--force', ...context.cdkContext], context.dir, context.cdkEnv);
  const after = await stackStatus(cfn, stack.name);
  const leftovers = [...retained, ...(after ? await failedDeletes(context) : [])];
  if (after || (code !== 0 && target.kind === 'aws')) {
    if (leftovers.length) reportLeftovers(leftovers, context);
    const command = commandLine({ ...context.args, command: 'destroy' });
    throw new LocalError(context.stacks.length > 1 ? msg.stackDestroyFailed(stack.name, command) : msg.cdkFailed('destroy', command));
  }
  forgetDeployment(lab.id, stack.name, context.env);
  // moto drops the stack even when it cannot delete one of its resources (it reports the failed delete).
  if (code !== 0) print(msg.emulatorKeptResources());
  print(msg.stackGone(stack.name));
  if (code === 0 || leftovers.length) reportLeftovers(leftovers, context);
  return { leftovers };
}

async function emptyBuckets(context: StackContext, resources: Awaited<ReturnType<typeof listStackResources>>, retained: Leftover[]) {
  for (const bucket of resources.filter((r) => r.ResourceType === 'AWS::S3::Bucket' && r.PhysicalResourceId)) {
    const name = bucket.PhysicalResourceId as string;
    if (retained.some((kept) => kept.physicalId === name)) continue;
    try {
      const count = await emptyBucket(context.s3, name);
      if (count) context.print(msg.emptied(name, count));
    } catch {
      // the bucket is already gone or was never created by this emulator
    }
  }
}

async function failedDeletes({ cfn, stack }: StackContext): Promise<Leftover[]> {
  return (await listStackResources(cfn, stack.name))
    .filter((r) => r.ResourceStatus === 'DELETE_FAILED' && r.PhysicalResourceId)
    .map((r) => ({
      logicalId: r.LogicalResourceId ?? '',
      type: r.ResourceType ?? '',
      physicalId: r.PhysicalResourceId as string,
      why: 'delete-failed',
    }));
}

function reportLeftovers(leftovers: Leftover[], { target, print, args, lab }: StackContext): void {
  const aws = target.kind === 'aws';
  if (leftovers.length === 0) print(msg.nothingLeft(aws));
  else {
    print(msg.leftBehind());
    for (const item of leftovers)
      print(
        msg.leftover(
          item.type,
          item.physicalId,
          LEFTOVER_REASONS[item.why],
          aws ? BILLABLE_TYPES[item.type] : undefined,
          item.blocksRedeploy,
        ),
      );
    if (leftovers.some((item) => item.blocksRedeploy))
      print(
        msg.leftoversBlockRedeploy(commandLine({ ...args, command: 'deploy' }), !aws, {
          en: guideRoute(lab.id, { section: 'cleanup' }),
          ko: guideRoute(lab.id, { section: 'cleanup', lang: 'ko' }),
        }),
      );
  }
  if (aws) print(msg.bootstrapStays());
}
