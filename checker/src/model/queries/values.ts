import type { ResourceGraph } from '../graph';
import { CannotEvaluate, isRef, isTokenString, isUnresolved, type Resource, parametersIn } from '../types';

/** A number property ("2" and 2 both count); undefined when absent, CannotEvaluate when deploy-time. */
export function numberProp(graph: ResourceGraph, resource: Resource, path: string): number | undefined {
  return toNumber(graph.prop(resource, path), `${resource.type} ${resource.id} ${path}`);
}

/** A value read as a number: "2" and 2 both count; CannotEvaluate when it is a deploy-time token. */
export function toNumber(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new CannotEvaluate(`${what} is ${describeValue(value)}, not a number known before deployment`, undefined, parametersIn(value));
}

/** A boolean property (true and "true" both count); undefined when absent. */
export function booleanProp(graph: ResourceGraph, resource: Resource, path: string): boolean | undefined {
  const value = graph.prop(resource, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new CannotEvaluate(
    `${resource.type} ${resource.id} ${path} is ${describeValue(value)}, not a boolean known before deployment`,
    undefined,
    parametersIn(value),
  );
}

/** A string property; undefined when absent, CannotEvaluate when it embeds deploy-time values. */
export function stringProp(graph: ResourceGraph, resource: Resource, path: string): string | undefined {
  const value = graph.prop(resource, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new CannotEvaluate(
    `${resource.type} ${resource.id} ${path} is ${describeValue(value)}, not a string known before deployment`,
    undefined,
    parametersIn(value),
  );
}

/** A list property; [] when absent, CannotEvaluate when the list itself is deploy-time. */
export function listProp(graph: ResourceGraph, resource: Resource, path: string): unknown[] {
  const value = graph.prop(resource, path);
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new CannotEvaluate(
    `${resource.type} ${resource.id} ${path} is ${describeValue(value)}, not a list known before deployment`,
    undefined,
    parametersIn(value),
  );
}

/**
 * The resources a list of references points at. A reference that is a deploy-time value throws
 * CannotEvaluate; one that names nothing in the graph (an id imported from elsewhere) throws too,
 * because a rule cannot judge what it cannot see. `needs` names the property that should have set
 * the list (see CannotEvaluate).
 */
export function referencedResources(graph: ResourceGraph, values: readonly unknown[], what: string, needs?: string): Resource[] {
  return values.map((value) => {
    const target = graph.deref(value, what);
    if (!target) throw new CannotEvaluate(`${what}: ${describeValue(value)} is not defined in this stack`, needs, parametersIn(value));
    return target;
  });
}

/** A value in words, for CannotEvaluate messages. */
export function describeValue(value: unknown): string {
  if (isUnresolved(value)) return `unresolved (${value.$unresolved})`;
  if (isRef(value)) return value.attribute ? `GetAtt ${value.$ref}.${value.attribute}` : `Ref ${value.$ref}`;
  if (isTokenString(value)) return 'a string built from deploy-time values';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

/** Distinct values, in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
