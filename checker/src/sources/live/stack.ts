import type { ListStackResourcesOutput } from '@aws-sdk/client-cloudformation';
import type { Caller } from './caller';
import { isDerivedType } from './fetchers';
import type { StackEntry } from './fetchers/types';

/** Resource statuses whose physical object no longer exists (or never did). */
const GONE = /^(DELETE_COMPLETE|DELETE_IN_PROGRESS|CREATE_FAILED|DELETE_SKIPPED)$/;

/**
 * The resources of a stack from ListStackResources (all pages), or undefined when CloudFormation
 * says the stack does not exist. Deleted and failed resources are left out; resources listed without
 * a physical id (emulator gaps) are reported through `progress` and left out.
 */
export async function listStack(
  caller: Caller,
  stackName: string,
  progress: (message: string) => void = () => undefined,
): Promise<StackEntry[] | undefined> {
  // ListStackResources answers a missing stack with ValidationError ("Stack with id X does not exist").
  const pages = await caller.paginate<ListStackResourcesOutput>(
    'cloudformation',
    'ListStackResources',
    { StackName: stackName },
    'NextToken',
    (page) => page.NextToken,
    {
      absent: ['ValidationError'],
    },
  );
  if (pages.length === 0) return undefined;
  const summaries = pages.flatMap((page) => page.StackResourceSummaries ?? []);
  // Rules declared as their own resources (security group ingress...) are read through their parent.
  const unnamed = summaries.filter(
    (summary) =>
      summary.ResourceType &&
      !summary.PhysicalResourceId &&
      !GONE.test(summary.ResourceStatus ?? '') &&
      !isDerivedType(summary.ResourceType),
  );
  if (unnamed.length) {
    progress(
      `the stack lists ${unnamed.map((summary) => `${summary.LogicalResourceId} (${summary.ResourceType})`).join(', ')} without a physical id; not read`,
    );
  }
  return summaries
    .filter((summary) => summary.PhysicalResourceId && summary.ResourceType && !GONE.test(summary.ResourceStatus ?? ''))
    .map((summary) => ({
      logicalId: summary.LogicalResourceId,
      physicalId: summary.PhysicalResourceId as string,
      type: summary.ResourceType as string,
    }));
}
