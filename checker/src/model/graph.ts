import {
  CannotEvaluate,
  isRef,
  isTokenString,
  isUnresolved,
  parametersIn,
  type Resource,
  type RegionRole,
  type SourceKind,
  type StackInfo,
} from './types';

/** Template mode: the same template resolved again with deploy-time parameters given values (engine/deploy-time.ts). */
export type WithParameters = (values: Readonly<Record<string, string>>) => ResourceGraph;

/** The resources of one template or one live stack, with lookups that follow references. */
export class ResourceGraph {
  private readonly byId = new Map<string, Resource>();
  private readonly byPhysicalId = new Map<string, Resource>();
  private reverse?: Map<string, Resource[]>;

  constructor(
    /** Where the resources came from. */
    readonly kind: SourceKind,
    resources: readonly Resource[],
    /** Template mode: re-resolves the template with values for its deploy-time parameters. */
    readonly withParameters?: WithParameters,
    /** The stacks the resources came from, in deploy order, when the lab has several (empty for one stack). */
    readonly stacks: readonly StackInfo[] = [],
  ) {
    for (const resource of resources) {
      this.byId.set(resource.id, resource);
      if (resource.physicalId) this.byPhysicalId.set(resource.physicalId, resource);
    }
  }

  /**
   * The stack and Region a resource runs in (a graph of one stack: that stack, primary; its name
   * undefined when the graph does not know it), so a rule can ask whether two resources are in different Regions.
   */
  placement(resource: Resource): { readonly stack?: string; readonly region: RegionRole; readonly regionName?: string } {
    const stack = resource.stack ? this.stacks.find((candidate) => candidate.name === resource.stack) : undefined;
    return { stack: resource.stack, region: resource.region ?? 'primary', ...(stack?.regionName && { regionName: stack.regionName }) };
  }

  /** Every resource, in load order. */
  all(): Resource[] {
    return [...this.byId.values()];
  }

  /** Resources of one CloudFormation type, e.g. "AWS::EC2::Subnet". */
  ofType(type: string): Resource[] {
    return this.all().filter((resource) => resource.type === type);
  }

  /** A resource by graph id or physical id. */
  get(id: string): Resource | undefined {
    return this.byId.get(id) ?? this.byPhysicalId.get(id);
  }

  /**
   * The resource a property value points at: a resolved Ref/GetAtt, or (live mode) a physical id.
   * Undefined when the value names nothing in the graph (e.g. the default VPC's security group);
   * throws CannotEvaluate when the value itself could not be resolved.
   */
  deref(value: unknown, what: string): Resource | undefined {
    if (isUnresolved(value)) throw new CannotEvaluate(`${what}: ${value.$unresolved}`, undefined, parametersIn(value));
    if (isRef(value)) return this.get(value.$ref);
    if (typeof value === 'string') return this.get(value);
    return undefined;
  }

  /** Every resource referenced anywhere inside a value (refs, token strings, unresolved values' sources, live physical ids and ARNs). */
  refsIn(value: unknown): Resource[] {
    const found = new Map<string, Resource>();
    const visit = (node: unknown): void => {
      if (isRef(node)) {
        const target = this.get(node.$ref);
        if (target) found.set(target.id, target);
      } else if (isTokenString(node)) node.$join.forEach(visit);
      else if (Array.isArray(node)) node.forEach(visit);
      else if (typeof node === 'string') {
        const target = this.get(node) ?? (node.startsWith('arn:') ? this.byArn(node) : undefined);
        if (target) found.set(target.id, target);
      } else if (isUnresolved(node)) node.refs?.forEach(visit);
      else if (typeof node === 'object' && node !== null) Object.values(node).forEach(visit);
    };
    visit(value);
    return [...found.values()];
  }

  /**
   * A property by dotted path ("VpcConfig.SubnetIds"). Throws CannotEvaluate when the value, or a
   * value on the way, could not be resolved; returns undefined when it is simply absent.
   */
  prop(resource: Resource, path: string): unknown {
    let node: unknown = resource.properties;
    for (const key of path.split('.')) {
      if (isUnresolved(node)) break;
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    if (isUnresolved(node))
      throw new CannotEvaluate(`${resource.type} ${resource.id} ${path}: ${node.$unresolved}`, undefined, parametersIn(node));
    return node;
  }

  /** Resources whose properties reference `target` (optionally only of one type). */
  referencing(target: Resource, type?: string): Resource[] {
    if (!this.reverse) {
      this.reverse = new Map();
      for (const resource of this.byId.values()) {
        for (const referenced of this.refsIn(resource.properties)) {
          const list = this.reverse.get(referenced.id) ?? [];
          list.push(resource);
          this.reverse.set(referenced.id, list);
        }
      }
    }
    const sources = this.reverse.get(target.id) ?? [];
    return type ? sources.filter((resource) => resource.type === type) : sources;
  }

  private byArn(arn: string): Resource | undefined {
    return this.all().find((resource) => resource.live?.arn === arn || resource.properties.Arn === arn);
  }
}
