import type { DeployArgs } from './args';
import { commandLine } from './args';
import { runCdk } from './cdk';
import { openContext, type StackContext } from './context';
import { LEFTOVER_REASONS, LocalError, msg, say, type Print } from './messages';
import { BILLABLE_TYPES, deployedTemplate, emptyBucket, listStackResources, retainedResources, stackStatus, type Leftover } from './stack';
import { forgetDeployment } from './state';

/** `npm run destroy`: empties the stack's buckets, deletes the stack and reports what is left (and billed). */
export async function destroy(
  args: DeployArgs,
  env: NodeJS.ProcessEnv = process.env,
  print: Print = say,
): Promise<{ leftovers: Leftover[] }> {
  const context = await openContext(args, env, print);
  try {
    return await destroyStack(context);
  } finally {
    context.close();
  }
}

/**
 * Deletes the lab's stack with `cdk destroy` (emptying its buckets first, which CloudFormation cannot delete
 * otherwise), forgets its deployment record and reports what outlives it. Throws when the stack is still there.
 */
export async function destroyStack(context: StackContext): Promise<{ leftovers: Leftover[] }> {
  const { lab, target, cfn, print } = context;
  if (!(await stackStatus(cfn, lab.stackName))) {
    forgetDeployment(lab.id, lab.stackName, context.env);
    print(msg.nothingToDestroy(lab.stackName, target.label));
    return { leftovers: [] };
  }
  const resources = await listStackResources(cfn, lab.stackName);
  const retained = retainedResources(await deployedTemplate(cfn, lab.stackName), resources);
  await emptyBuckets(context, resources, retained);
  print(msg.destroying(lab.stackName, target.label));
  const { code } = await runCdk(['destroy', lab.stackName, '--force'], context.dir, target.env);
  const after = await stackStatus(cfn, lab.stackName);
  const leftovers = [...retained, ...(after ? await failedDeletes(context) : [])];
  if (after || (code !== 0 && target.kind === 'aws')) {
    if (leftovers.length) reportLeftovers(leftovers, context);
    throw new LocalError(msg.cdkFailed('destroy', commandLine({ ...context.args, command: 'destroy' })));
  }
  forgetDeployment(lab.id, lab.stackName, context.env);
  // moto drops the stack even when it cannot delete a resource (a VPC whose instances it keeps).
  if (code !== 0) print(msg.emulatorKeptResources());
  print(msg.stackGone(lab.stackName));
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

async function failedDeletes({ cfn, lab }: StackContext): Promise<Leftover[]> {
  return (await listStackResources(cfn, lab.stackName))
    .filter((r) => r.ResourceStatus === 'DELETE_FAILED' && r.PhysicalResourceId)
    .map((r) => ({
      logicalId: r.LogicalResourceId ?? '',
      type: r.ResourceType ?? '',
      physicalId: r.PhysicalResourceId as string,
      why: 'delete-failed',
    }));
}

function reportLeftovers(leftovers: Leftover[], { target, print }: StackContext): void {
  const aws = target.kind === 'aws';
  if (leftovers.length === 0) print(msg.nothingLeft(aws));
  else {
    print(msg.leftBehind());
    for (const item of leftovers)
      print(msg.leftover(item.type, item.physicalId, LEFTOVER_REASONS[item.why], aws ? BILLABLE_TYPES[item.type] : undefined));
  }
  if (aws) print(msg.bootstrapStays());
}
