import { ResourceGraph } from '../../model/graph';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './limits';
import {
  isRef,
  isTokenString,
  isUnresolved,
  type DeployTimeParameter,
  type RegionRole,
  type Resource,
  type ResourceRef,
  type TokenString,
  type Unresolved,
} from '../../model/types';

/** A CloudFormation template as parsed from JSON or YAML (long-form intrinsics). */
export interface CfnTemplate {
  Parameters?: Record<
    string,
    { Type?: string; Default?: unknown; AllowedPattern?: unknown; AllowedValues?: unknown; MinLength?: unknown; MaxLength?: unknown }
  >;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<
    string,
    { Type?: string; Properties?: Record<string, unknown>; Condition?: string; Metadata?: Record<string, unknown> }
  >;
  Outputs?: Record<string, { Value?: unknown; Export?: { Name?: unknown } }>;
}

/** Thrown when a template is not a usable CloudFormation template; the message says where. */
export class TemplateError extends Error {}

/** Symbolic Availability Zones for Fn::GetAZs: distinct and stable, so rules can count zones. */
export const SYMBOLIC_AZS = ['AZ#1', 'AZ#2', 'AZ#3', 'AZ#4', 'AZ#5', 'AZ#6'];

/** Resource types that describe the template rather than the architecture. */
const IGNORED_TYPES = new Set(['AWS::CDK::Metadata']);

const NO_VALUE = Symbol('AWS::NoValue');

/** How to resolve a template: its stack name, and values for parameters chosen at deploy time. */
export interface ResolveOptions {
  readonly stackName?: string;
  /** Parameter values, as `cdk deploy --parameters` would pass them (they win over a Default). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Parameters filled from another stack's output, as that stack's graph resolved it (references kept). */
  readonly filled?: Readonly<Record<string, unknown>>;
  /** Put before every graph id of this template (`<stack>/`), so several stacks share one graph. @default '' */
  readonly idPrefix?: string;
  /** The Region's name when the stack fixes it: `AWS::Region` resolves to it. */
  readonly regionName?: string;
}

/** Builds the resource graph of a template, resolving intrinsic functions (see model/types.ts). */
export function graphFromTemplate(template: unknown, options: ResolveOptions = {}): ResourceGraph {
  const cfn = checkedTemplate(template);
  return new ResourceGraph('template', resolveResources(cfn, new Resolver(cfn, options)), (values) =>
    graphFromTemplate(template, { ...options, parameters: { ...options.parameters, ...values } }),
  );
}

function resolveResources(cfn: CfnTemplate, resolver: Resolver, placement?: Pick<Resource, 'stack' | 'region'>): Resource[] {
  const resources: Resource[] = [];
  for (const [id, definition] of Object.entries(cfn.Resources ?? {})) {
    if (typeof definition?.Type !== 'string') throw new TemplateError(`resource ${id} has no Type`);
    if (IGNORED_TYPES.has(definition.Type)) continue;
    if (definition.Condition && resolver.condition(definition.Condition) === false) continue;
    const properties = resolver.resolve(definition.Properties ?? {}, `${id}.Properties`);
    const metadata = definition.Metadata ? (resolver.resolve(definition.Metadata, `${id}.Metadata`) as Record<string, unknown>) : undefined;
    resources.push({
      id: resolver.graphId(id),
      type: definition.Type,
      properties: properties as Record<string, unknown>,
      ...(metadata && { metadata }),
      ...placement,
    });
  }
  return resources;
}

/** One stack's template for {@link graphFromStacks}. */
export interface TemplateStack {
  readonly name: string;
  readonly template: unknown;
  readonly region: RegionRole;
  /** The Region's name when the stack fixes it (its `env`). */
  readonly regionName?: string;
  /** The lab's main stack keeps its logical ids; every other stack's get `<name>/` in front. */
  readonly main: boolean;
  /** The stack's own tags (the cloud assembly's), when it has some. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Parameters filled at deploy time from outputs of earlier stacks (the catalog's `stacks[].parameters`). */
  readonly parameters?: Readonly<Record<string, { readonly stack: string; readonly output: string }>>;
}

/**
 * Builds one graph from several stacks' templates, in deploy order: every resource carries its stack and
 * Region, and a parameter filled from an earlier stack's output resolves to that output's value as the
 * earlier stack's graph resolved it (a reference to the other stack's resource stays a reference).
 */
export function graphFromStacks(stacks: readonly TemplateStack[], parameters: Readonly<Record<string, string>> = {}): ResourceGraph {
  const outputs = new Map<string, Record<string, unknown>>();
  const resources: Resource[] = [];
  for (const stack of stacks) {
    try {
      const cfn = checkedTemplate(stack.template);
      const filled: Record<string, unknown> = {};
      for (const [name, source] of Object.entries(stack.parameters ?? {})) {
        const produced = outputs.get(source.stack);
        filled[name] =
          produced && source.output in produced
            ? produced[source.output]
            : unresolved(
                `parameter ${name} takes output ${source.output} of stack ${source.stack}, which ${produced ? 'has no such output' : 'is not among the stacks read'}`,
              );
      }
      const resolver = new Resolver(cfn, {
        stackName: stack.name,
        parameters,
        filled,
        idPrefix: stack.main ? '' : `${stack.name}/`,
        regionName: stack.regionName,
      });
      resources.push(...resolveResources(cfn, resolver, { stack: stack.name, region: stack.region }));
      outputs.set(
        stack.name,
        Object.fromEntries(
          Object.entries(cfn.Outputs ?? {}).map(([key, output]) => [key, resolver.resolve(output?.Value, `Outputs.${key}`)]),
        ),
      );
    } catch (error) {
      if (error instanceof TemplateError) throw new TemplateError(`stack ${stack.name}: ${error.message}`);
      throw error;
    }
  }
  return new ResourceGraph(
    'template',
    resources,
    (values) => graphFromStacks(stacks, { ...parameters, ...values }),
    stacks.map((stack) => ({
      name: stack.name,
      region: stack.region,
      ...(stack.regionName && { regionName: stack.regionName }),
      outputs: outputs.get(stack.name) ?? {},
      ...(stack.tags && { tags: stack.tags }),
    })),
  );
}

/** The template as a CfnTemplate, or a TemplateError saying why it is not one. */
function checkedTemplate(template: unknown): CfnTemplate {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new TemplateError('the template is not a JSON/YAML object');
  }
  const cfn = template as CfnTemplate;
  if (typeof cfn.Resources !== 'object' || cfn.Resources === null) {
    throw new TemplateError('the template has no Resources section');
  }
  // The resolver recurses; a bound far below the call stack's makes a hostile template an input error.
  if (nestsDeeperThan(cfn)) throw new TemplateError(`the template nests objects or lists more than ${MAX_NESTING_DEPTH} levels deep`);
  return cfn;
}

class Resolver {
  private readonly conditionCache = new Map<string, boolean | undefined>();

  private readonly stackName: string | undefined;
  private readonly parameterValues: Readonly<Record<string, unknown>>;
  private readonly idPrefix: string;
  private readonly regionName: string | undefined;

  constructor(
    private readonly cfn: CfnTemplate,
    options: ResolveOptions,
  ) {
    this.stackName = options.stackName;
    this.parameterValues = { ...options.filled, ...options.parameters };
    this.idPrefix = options.idPrefix ?? '';
    this.regionName = options.regionName;
  }

  /** The graph id of one of this template's logical ids. */
  graphId(logicalId: string): string {
    return this.idPrefix + logicalId;
  }

  private refTo(logicalId: string, attribute?: string): ResourceRef {
    return ref(this.graphId(logicalId), attribute);
  }

  resolve(value: unknown, where: string): unknown {
    const resolved = this.value(value, where);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  condition(name: string): boolean | undefined {
    if (!this.conditionCache.has(name)) {
      this.conditionCache.set(name, undefined);
      const definition = this.cfn.Conditions?.[name];
      this.conditionCache.set(name, definition === undefined ? undefined : this.evaluateCondition(definition, `Conditions.${name}`));
    }
    return this.conditionCache.get(name);
  }

  private value(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      return value.map((item, i) => this.value(item, `${where}[${i}]`)).filter((item) => item !== NO_VALUE);
    }
    if (typeof value !== 'object' || value === null) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition')) {
      return this.intrinsic(keys[0], (value as Record<string, unknown>)[keys[0]], where);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.value(item, `${where}.${key}`);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  private intrinsic(name: string, arg: unknown, where: string): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(String(arg));
      case 'Fn::GetAtt': {
        const [id, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/s);
        return this.cfn.Resources?.[id] ? this.refTo(id, attribute) : unresolved(`GetAtt of unknown resource ${id}`);
      }
      case 'Fn::GetAZs':
        return [...SYMBOLIC_AZS];
      case 'Fn::Select': {
        const [index, list] = asArray(arg, 2, name, where);
        const i = Number(this.value(index, where));
        const items = this.value(list, where);
        if (!Array.isArray(items) || !Number.isInteger(i)) return unresolved(`Fn::Select over a list that is not known at ${where}`, items);
        return i >= 0 && i < items.length ? items[i] : unresolved(`Fn::Select index ${i} out of range at ${where}`);
      }
      case 'Fn::Join': {
        const [separator, list] = asArray(arg, 2, name, where);
        const items = this.value(list, where);
        if (!Array.isArray(items)) return unresolved(`Fn::Join over a list that is not known at ${where}`);
        const parts: Array<string | ResourceRef | Unresolved> = [];
        items.forEach((item, i) => {
          if (i > 0) parts.push(String(separator));
          parts.push(...tokenParts(item));
        });
        return joinParts(parts);
      }
      case 'Fn::Sub':
        return this.sub(arg, where);
      case 'Fn::If': {
        const [conditionName, whenTrue, whenFalse] = asArray(arg, 3, name, where);
        const verdict = this.condition(String(conditionName));
        if (verdict === undefined) return unresolved(`condition ${String(conditionName)} depends on deploy-time values`);
        return this.value(verdict ? whenTrue : whenFalse, where);
      }
      case 'Fn::ImportValue': {
        const exportName = this.value(arg, where);
        const output = Object.values(this.cfn.Outputs ?? {}).find((candidate) => {
          const candidateName = this.value(candidate.Export?.Name, where);
          return candidateName !== undefined && JSON.stringify(candidateName) === JSON.stringify(exportName);
        });
        return output ? this.value(output.Value, where) : unresolved(`Fn::ImportValue of an export from another stack at ${where}`);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = asArray(arg, 3, name, where).map((item) => this.value(item, where));
        const found =
          typeof map === 'string' && typeof top === 'string' && typeof second === 'string'
            ? this.cfn.Mappings?.[map]?.[top]?.[second]
            : undefined;
        return found === undefined ? unresolved(`Fn::FindInMap entry not found at ${where}`) : this.value(found, where);
      }
      case 'Fn::Split': {
        const [separator, source] = asArray(arg, 2, name, where);
        const text = this.value(source, where);
        return typeof text === 'string' ? text.split(String(separator)) : unresolved(`Fn::Split of a deploy-time value at ${where}`, text);
      }
      case 'Fn::Base64':
        return this.value(arg, where);
      case 'Fn::ToJsonString': {
        const inner = this.value(arg, where);
        return containsToken(inner) ? unresolved(`Fn::ToJsonString of a deploy-time value at ${where}`) : JSON.stringify(inner);
      }
      case 'Fn::Length': {
        const items = this.value(arg, where);
        return Array.isArray(items) ? items.length : unresolved(`Fn::Length of a deploy-time list at ${where}`);
      }
      case 'Condition': {
        const verdict = this.condition(String(arg));
        return verdict === undefined ? unresolved(`condition ${String(arg)} depends on deploy-time values`) : verdict;
      }
      case 'Fn::Equals': {
        const [a, b] = asArray(arg, 2, name, where).map((item) => this.value(item, where));
        return containsToken(a) || containsToken(b)
          ? unresolved(`Fn::Equals on deploy-time values at ${where}`)
          : JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not': {
        const [a] = asArray(arg, 1, name, where).map((item) => this.value(item, where));
        return typeof a === 'boolean' ? !a : unresolved(`Fn::Not on a deploy-time value at ${where}`);
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = asArray(arg, 1, name, where).map((item) => this.value(item, where));
        const decisive = name === 'Fn::Or';
        if (values.some((v) => v === decisive)) return decisive;
        return values.every((v) => typeof v === 'boolean') ? !decisive : unresolved(`${name} on deploy-time values at ${where}`);
      }
      default:
        return unresolved(`${name} is not supported by the checker (at ${where})`);
    }
  }

  private ref(name: string): unknown {
    switch (name) {
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return this.stackName ?? '${AWS::StackName}';
      case 'AWS::Region':
        return this.regionName ?? `\${${name}}`;
      case 'AWS::AccountId':
      case 'AWS::StackId':
      case 'AWS::NotificationARNs':
        return `\${${name}}`;
    }
    if (this.cfn.Resources?.[name]) return this.refTo(name);
    const parameter = this.cfn.Parameters?.[name];
    if (parameter) {
      const ssm = parameter.Type?.startsWith('AWS::SSM::Parameter::Value') ?? false;
      if (name in this.parameterValues) return this.parameterValues[name];
      if (ssm)
        return { $unresolved: `parameter ${name} is read from SSM Parameter Store at deploy time`, parameter: { name, source: 'ssm' } };
      if (parameter.Default === undefined)
        return {
          $unresolved: `parameter ${name} has no default; its value is chosen at deploy time`,
          parameter: deployTimeParameter(name, parameter),
        };
      return parameter.Default;
    }
    return unresolved(`Ref to ${name}, which the template does not define`);
  }

  private sub(arg: unknown, where: string): unknown {
    const [text, variables] = Array.isArray(arg) ? [arg[0], arg[1] as Record<string, unknown> | undefined] : [arg, undefined];
    if (typeof text !== 'string') return unresolved(`Fn::Sub without a string at ${where}`);
    const parts: Array<string | ResourceRef | Unresolved> = [];
    let last = 0;
    for (const match of text.matchAll(/\$\{([^}]+)\}/g)) {
      parts.push(text.slice(last, match.index));
      last = (match.index ?? 0) + match[0].length;
      const name = match[1];
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      let replacement: unknown;
      if (variables && name in variables) replacement = this.value(variables[name], where);
      else if (name.includes('.') && this.cfn.Resources?.[name.split('.')[0]]) {
        const [id, attribute] = name.split(/\.(.*)/s);
        replacement = this.refTo(id, attribute);
      } else replacement = this.ref(name);
      parts.push(...tokenParts(replacement));
    }
    parts.push(text.slice(last));
    return joinParts(parts);
  }

  private evaluateCondition(definition: unknown, where: string): boolean | undefined {
    const resolved = this.value(definition, where);
    return typeof resolved === 'boolean' ? resolved : undefined;
  }
}

/** A parameter without Default, with the constraints CloudFormation enforces on the value given at deploy time. */
function deployTimeParameter(name: string, definition: NonNullable<CfnTemplate['Parameters']>[string]): DeployTimeParameter {
  const { AllowedPattern: pattern, AllowedValues: values, MinLength: min, MaxLength: max } = definition;
  return {
    name,
    source: 'template',
    ...(typeof pattern === 'string' && { allowedPattern: pattern }),
    ...(Array.isArray(values) && { allowedValues: values.map(String) }),
    ...(Number.isFinite(Number(min)) && min !== undefined && { minLength: Number(min) }),
    ...(Number.isFinite(Number(max)) && max !== undefined && { maxLength: Number(max) }),
  };
}

function ref(id: string, attribute?: string): ResourceRef {
  return attribute ? { $ref: id, attribute } : { $ref: id };
}

function unresolved(reason: string, source?: unknown): Unresolved {
  const refs = source === undefined ? [] : refsOf(source);
  return refs.length > 0 ? { $unresolved: reason, refs } : { $unresolved: reason };
}

/** The references a deploy-time value was built from, so an unresolved result keeps them. */
function refsOf(value: unknown): ResourceRef[] {
  if (isRef(value)) return [value];
  if (isUnresolved(value)) return [...(value.refs ?? [])];
  if (isTokenString(value)) return value.$join.flatMap(refsOf);
  if (Array.isArray(value)) return value.flatMap(refsOf);
  return [];
}

function asArray(arg: unknown, length: number, name: string, where: string): unknown[] {
  if (!Array.isArray(arg) || arg.length < length) throw new TemplateError(`${name} at ${where} needs a list of ${length} items`);
  return arg;
}

function tokenParts(value: unknown): Array<string | ResourceRef | Unresolved> {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (isRef(value) || isUnresolved(value)) return [value];
  if (isTokenString(value)) return [...value.$join];
  return [unresolved('a list or object used inside a string')];
}

function joinParts(parts: Array<string | ResourceRef | Unresolved>): string | TokenString {
  const merged: Array<string | ResourceRef | Unresolved> = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (typeof part === 'string' && typeof previous === 'string') merged[merged.length - 1] = previous + part;
    else if (part !== '') merged.push(part);
  }
  if (merged.length === 0) return '';
  return merged.length === 1 && typeof merged[0] === 'string' ? merged[0] : { $join: merged };
}

function containsToken(value: unknown): boolean {
  if (isRef(value) || isUnresolved(value) || isTokenString(value)) return true;
  if (Array.isArray(value)) return value.some(containsToken);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsToken);
  return false;
}
