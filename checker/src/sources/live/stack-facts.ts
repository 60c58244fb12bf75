import type { DescribeStacksOutput } from '@aws-sdk/client-cloudformation';
import type { Caller } from './caller';

/** A deployed stack's outputs and its own tags, as a graph's StackInfo carries them. */
export interface StackFacts {
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The outputs and tags of a deployed stack (DescribeStacks), or undefined when CloudFormation says it
 * does not exist. Rules read them as declarations about the whole stack (recovery objectives).
 */
export async function stackFacts(caller: Caller, stackName: string): Promise<StackFacts | undefined> {
  const found = await caller.call<DescribeStacksOutput | undefined>(
    'cloudformation',
    'DescribeStacks',
    { StackName: stackName },
    { absent: ['ValidationError'] },
  );
  const stack = found?.Stacks?.[0];
  if (!stack) return undefined;
  const outputs: Record<string, unknown> = {};
  for (const output of stack.Outputs ?? []) if (output.OutputKey) outputs[output.OutputKey] = output.OutputValue ?? '';
  const tags: Record<string, string> = {};
  for (const tag of stack.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
  return { outputs, tags };
}
