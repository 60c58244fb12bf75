import type { Resource, ResourceRef } from '../../../model/types';
import type { Caller } from '../caller';
import type { LiveService } from '../commands';

/** One resource of the learner's stack, as ListStackResources (or the stack-name tag) names it. */
export interface StackEntry {
  /** The construct's logical id in the stack, when known. */
  readonly logicalId?: string;
  readonly physicalId: string;
  /** CloudFormation type, e.g. "AWS::EC2::Subnet". */
  readonly type: string;
}

/** What a fetcher may use. */
export interface FetchContext {
  /** The only way to AWS: read-only, memoized, recorded. */
  readonly caller: Caller;
  /** The stack's region (for regional domain names and ARNs). */
  readonly region?: string;
  readonly stackName: string;
  /** Says something to the learner while loading (resources missing, emulator gaps). */
  progress(message: string): void;
}

/** Turns one service's API responses into CloudFormation-shaped resources. */
export interface Fetcher {
  readonly service: LiveService;
  /** CloudFormation types it reads, looked up by the stack's physical ids. */
  readonly types: readonly string[];
  /** Types it emits as parts of those (routes of a route table...); never looked up on their own. */
  readonly derived?: readonly string[];
  /** Loads the stack entries of its types; entries whose object no longer exists are left out. */
  fetch(context: FetchContext, entries: readonly StackEntry[]): Promise<Resource[]>;
  /** Finds the stack's resources by the `aws:cloudformation:stack-name` tag, where the service filters by tag. */
  fetchByTag?(context: FetchContext): Promise<Resource[]>;
}

/** The tag CloudFormation puts on every resource of a stack that supports tags. */
export const STACK_NAME_TAG = 'aws:cloudformation:stack-name';
/** The tag CloudFormation puts with the logical id. */
export const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';

/** A tag as the AWS APIs return it. */
export type Tag = { Key?: string; Value?: string };

/** True when tags include aws:cloudformation:stack-name = the stack. */
export function hasStackTag(tags: readonly Tag[] | undefined, stackName: string): boolean {
  return Boolean(tags?.some((tag) => tag.Key === STACK_NAME_TAG && tag.Value === stackName));
}

/** A reference to another resource by its physical id; the loader turns it back into a plain string when that resource is not in the graph. */
export function ref(id: string | undefined | null): ResourceRef | undefined {
  return id ? { $ref: id } : undefined;
}

/** References for a list of physical ids. */
export function refs(ids: ReadonlyArray<string | undefined | null> | undefined): ResourceRef[] | undefined {
  return ids ? ids.filter((id): id is string => Boolean(id)).map((id) => ({ $ref: id })) : undefined;
}

/** Tags as CloudFormation writes them, without the aws: tags AWS adds. Undefined when none are left. */
export function userTags(
  tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined,
): Array<{ Key: string; Value: string }> | undefined {
  const kept = (tags ?? [])
    .filter((tag) => tag.Key && !tag.Key.startsWith('aws:'))
    .map((tag) => ({ Key: tag.Key as string, Value: tag.Value ?? '' }));
  return kept.length ? kept : undefined;
}

/** The logical id from the aws:cloudformation:logical-id tag. */
export function logicalIdFromTags(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): string | undefined {
  return tags?.find((tag) => tag.Key === LOGICAL_ID_TAG)?.Value;
}

/** Drops undefined fields, so absent API fields stay absent as in a template. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** A policy document from the API (JSON, sometimes URL-encoded) as an object; the raw text if it does not parse. */
export function parsePolicy(text: string | undefined): unknown {
  if (!text) return undefined;
  for (const candidate of [text, safeDecode(text)]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next form
    }
  }
  return text;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The physical ids of the entries of one type. */
export function idsOf(entries: readonly StackEntry[], type: string): string[] {
  return [...new Set(entries.filter((entry) => entry.type === type).map((entry) => entry.physicalId))];
}

/** Live facts common to every resource: its logical id when known. */
export function liveFacts(
  entries: readonly StackEntry[],
  physicalId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const logicalId = entries.find((entry) => entry.physicalId === physicalId)?.logicalId;
  return compact({ logicalId, ...extra });
}

/** Reports stack entries that no longer exist, so a missing resource is explained rather than silent. */
export function reportMissing(context: FetchContext, type: string, wanted: readonly string[], found: ReadonlySet<string>): void {
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) context.progress(`${type} ${missing.join(', ')} listed by the stack but not found`);
}
