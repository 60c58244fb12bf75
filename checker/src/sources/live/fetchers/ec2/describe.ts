import type { Filter } from '@aws-sdk/client-ec2';
import { hasStackTag, reportMissing, type FetchContext, type Tag } from '../types';

/** How one EC2 describe call selects objects: by the stack's physical ids or by the stack-name tag. */
export type Selector = { readonly ids: readonly string[] } | { readonly filters: Filter[] };

/** Where a mapping puts what it read. */
export interface Emit {
  /** A resource of the mapping's type: absent fields dropped, its logical id from the stack or its tag among the live facts. */
  resource(id: string, properties: Record<string, unknown>, tags: readonly Tag[] | undefined, extra?: Record<string, unknown>): void;
  /** A resource that is part of the one read (a route of its route table, an entry of its network ACL), its id also its physical id. */
  part(id: string, type: string, properties: Record<string, unknown>, live?: Record<string, unknown>): void;
}

/** How one CloudFormation type is read from EC2: the describe call, the items of a page, and what one item becomes. */
export interface Ec2Mapping<P extends { NextToken?: string }, I> {
  readonly type: string;
  readonly command: string;
  /** Request field for ids, e.g. "VpcIds". */
  readonly idField: string;
  /** Request field for filters: "Filters", or "Filter" for NAT gateways and flow logs. */
  readonly filterField?: string;
  /** Types it emits as parts of its items (routes of a route table...); never looked up on their own. */
  readonly parts?: readonly string[];
  readonly items: (page: P) => readonly I[] | undefined;
  readonly id: (item: I) => string | undefined;
  map(item: I, emit: Emit, context: FetchContext): Promise<void> | void;
}

/** One EC2 type ready to load, whatever its page and item types. */
export interface Ec2Type {
  readonly type: string;
  readonly parts: readonly string[];
  load(context: FetchContext, selector: Selector, emit: Emit): Promise<void>;
}

/** Closes a mapping over its page and item types, so the fetcher holds every type in one list. */
export function ec2Type<P extends { NextToken?: string }, I>(mapping: Ec2Mapping<P, I>): Ec2Type {
  return {
    type: mapping.type,
    parts: mapping.parts ?? [],
    async load(context, selector, emit) {
      let items = await describe(context, mapping, selector);
      // Some emulators ignore tag filters on some calls; keep only what really carries the stack's tag.
      if ('filters' in selector) items = items.filter((item) => hasStackTag((item as { Tags?: Tag[] }).Tags, context.stackName));
      await Promise.all(items.map((item) => mapping.map(item, emit, context)));
    },
  };
}

async function describe<P extends { NextToken?: string }, I>(
  context: FetchContext,
  mapping: Ec2Mapping<P, I>,
  selector: Selector,
): Promise<I[]> {
  if ('ids' in selector && selector.ids.length === 0) return [];
  const input = 'ids' in selector ? { [mapping.idField]: [...selector.ids] } : { [mapping.filterField ?? 'Filters']: selector.filters };
  // EC2 answers an unknown id with an error for the whole request; ids listed by a stack but gone are reported, not fatal.
  const pages = await context.caller.paginate<P>('ec2', mapping.command, input, 'NextToken', (page) => page.NextToken, {
    absent: (code) => code.includes('NotFound'),
  });
  const items = pages.flatMap((page) => mapping.items(page) ?? []);
  if ('ids' in selector) {
    reportMissing(context, mapping.type, selector.ids, new Set(items.map(mapping.id).filter((id): id is string => Boolean(id))));
  }
  return items;
}
