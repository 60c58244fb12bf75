import type { ResourceGraph } from '../graph';
import { CannotEvaluate, isRef, isTokenString, isUnresolved, type Resource, parametersIn } from '../types';
import { describeValue } from './values';

/** One IAM policy statement, normalized: lists are always arrays, condition keys lower-case. */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  /** The Principal block as written ("*", { AWS: ... }, { Service: ... }); undefined in identity policies. */
  readonly principal: unknown;
  readonly actions: readonly string[];
  /** True when the statement lists NotAction (every action except those). */
  readonly notAction: boolean;
  /** Resource values as written (strings, refs or token strings). */
  readonly resources: readonly unknown[];
  /** operator (lower-case, e.g. "stringnotequals") → key (lower-case, e.g. "aws:sourcevpce") → values. */
  readonly conditions: ReadonlyMap<string, ReadonlyMap<string, readonly unknown[]>>;
  /** Where the statement comes from, for messages. */
  readonly source: Resource;
}

/** The statements of a policy document value (PolicyDocument, KeyPolicy...). */
export function statementsOf(document: unknown, source: Resource): Statement[] {
  if (document === undefined || document === null) return [];
  if (isUnresolved(document)) throw new CannotEvaluate(`${source.type} ${source.id} policy: ${document.$unresolved}`);
  if (typeof document === 'string') return statementsOf(JSON.parse(document), source);
  const raw = (document as { Statement?: unknown }).Statement;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((entry) => normalize(entry as Record<string, unknown>, source));
}

/** True when an IAM action pattern (with * and ? wildcards) covers `action`, ignoring case. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return regex.test(action);
}

/** True when the statement's actions include `action`. */
export function coversAction(statement: Statement, action: string): boolean {
  const listed = statement.actions.some((pattern) => actionMatches(pattern, action));
  return statement.notAction ? !listed : listed;
}

/** True for a principal that means anyone: "*" or { AWS: "*" }. */
export function isAnyonePrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const aws = (principal as Record<string, unknown>).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** The values of one principal kind ("Service", "AWS", "CanonicalUser"), as an array. */
export function principalValues(principal: unknown, kind: string): unknown[] {
  if (typeof principal !== 'object' || principal === null) return [];
  const value = (principal as Record<string, unknown>)[kind];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The condition keys a statement tests under any operator, lower-case. */
export function conditionKeys(statement: Statement): string[] {
  return [...statement.conditions.values()].flatMap((keys) => [...keys.keys()]);
}

/** The values a statement compares one condition key with, under operators matching `operator` (a regex on the lower-case name). */
export function conditionValues(statement: Statement, key: string, operator: RegExp): unknown[] {
  const values: unknown[] = [];
  for (const [name, keys] of statement.conditions) {
    if (operator.test(name)) values.push(...(keys.get(key.toLowerCase()) ?? []));
  }
  return values;
}

/**
 * How a resource value of a statement covers a bucket: "objects" (bucket/* or every resource),
 * "bucket" (the bucket ARN itself) or undefined (another resource).
 */
export function bucketCoverage(graph: ResourceGraph, value: unknown, bucket: Resource): 'objects' | 'bucket' | undefined {
  if (value === '*') return 'objects';
  if (typeof value === 'string') {
    const match = /^arn:[^:]+:s3:::([^/]+)(\/.*)?$/.exec(value);
    if (!match) return undefined;
    const name = match[1];
    const matchesBucket = name === '*' || name === bucket.physicalId || name === bucket.properties.BucketName;
    if (!matchesBucket) return undefined;
    if (match[2] === undefined) return 'bucket';
    return match[2] === '/*' ? 'objects' : undefined;
  }
  if (isRef(value)) return graph.get(value.$ref) === bucket && value.attribute === 'Arn' ? 'bucket' : undefined;
  if (isTokenString(value)) {
    if (!graph.refsIn(value).includes(bucket)) return undefined;
    const last = value.$join[value.$join.length - 1];
    if (typeof last === 'string') return last.endsWith('/*') ? 'objects' : undefined;
    return 'bucket';
  }
  if (isUnresolved(value)) throw new CannotEvaluate(`a policy resource is ${describeValue(value)}`, undefined, parametersIn(value));
  return undefined;
}

function normalize(entry: Record<string, unknown>, source: Resource): Statement {
  const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const strings = (value: unknown): string[] =>
    list(value).map((item) => {
      if (typeof item !== 'string')
        throw new CannotEvaluate(`${source.type} ${source.id} policy action is ${describeValue(item)}`, undefined, parametersIn(item));
      return item;
    });
  const conditions = new Map<string, Map<string, unknown[]>>();
  const block = entry.Condition;
  if (isUnresolved(block)) throw new CannotEvaluate(`${source.type} ${source.id} policy condition: ${block.$unresolved}`);
  if (typeof block === 'object' && block !== null) {
    for (const [operator, keys] of Object.entries(block)) {
      const byKey = new Map<string, unknown[]>();
      if (typeof keys === 'object' && keys !== null) {
        for (const [key, value] of Object.entries(keys)) byKey.set(key.toLowerCase(), list(value));
      }
      conditions.set(operator.toLowerCase(), byKey);
    }
  }
  const notAction = entry.NotAction !== undefined;
  return {
    effect: entry.Effect === 'Deny' ? 'Deny' : 'Allow',
    principal: entry.Principal,
    actions: strings(notAction ? entry.NotAction : entry.Action),
    notAction,
    resources: list(entry.Resource),
    conditions,
    source,
  };
}
