import type { ResourceGraph } from '../model/graph';
import { isRef, isTokenString, isUnresolved } from '../model/types';

/** Placeholder for a value the checker could not resolve (an SSM parameter, an import...). */
export const UNRESOLVED_PLACEHOLDER = 'UNRESOLVED-BY-CHECKER';

/**
 * A CloudFormation template rebuilt from a template-mode graph: references become Ref/GetAtt
 * again, token strings Fn::Join, parameters keep the default the graph resolved them to, and
 * Metadata (cdk-nag suppressions) is kept. cdk-nag reads it through CfnInclude. The ids of other stacks'
 * resources (`<stack>/<logical id>`) become alphanumeric logical ids ({@link nagLogicalId}): cdk-nag does not
 * follow a reference to a logical id with other characters (a bucket policy to its bucket).
 */
export function graphToTemplate(graph: ResourceGraph): { Resources: Record<string, unknown> } {
  const resources: Record<string, unknown> = {};
  for (const resource of graph.all()) {
    resources[nagLogicalId(resource.id)] = {
      Type: resource.type,
      Properties: toCfn(resource.properties),
      ...(resource.metadata && { Metadata: toCfn(resource.metadata) }),
    };
  }
  return { Resources: resources };
}

function toCfn(value: unknown): unknown {
  if (isRef(value))
    return value.attribute ? { 'Fn::GetAtt': [nagLogicalId(value.$ref), value.attribute] } : { Ref: nagLogicalId(value.$ref) };
  if (isTokenString(value)) return { 'Fn::Join': ['', value.$join.map(toCfn)] };
  if (isUnresolved(value)) return UNRESOLVED_PLACEHOLDER;
  if (Array.isArray(value)) return value.map(toCfn);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCfn(item)]));
  return value;
}

/** Another stack's graph id as the alphanumeric logical id cdk-nag reads (`ShopRecovery/Bucket1A2B` → `ShopRecoveryBucket1A2B`). */
export const nagLogicalId = (id: string): string => (id.includes('/') ? id.replace(/[^A-Za-z0-9]/g, '') : id);
