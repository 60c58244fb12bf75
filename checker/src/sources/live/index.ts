import { catalog, secondaryRegion, type Lab, type LabStack, type LocalizedText } from '@workshop/catalog';
import { ResourceGraph } from '../../model/graph';
import type { Resource, StackInfo } from '../../model/types';
import { SERVICES, type Service } from '../../model/services';
import type { LoadedSource } from '../../model/source';
import { detectTarget } from './targets/detect';
import { skipReason, type TargetProfile } from './targets/profiles';
import { Caller, type ApiCall, type Transport } from './caller';
import type { LiveService } from './commands';
import { LiveError } from './errors';
import { FETCHERS, IGNORED_TYPES, MAPPED_TYPES } from './fetchers';
import type { FetchContext, Fetcher, StackEntry } from './fetchers/types';
import { linkResources } from './link';
import { defaultRegion, sdkTransport } from './sdk';
import { listStack } from './stack';
import { stackFacts } from './stack-facts';

export type { ApiCall, Transport } from './caller';
export { LIVE_COMMANDS, iamActionFor, type LiveCommand, type LiveService } from './commands';
export { LiveError, LIVE_EXIT_CODES, redact, type LiveErrorKind } from './errors';
export { MAPPED_TYPES } from './fetchers';

/** Where and how to load a live stack: the one set of options of the live loader. */
export interface LiveOptions {
  /** The CloudFormation stack to read (the catalog's stackName unless --stack). */
  readonly stackName: string;
  readonly region?: string;
  readonly profile?: string;
  /** A local target's URL (LocalStack, the embedded emulator, e.g. http://127.0.0.1:4566); real AWS when absent. */
  readonly endpoint?: string;
  /** Progress lines for a spinner ("reading ec2 (12)", resources missing, emulator gaps). */
  readonly onProgress?: (message: string) => void;
  /** The lab being checked (for messages); found by stack name in the catalog when absent. */
  readonly lab?: Lab;
  /**
   * The target's profile: services it does not emulate are not fetched, and rules on them SKIP.
   * Detected from the endpoint when absent (targets/detect.ts), unless a test transport is given.
   */
  readonly target?: TargetProfile;
  /**
   * What AccessDenied on a service does: 'throw' (default) fails the run with exit 3; 'record'
   * leaves that service's resources out and lists it in `denied`, so rules reading it report ERROR
   * through {@link deniedReason}.
   */
  readonly onAccessDenied?: 'throw' | 'record';
  /** Parallel API calls at most. */
  readonly concurrency?: number;
  /** Replaces the AWS SDK (tests). */
  readonly transport?: Transport;
}

/** A service the credentials may not read, with the IAM action that was refused. */
export interface DeniedService {
  readonly service: LiveService;
  readonly iamAction: string;
}

/** What loadLiveGraph returns: the LoadedSource every source returns (graph, source, targetSkip) plus the loader's own facts. */
export interface LiveLoad extends LoadedSource {
  /** The target's profile, when known. */
  readonly target?: TargetProfile;
  /** Every API call made, in completion order. */
  readonly calls: ApiCall[];
  /** How the stack's resources were found: CloudFormation's list, or the stack-name tag. */
  readonly scope: 'stack' | 'tag';
  /** Stack resource types the live loader does not map (left out of the graph). */
  readonly unmapped: string[];
  /** Services left out because the credentials may not read them (onAccessDenied: 'record'). */
  readonly denied: DeniedService[];
  /** The region the stack was read in, when known. */
  readonly region?: string;
}

/** The lab whose stack this is, for the deploy command in messages. */
function labOf(stackName: string): string {
  return catalog.labs.find((lab) => lab.stackName === stackName)?.id ?? '<lab>';
}

function stackNotFound(options: LiveOptions, region: string | undefined): LiveError {
  const labId = options.lab?.id ?? labOf(options.stackName);
  const where = options.endpoint ? `at ${options.endpoint}` : `in ${region ?? 'the default region'}`;
  const whereKo = options.endpoint ? `${options.endpoint}에` : `${region ?? '기본 리전'}에`;
  const deploy = `npm run deploy -- ${labId}${options.endpoint ? '' : ' --target aws'}`;
  return new LiveError('stack-not-found', {
    en: `stack "${options.stackName}" not found ${where}: deploy it with \`${deploy}\`, or pass --stack/--region/--endpoint to point at where it is`,
    ko: `${whereKo} 스택 "${options.stackName}"이(가) 없습니다. \`${deploy}\`로 배포하거나, --stack/--region/--endpoint로 스택이 있는 곳을 지정하세요`,
  });
}

function bySortKey(a: Resource, b: Resource): number {
  return a.type === b.type ? a.id.localeCompare(b.id) : a.type.localeCompare(b.type);
}

/** The target and primary Region a live load shares across its stacks, and the transport of each Region. */
interface LiveSite {
  readonly target?: TargetProfile;
  /** The transport whose calls go to a Region (the SDK's clients are per Region; a test transport serves all). */
  readonly transportFor: (region: string | undefined) => Transport;
  /** The primary Region (flag, environment, profile; us-east-1 for local targets). */
  readonly region?: string;
}

async function openSite(options: LiveOptions): Promise<LiveSite> {
  // Detection also fails fast, with the one-line unreachable error, when a local endpoint is down.
  const target = options.target ?? (options.transport ? undefined : await detectTarget(options.endpoint));
  const sdk = options.transport ? undefined : sdkTransport(options);
  const region = sdk ? await sdk.region() : defaultRegion(options);
  const others = new Map<string, Transport>();
  const transportFor = (wanted: string | undefined): Transport => {
    if (options.transport) return options.transport;
    if (wanted === undefined || wanted === region) return sdk as Transport;
    if (!others.has(wanted)) others.set(wanted, sdkTransport({ ...options, region: wanted }));
    return others.get(wanted) as Transport;
  };
  return { target, transportFor, region };
}

/** One stack read live: its resources (not linked yet) and how they were found. */
type StackRead = Pick<LiveLoad, 'calls' | 'scope' | 'unmapped' | 'denied'> & { readonly resources: Resource[] };

/**
 * Loads the learner's deployed stack as a resource graph: lists its resources with
 * ListStackResources (falling back to the `aws:cloudformation:stack-name` tag for EC2 and Auto
 * Scaling when CloudFormation cannot list it), then runs one fetcher per service the stack uses.
 * Read-only, paginated, memoized, with bounded concurrency and adaptive retries.
 */
export async function loadLiveGraph(options: LiveOptions): Promise<LiveLoad> {
  const site = await openSite(options);
  const read = await readStack(options, site, options.stackName, site.region);
  const labId = options.lab?.id ?? labOf(options.stackName);
  const where = options.endpoint ? `at ${options.endpoint}` : `in ${site.region ?? 'the default region'}`;
  const { target } = site;
  return {
    graph: new ResourceGraph('live', linkResources(read.resources)),
    source: { kind: 'live', description: `stack ${options.stackName} ${where}`, target: target?.id ?? 'aws' },
    target,
    targetSkip: target ? (rule) => skipReason(target, rule, labId) : undefined,
    calls: read.calls,
    scope: read.scope,
    unmapped: read.unmapped,
    denied: read.denied,
    region: site.region,
  };
}

/** Options of {@link loadLiveStacks}: where the lab runs, its stacks and its second Region. */
export interface LiveStacksOptions extends LiveOptions {
  /** The lab's stacks in deploy order; `stackName` is the main one (primary Region). */
  readonly stacks: readonly LabStack[];
  /** The second Region's name. @default the lab's (catalog) */
  readonly secondaryRegion?: string;
}

/**
 * Loads every stack of a lab with several, each in its Region (the primary one is `region`, the
 * secondary one `secondaryRegion`; a local endpoint serves every Region), into one graph whose resources
 * carry their stack and Region. A missing main stack is an error; a missing other stack is reported in
 * `notes` (its rules then find nothing).
 */
export async function loadLiveStacks(options: LiveStacksOptions): Promise<LiveLoad> {
  const site = await openSite(options);
  const lab = options.lab ?? catalog.labs.find((candidate) => candidate.stackName === options.stackName);
  const second = options.secondaryRegion ?? (lab ? secondaryRegion(lab) : undefined);
  const reads: Array<StackRead & { readonly stack: StackInfo }> = [];
  const notes: LocalizedText[] = [];
  for (const stack of options.stacks) {
    const regionName = stack.region === 'secondary' ? second : site.region;
    try {
      const read = await readStack({ ...options, stackName: stack.name, region: regionName }, site, stack.name, regionName);
      const facts = await stackFacts(
        new Caller(site.transportFor(regionName), { region: regionName, endpoint: options.endpoint, profile: options.profile }),
        stack.name,
      );
      reads.push({ ...read, stack: { name: stack.name, region: stack.region, ...(regionName && { regionName }), ...facts } });
    } catch (error) {
      if (stack.name === options.stackName || !(error instanceof LiveError && error.kind === 'stack-not-found')) throw error;
      options.onProgress?.(error.text.en);
      notes.push(error.text);
    }
  }
  const resources = reads.flatMap((read) =>
    read.resources.map((resource) => ({ ...resource, stack: read.stack.name, region: read.stack.region })),
  );
  const labId = lab?.id ?? '<lab>';
  const description = reads.map((read) => `${read.stack.name} (${read.stack.regionName ?? read.stack.region})`).join(', ');
  const { target } = site;
  return {
    graph: new ResourceGraph(
      'live',
      linkResources(resources),
      undefined,
      reads.map((read) => read.stack),
    ),
    source: {
      kind: 'live',
      description: `stacks ${description}${options.endpoint ? ` at ${options.endpoint}` : ''}`,
      target: target?.id ?? 'aws',
    },
    target,
    targetSkip: target ? (rule) => skipReason(target, rule, labId) : undefined,
    calls: reads.flatMap((read) => read.calls),
    scope: reads.some((read) => read.scope === 'tag') ? 'tag' : 'stack',
    unmapped: [...new Set(reads.flatMap((read) => read.unmapped))].sort(),
    denied: reads.flatMap((read) => read.denied),
    region: site.region,
    ...(notes.length > 0 && { notes }),
  };
}

/** Reads one stack in one Region: lists its resources (or finds them by tag) and runs the fetchers. */
async function readStack(options: LiveOptions, site: LiveSite, stackName: string, region: string | undefined): Promise<StackRead> {
  const progress = (message: string): void => options.onProgress?.(message);
  const { target } = site;
  const caller = new Caller(
    site.transportFor(region),
    { region, endpoint: options.endpoint, profile: options.profile },
    options.concurrency ?? 4,
  );
  const context: FetchContext = { caller, region, stackName, progress };
  const denied: DeniedService[] = [];

  const guarded = async (fetcher: Fetcher, run: () => Promise<Resource[]>): Promise<Resource[]> => {
    try {
      return (await run()).sort(bySortKey);
    } catch (error) {
      if (error instanceof LiveError && error.kind === 'access-denied' && options.onAccessDenied === 'record') {
        denied.push({ service: fetcher.service, iamAction: error.iamAction ?? `${fetcher.service}:*` });
        progress(`${fetcher.service}: ${error.text.en}`);
        return [];
      }
      throw error;
    }
  };
  const emulated = (fetcher: Fetcher): boolean => !target || target.services.includes(fetcher.service);

  progress(`listing the resources of stack ${stackName}`);
  let entries: StackEntry[] | undefined;
  let listError: LiveError | undefined;
  try {
    entries = await listStack(caller, stackName, progress);
  } catch (error) {
    if (!(error instanceof LiveError && error.kind === 'access-denied')) throw error;
    listError = error;
  }

  let resources: Resource[];
  let scope: LiveLoad['scope'] = 'stack';
  let unmapped: string[] = [];
  if (entries) {
    unmapped = [...new Set(entries.map((entry) => entry.type))]
      .filter((type) => !MAPPED_TYPES.includes(type) && !IGNORED_TYPES.has(type))
      .sort();
    if (unmapped.length) progress(`not read in live mode: ${unmapped.join(', ')}`);
    const batches = await Promise.all(
      FETCHERS.map((fetcher) => {
        const own = entries.filter((entry) => fetcher.types.includes(entry.type));
        if (!own.length) return Promise.resolve([]);
        if (!emulated(fetcher)) {
          progress(`${fetcher.service}: ${target?.name} does not emulate it; ${own.length} resource(s) not read`);
          return Promise.resolve([]);
        }
        progress(`reading ${fetcher.service} (${own.length})`);
        const related = entries.filter((entry) => fetcher.types.includes(entry.type) || fetcher.derived?.includes(entry.type));
        return guarded(fetcher, () => fetcher.fetch(context, related));
      }),
    );
    resources = batches.flat();
  } else {
    scope = 'tag';
    const why = listError ? 'CloudFormation access was denied' : 'CloudFormation has no such stack';
    progress(`${why}; looking for resources tagged aws:cloudformation:stack-name=${stackName}`);
    const batches = await Promise.all(
      FETCHERS.filter((fetcher) => fetcher.fetchByTag && emulated(fetcher)).map((fetcher) =>
        guarded(fetcher, () => (fetcher.fetchByTag as NonNullable<Fetcher['fetchByTag']>)(context)),
      ),
    );
    resources = batches.flat();
    if (resources.length === 0) throw listError ?? stackNotFound({ ...options, stackName }, region);
    progress(
      `found ${resources.length} resources by tag (EC2 and Auto Scaling only: other services cannot be found without CloudFormation)`,
    );
  }
  return { resources, calls: caller.calls, scope, unmapped, denied };
}

/**
 * Why a rule is ERROR because the credentials may not read a service it needs (see
 * `onAccessDenied: 'record'`), naming the missing IAM action; undefined when nothing it reads was denied.
 */
export function deniedReason(denied: readonly DeniedService[], rule: { readonly services: readonly Service[] }): LocalizedText | undefined {
  const hit = denied.find((entry) => rule.services.includes(entry.service));
  if (!hit) return undefined;
  const name = SERVICES[hit.service].name;
  return {
    en: `cannot evaluate: access denied reading ${name} (missing ${hit.iamAction}); attach the policy from \`checker iam-policy\``,
    ko: `평가할 수 없습니다: ${name}을(를) 읽을 권한이 없습니다(${hit.iamAction} 누락). \`checker iam-policy\`가 출력하는 정책을 붙이세요`,
  };
}
