import type { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource, parametersIn } from '../types';
import { loadBalancerScheme } from './compute';
import { websiteDocuments } from './storage';
import { describeValue, listProp, stringProp } from './values';

/** Managed cache policies by id (CloudFront's own, the same in every account). */
export const MANAGED_CACHE_POLICIES: Readonly<Record<string, string>> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': 'CachingOptimized',
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': 'CachingOptimizedForUncompressedObjects',
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': 'CachingDisabled',
  '2e54312d-136d-493c-8eb9-b001f22f67d2': 'Amplify',
  '08627262-05a9-4f76-9ded-b50ca2e3a84f': 'Elemental-MediaPackage',
  '83da9c7e-98b4-4e11-a168-04f0df8e2c65': 'UseOriginCacheControlHeaders',
  '4cc15a8a-d715-48a4-82b8-cc0b614638fe': 'UseOriginCacheControlHeaders-QueryStrings',
};

/** Managed origin request policies that forward the viewer's query strings to the origin. */
export const MANAGED_ORIGIN_REQUEST_POLICIES_WITH_QUERY: Readonly<Record<string, string>> = {
  '216adef6-5c7f-47e4-b989-5492eafa07d3': 'AllViewer',
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': 'AllViewerExceptHostHeader',
  '33f36d7e-f396-46d9-90e0-52428a34d9dc': 'AllViewerAndCloudFrontHeaders-2022-06',
};

/** What an origin is. */
export type OriginKind = 's3-rest' | 's3-website' | 'load-balancer' | 'other';

/** One origin of a distribution. */
export interface Origin {
  readonly id: string;
  readonly kind: OriginKind;
  /** The bucket behind an S3 origin. */
  readonly bucket?: Resource;
  /** The load balancer behind a load-balancer origin. */
  readonly loadBalancer?: Resource;
  /** The origin access control (AWS::CloudFront::OriginAccessControl) an S3 origin signs with. */
  readonly originAccessControl?: Resource;
  /** True when an S3 origin uses a legacy origin access identity. */
  readonly originAccessIdentity: boolean;
  /** Custom headers CloudFront adds to origin requests (name lower-case → value). */
  readonly customHeaders: ReadonlyMap<string, unknown>;
  /** The origin's protocol policy for custom origins ("http-only", "https-only", "match-viewer"). */
  readonly protocolPolicy?: string;
}

/** One cache behavior: the default one (pathPattern "*") or an additional one. */
export interface Behavior {
  readonly pathPattern: string;
  readonly isDefault: boolean;
  /** The behavior as written (CloudFormation shape). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly origin?: Origin;
  /** Where it sits in the distribution, for property reads ("DistributionConfig.CacheBehaviors.0"). */
  readonly path: string;
}

/** Every CloudFront distribution. */
export function distributions(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::CloudFront::Distribution');
}

/** The origins of a distribution, classified. */
export function originsOf(graph: ResourceGraph, distribution: Resource): Origin[] {
  return listProp(graph, distribution, 'DistributionConfig.Origins').map((_, i) => {
    const path = `DistributionConfig.Origins.${i}`;
    const id = stringProp(graph, distribution, `${path}.Id`) ?? `origin ${i + 1}`;
    // Read raw: a website domain is cut out of the bucket's WebsiteURL and stays unresolved, but keeps its reference.
    const domain = (graph.prop(distribution, path) as Record<string, unknown>).DomainName;
    const targets = graph.refsIn(domain);
    const bucket = targets.find((target) => target.type === 'AWS::S3::Bucket') ?? bucketByDomain(graph, domain);
    const loadBalancer = targets.find((target) => target.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    const oacValue = graph.prop(distribution, `${path}.OriginAccessControlId`);
    const originAccessControl =
      oacValue === undefined || oacValue === '' ? undefined : graph.deref(oacValue, `${distribution.id} ${path}.OriginAccessControlId`);
    const oai = graph.prop(distribution, `${path}.S3OriginConfig.OriginAccessIdentity`);
    const custom = graph.prop(distribution, `${path}.CustomOriginConfig`) !== undefined;
    const customHeaders = new Map<string, unknown>();
    listProp(graph, distribution, `${path}.OriginCustomHeaders`).forEach((_, j) => {
      const name = stringProp(graph, distribution, `${path}.OriginCustomHeaders.${j}.HeaderName`);
      if (name) customHeaders.set(name.toLowerCase(), graph.prop(distribution, `${path}.OriginCustomHeaders.${j}.HeaderValue`));
    });
    let kind: OriginKind = 'other';
    if (bucket) kind = custom ? 's3-website' : 's3-rest';
    else if (loadBalancer) kind = 'load-balancer';
    return {
      id,
      kind,
      bucket,
      loadBalancer,
      originAccessControl:
        originAccessControl ?? (oacValue !== undefined && oacValue !== '' ? unknownOac(oacValue, distribution) : undefined),
      originAccessIdentity: typeof oai === 'string' ? oai !== '' : oai !== undefined,
      customHeaders,
      protocolPolicy: custom ? stringProp(graph, distribution, `${path}.CustomOriginConfig.OriginProtocolPolicy`) : undefined,
    };
  });
}

/** The default behavior followed by the additional ones, each with its origin. */
export function behaviorsOf(graph: ResourceGraph, distribution: Resource): Behavior[] {
  const origins = originsOf(graph, distribution);
  const originOf = (path: string): Origin | undefined => {
    const target = stringProp(graph, distribution, `${path}.TargetOriginId`);
    return origins.find((origin) => origin.id === target);
  };
  const result: Behavior[] = [];
  const defaultPath = 'DistributionConfig.DefaultCacheBehavior';
  const defaults = graph.prop(distribution, defaultPath) as Record<string, unknown> | undefined;
  if (defaults) result.push({ pathPattern: '*', isDefault: true, config: defaults, origin: originOf(defaultPath), path: defaultPath });
  listProp(graph, distribution, 'DistributionConfig.CacheBehaviors').forEach((_, i) => {
    const path = `DistributionConfig.CacheBehaviors.${i}`;
    result.push({
      pathPattern: stringProp(graph, distribution, `${path}.PathPattern`) ?? '',
      isDefault: false,
      config: graph.prop(distribution, path) as Record<string, unknown>,
      origin: originOf(path),
      path,
    });
  });
  return result;
}

/** True for a path pattern that routes the API: "/api/*", "api/*", "/api*". */
export function isApiPattern(pattern: string): boolean {
  return /^\/?api(\/\*|\*)$/i.test(pattern);
}

/** True when an origin is an internet-facing load balancer. */
export function isExternalLoadBalancer(graph: ResourceGraph, origin: Origin | undefined): boolean {
  return (
    origin?.kind === 'load-balancer' &&
    origin.loadBalancer !== undefined &&
    loadBalancerScheme(graph, origin.loadBalancer) === 'internet-facing'
  );
}

/** True when the bucket behind a website origin has website hosting on. */
export function servesWebsite(graph: ResourceGraph, origin: Origin): boolean {
  return origin.bucket !== undefined && websiteDocuments(graph, origin.bucket) !== undefined;
}

/** The cache policy of a behavior: a managed one by name, a custom AWS::CloudFront::CachePolicy, or the legacy ForwardedValues settings. */
export function cachePolicyOf(
  graph: ResourceGraph,
  distribution: Resource,
  behavior: Behavior,
):
  | { readonly kind: 'managed'; readonly name: string }
  | { readonly kind: 'custom'; readonly resource: Resource }
  | { readonly kind: 'legacy' }
  | { readonly kind: 'unknown'; readonly id: string } {
  const value = graph.prop(distribution, `${behavior.path}.CachePolicyId`);
  if (value === undefined) return { kind: 'legacy' };
  const resource = graph.deref(value, `${distribution.id} ${behavior.path}.CachePolicyId`);
  if (resource) return { kind: 'custom', resource };
  if (typeof value !== 'string')
    throw new CannotEvaluate(
      `${distribution.id} ${behavior.path}.CachePolicyId is ${describeValue(value)}`,
      undefined,
      parametersIn(value),
    );
  const name = MANAGED_CACHE_POLICIES[value];
  return name ? { kind: 'managed', name } : { kind: 'unknown', id: value };
}

/** Time to live settings of a behavior's cache policy (custom policy or legacy behavior fields), in seconds. */
export function cacheTtls(
  graph: ResourceGraph,
  distribution: Resource,
  behavior: Behavior,
): { readonly default: number; readonly max: number } | undefined {
  const policy = cachePolicyOf(graph, distribution, behavior);
  const read = (resource: Resource, path: string, fallback: number): number => {
    const value = graph.prop(resource, path);
    return value === undefined ? fallback : Number(value);
  };
  if (policy.kind === 'custom') {
    return {
      default: read(policy.resource, 'CachePolicyConfig.DefaultTTL', 86400),
      max: read(policy.resource, 'CachePolicyConfig.MaxTTL', 31536000),
    };
  }
  if (policy.kind === 'legacy') {
    return {
      default: read(distribution, `${behavior.path}.DefaultTTL`, 86400),
      max: read(distribution, `${behavior.path}.MaxTTL`, 31536000),
    };
  }
  return undefined;
}

function bucketByDomain(graph: ResourceGraph, domain: unknown): Resource | undefined {
  if (typeof domain !== 'string') return undefined;
  const name = /^(.+?)\.s3(?:[.-]website)?[.-]/.exec(domain)?.[1];
  return name
    ? graph.ofType('AWS::S3::Bucket').find((bucket) => bucket.physicalId === name || bucket.properties.BucketName === name)
    : undefined;
}

function unknownOac(value: unknown, distribution: Resource): Resource {
  // An origin access control id from outside the stack: still an OAC, its settings unknown.
  return {
    id: typeof value === 'string' ? value : `${distribution.id} origin access control`,
    type: 'AWS::CloudFront::OriginAccessControl',
    properties: {},
  };
}
