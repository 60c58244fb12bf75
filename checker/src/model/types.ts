/**
 * The resource graph that every rule reads. Both sources produce it:
 * - template mode: one Resource per CloudFormation resource, id = logical id, properties as written
 *   in the template with intrinsic functions resolved (see below);
 * - live mode: one Resource per AWS object the live loader fetched, id = physical id, properties
 *   converted by the fetcher to the CloudFormation shape of that type (same property names), so a
 *   rule cannot tell the two apart. Live-only facts go in `live`.
 *
 * Resolution of values inside `properties`:
 * - `Ref` / `Fn::GetAtt` to a resource in the graph become a {@link ResourceRef};
 *   in live mode, ids of other loaded resources are also written as ResourceRef.
 * - `Fn::GetAZs` gives symbolic zones "AZ#1", "AZ#2"... (distinct, stable), `Fn::Select` picks from
 *   lists, `Fn::Join`/`Fn::Sub` on plain strings give strings; when they embed a reference, the result
 *   is a {@link TokenString} so rules can still see which resources an ARN or name points at.
 * - `Fn::ImportValue` of an export of the same template resolves; parameters resolve to their
 *   Default; a parameter chosen at deploy time is an Unresolved marker that carries its constraints
 *   (see {@link DeployTimeParameter}); conditions are evaluated when they can be.
 * - Anything else is an {@link Unresolved} marker. Reading one through the graph's accessors throws
 *   {@link CannotEvaluate}, which the runner reports as ERROR ("cannot evaluate: ..."), never as a
 *   wrong PASS or FAIL; when it names deploy-time parameters, the runner first judges the values
 *   their constraints admit (engine/deploy-time.ts).
 *
 * A lab with several stacks (catalog `stacks`, labs 8-9) gives one graph of all of them: each resource
 * carries `stack` and `region` ('primary' | 'secondary'), the graph lists its {@link StackInfo}s with the
 * Regions' names, and `graph.placement(resource)` answers for any resource. Template mode keeps the main
 * stack's logical ids and gives the other stacks' resources ids `<stack>/<logical id>`; a parameter the
 * catalog fills from an earlier stack's output resolves to that output's value (a reference to the other
 * stack's resource stays a reference). Live mode reads each stack in its Region.
 */

/** Where a graph came from. */
export type SourceKind = 'template' | 'live';

/**
 * Which of the lab's Regions a stack runs in: `primary` is the deploy target's Region, `secondary` the
 * lab's second Region (CDK context `secondaryRegion`, default ap-northeast-1). The Region's name, when
 * known, is on the graph's {@link StackInfo}.
 */
export type RegionRole = 'primary' | 'secondary';

/** One stack a graph was loaded from, with its Region. */
export interface StackInfo {
  /** The CloudFormation stack name. */
  readonly name: string;
  readonly region: RegionRole;
  /** The Region's name: always in live mode; in template mode when the stack fixes its Region (`env`), else undefined. */
  readonly regionName?: string;
  /** The stack's outputs by key (template: resolved like properties; live: DescribeStacks), when read. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** The stack's own tags (live: DescribeStacks; template: the cloud assembly's, from an app or cdk.out), when read. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A reference to another resource of the graph (a resolved Ref or GetAtt). */
export interface ResourceRef {
  readonly $ref: string;
  /** The GetAtt attribute, absent for a plain Ref. */
  readonly attribute?: string;
}

/** A string built from literal parts and references (a Join or Sub that embeds a Ref/GetAtt). */
export interface TokenString {
  readonly $join: ReadonlyArray<string | ResourceRef | Unresolved>;
}

/**
 * A template parameter whose value is chosen at deploy time (no Default, or read from SSM), with
 * the constraints the template puts on it: what template mode can still know about its value.
 */
export interface DeployTimeParameter {
  readonly name: string;
  /** "template" for a parameter without Default; "ssm" for an AWS::SSM::Parameter::Value type. */
  readonly source: 'template' | 'ssm';
  /** CloudFormation's AllowedPattern (the whole value must match it). */
  readonly allowedPattern?: string;
  readonly allowedValues?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** A value the loader could not resolve, with the reason in words. */
export interface Unresolved {
  readonly $unresolved: string;
  /** Set when the value is a parameter chosen at deploy time: the engine judges what its constraints admit. */
  readonly parameter?: DeployTimeParameter;
  /**
   * The resources the value was computed from, when known (e.g. a bucket's website domain cut
   * out of its WebsiteURL with Fn::Select and Fn::Split): rules can still see what it points at.
   */
  readonly refs?: readonly ResourceRef[];
}

/** One resource of the graph. */
export interface Resource {
  /** Logical id (template) or physical id (live). Unique in the graph. */
  readonly id: string;
  /** CloudFormation type, e.g. "AWS::EC2::Subnet". */
  readonly type: string;
  /** Physical id when known (always in live mode). */
  readonly physicalId?: string;
  /** CloudFormation-shaped properties with references resolved as described above. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Template only: the resource's Metadata section (e.g. cdk-nag's `cdk_nag.rules_to_suppress`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Facts only a live deployment has (e.g. an S3 bucket's object count), keyed by name. */
  readonly live?: Readonly<Record<string, unknown>>;
  /**
   * The stack the resource belongs to, in a graph of a lab with several stacks (absent: the lab's one
   * stack). In template mode the resources of stacks other than the main one have ids `<stack>/<logical id>`.
   */
  readonly stack?: string;
  /** The Region the resource's stack runs in, set with `stack` (absent: primary). See ResourceGraph.placement. */
  readonly region?: RegionRole;
}

/** Thrown when a rule needs a value the source could not resolve; reported as ERROR. */
export class CannotEvaluate extends Error {
  /**
   * @param what what could not be judged, for the ERROR message.
   * @param needs the CloudFormation type (or `Type.Property`) whose absence caused it: a live target
   *   that does not create it turns the ERROR into a SKIP naming the gap (engine/run.ts).
   */
  constructor(
    readonly what: string,
    readonly needs?: string,
    /** Deploy-time parameters the value depends on: the engine then judges each value they admit. */
    readonly parameters: readonly DeployTimeParameter[] = [],
  ) {
    super(`cannot evaluate: ${what}`);
    this.name = 'CannotEvaluate';
  }
}

/** True for a resolved Ref/GetAtt. */
export function isRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && typeof (value as ResourceRef).$ref === 'string';
}

/** True for a string that embeds references. */
export function isTokenString(value: unknown): value is TokenString {
  return typeof value === 'object' && value !== null && Array.isArray((value as TokenString).$join);
}

/** True for a value the loader could not resolve. */
export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && typeof (value as Unresolved).$unresolved === 'string';
}

/** The deploy-time parameters a value depends on, anywhere inside it (deduplicated by name). */
export function parametersIn(value: unknown): DeployTimeParameter[] {
  const found = new Map<string, DeployTimeParameter>();
  const visit = (node: unknown): void => {
    if (isUnresolved(node)) {
      if (node.parameter) found.set(node.parameter.name, node.parameter);
    } else if (isTokenString(node)) node.$join.forEach(visit);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null && !isRef(node)) Object.values(node).forEach(visit);
  };
  visit(value);
  return [...found.values()];
}
