import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { bucketCoverage, coversAction, isAnyonePrincipal, statementsOf, type Statement } from './policies';
import { literalText } from './backup';
import { booleanProp, stringProp } from './values';

/** The four Block Public Access switches of a bucket. */
export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
  /** False when the bucket does not set them and S3's default (all on, since April 2023) applies. */
  readonly explicit: boolean;
}

/** Every S3 bucket. */
export function buckets(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::S3::Bucket');
}

/** The statements of the bucket policies attached to a bucket. */
export function bucketPolicyStatements(graph: ResourceGraph, bucket: Resource): Statement[] {
  return graph
    .ofType('AWS::S3::BucketPolicy')
    .filter((policy) => {
      const value = graph.prop(policy, 'Bucket');
      return (
        graph.deref(value, `bucket policy ${policy.id} Bucket`) === bucket ||
        (typeof value === 'string' && value === bucket.properties.BucketName)
      );
    })
    .flatMap((policy) => statementsOf(graph.prop(policy, 'PolicyDocument'), policy));
}

/** A bucket's Block Public Access settings; unset switches are on, as S3 does for new buckets. */
export function publicAccessBlock(graph: ResourceGraph, bucket: Resource): PublicAccessBlock {
  const explicit = graph.prop(bucket, 'PublicAccessBlockConfiguration') !== undefined;
  const flag = (name: string): boolean => booleanProp(graph, bucket, `PublicAccessBlockConfiguration.${name}`) ?? !explicit;
  return {
    blockPublicAcls: flag('BlockPublicAcls'),
    ignorePublicAcls: flag('IgnorePublicAcls'),
    blockPublicPolicy: flag('BlockPublicPolicy'),
    restrictPublicBuckets: flag('RestrictPublicBuckets'),
    explicit,
  };
}

/** A bucket's website hosting documents, or undefined when website hosting is off (or only redirects). */
export function websiteDocuments(graph: ResourceGraph, bucket: Resource): { readonly index?: string; readonly error?: string } | undefined {
  if (graph.prop(bucket, 'WebsiteConfiguration') === undefined) return undefined;
  if (graph.prop(bucket, 'WebsiteConfiguration.RedirectAllRequestsTo') !== undefined) return undefined;
  return {
    index: stringProp(graph, bucket, 'WebsiteConfiguration.IndexDocument'),
    error: stringProp(graph, bucket, 'WebsiteConfiguration.ErrorDocument'),
  };
}

/** The buckets with website hosting turned on. */
export function websiteBuckets(graph: ResourceGraph): Resource[] {
  return buckets(graph).filter((bucket) => websiteDocuments(graph, bucket) !== undefined);
}

/**
 * Bucket policy statements that let anyone read objects with no condition that narrows who may
 * (a statement limited by aws:Referer, aws:SourceArn, aws:SourceVpce... is not counted).
 */
export function publicReadStatements(graph: ResourceGraph, bucket: Resource): Statement[] {
  return bucketPolicyStatements(graph, bucket).filter(
    (statement) =>
      statement.effect === 'Allow' &&
      isAnyonePrincipal(statement.principal) &&
      coversAction(statement, 's3:GetObject') &&
      statement.resources.some((value) => bucketCoverage(graph, value, bucket) === 'objects') &&
      statement.conditions.size === 0,
  );
}

/**
 * Whether anyone on the internet can read the bucket's objects once deployed: a public policy or a
 * public-read ACL that Block Public Access does not stop. The reason is in words for messages.
 */
export function publicReadAccess(
  graph: ResourceGraph,
  bucket: Resource,
): { readonly public: boolean; readonly reason?: { en: string; ko: string } } {
  const block = publicAccessBlock(graph, bucket);
  if (publicReadStatements(graph, bucket).length > 0 && !block.blockPublicPolicy && !block.restrictPublicBuckets) {
    return {
      public: true,
      reason: {
        en: 'its bucket policy lets anyone (Principal "*") read objects',
        ko: '버킷 정책이 누구에게나(Principal "*") 객체 읽기를 허용합니다',
      },
    };
  }
  const acl = stringProp(graph, bucket, 'AccessControl');
  if ((acl === 'PublicRead' || acl === 'PublicReadWrite') && !block.ignorePublicAcls && !block.blockPublicAcls) {
    return { public: true, reason: { en: `its ACL is ${acl}`, ko: `ACL이 ${acl}입니다` } };
  }
  return { public: false };
}

/**
 * Buckets that receive logs: CloudTrail trails, server access logging, VPC flow logs, CloudFront
 * and load balancer access logs write into them.
 */
export function logBuckets(graph: ResourceGraph): Resource[] {
  const found = new Set<Resource>();
  const add = (value: unknown): void => graph.refsIn(value).forEach((target) => target.type === 'AWS::S3::Bucket' && found.add(target));
  for (const trail of graph.ofType('AWS::CloudTrail::Trail')) add(trail.properties.S3BucketName);
  for (const bucket of buckets(graph)) add(bucket.properties.LoggingConfiguration);
  for (const flowLog of graph.ofType('AWS::EC2::FlowLog')) add(flowLog.properties.LogDestination);
  for (const distribution of graph.ofType('AWS::CloudFront::Distribution'))
    add((distribution.properties.DistributionConfig as Record<string, unknown> | undefined)?.Logging);
  for (const lb of graph.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) add(lb.properties.LoadBalancerAttributes);
  return [...found];
}

/** Buckets a CloudFront distribution reads from (its origins point at them). */
export function originBuckets(graph: ResourceGraph): Resource[] {
  const found = new Set<Resource>();
  for (const distribution of graph.ofType('AWS::CloudFront::Distribution')) {
    const origins = (distribution.properties.DistributionConfig as Record<string, unknown> | undefined)?.Origins;
    graph.refsIn(origins).forEach((target) => target.type === 'AWS::S3::Bucket' && found.add(target));
  }
  return [...found];
}

/**
 * True when every CloudFront behaviour that reads a bucket routes /media/* (lab 9 serves the private
 * media bucket at the edge): such a bucket still holds the shop's own data, unlike the front end.
 */
function servedOnlyAsMedia(graph: ResourceGraph, bucket: Resource): boolean {
  let media = false;
  for (const distribution of graph.ofType('AWS::CloudFront::Distribution')) {
    const config = distribution.properties.DistributionConfig as Record<string, unknown> | undefined;
    const origins = (Array.isArray(config?.Origins) ? config.Origins : []) as Array<Record<string, unknown>>;
    const ids = new Set(origins.filter((origin) => graph.refsIn(origin.DomainName).includes(bucket)).map((origin) => origin.Id));
    const behaviors = [
      { ...(config?.DefaultCacheBehavior as Record<string, unknown>), PathPattern: '*' },
      ...((Array.isArray(config?.CacheBehaviors) ? config.CacheBehaviors : []) as Array<Record<string, unknown>>),
    ];
    for (const behavior of behaviors.filter((candidate) => ids.has(candidate.TargetOriginId))) {
      if (typeof behavior.PathPattern !== 'string' || !/^\/?media(\/\*|\*)$/i.test(behavior.PathPattern)) return false;
      media = true;
    }
  }
  return media;
}

/**
 * The buckets other buckets replicate into (lab 8's replica in the second Region): copies of the
 * shop's data that S3 writes, not buckets the shop's servers use. Named by reference, by live ARN, or
 * by the bucket name in the destination ARN (names that cross Regions are written out).
 */
export function replicationDestinations(graph: ResourceGraph): Resource[] {
  const found = new Set<Resource>();
  for (const source of buckets(graph)) {
    const rules = graph.prop(source, 'ReplicationConfiguration.Rules');
    if (!Array.isArray(rules)) continue;
    rules.forEach((_, i) => {
      const target = bucketNamed(graph, graph.prop(source, `ReplicationConfiguration.Rules.${i}.Destination.Bucket`));
      if (target && target !== source) found.add(target);
    });
  }
  return [...found];
}

/**
 * The bucket a bucket ARN (or reference) names: a reference, the live ARN, or the name in the ARN
 * compared with each bucket's BucketName (with the account id as `${AWS::AccountId}` on both sides).
 */
export function bucketNamed(graph: ResourceGraph, value: unknown): Resource | undefined {
  const referenced = graph.refsIn(value).find((target) => target.type === 'AWS::S3::Bucket');
  if (referenced) return referenced;
  const text = literalText(value);
  if (text === undefined) return undefined;
  const name = text.replace(/^arn:[^:]*:s3:::/, '').replace(/\/.*$/, '');
  return buckets(graph).find((bucket) => literalText(bucket.properties.BucketName) === name || bucket.physicalId === name);
}

/**
 * The media buckets: buckets that are neither the front end (website hosting or a CloudFront
 * origin), a log destination nor a replica. Whatever they are called, these hold the shop's own data.
 */
export function mediaBuckets(graph: ResourceGraph): Resource[] {
  const served = originBuckets(graph).filter((bucket) => !servedOnlyAsMedia(graph, bucket));
  const excluded = new Set([...websiteBuckets(graph), ...served, ...logBuckets(graph), ...replicationDestinations(graph)]);
  return buckets(graph).filter((bucket) => !excluded.has(bucket));
}

/** True when the bucket's versioning status is Enabled. */
export function versioningEnabled(graph: ResourceGraph, bucket: Resource): boolean {
  return stringProp(graph, bucket, 'VersioningConfiguration.Status') === 'Enabled';
}

/**
 * How a bucket encrypts at rest: the algorithm it sets, or "AES256 (S3 default)" when it sets none
 * (S3 encrypts every new object with S3-managed keys since January 2023).
 */
export function bucketEncryption(graph: ResourceGraph, bucket: Resource): { readonly algorithm: string; readonly explicit: boolean } {
  const algorithm = stringProp(
    graph,
    bucket,
    'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm',
  );
  return algorithm ? { algorithm, explicit: true } : { algorithm: 'AES256', explicit: false };
}

/** True when the bucket policy denies requests that do not use TLS (aws:SecureTransport false). */
export function enforcesTls(graph: ResourceGraph, bucket: Resource): boolean {
  return bucketPolicyStatements(graph, bucket).some((statement) => {
    if (statement.effect !== 'Deny' || !coversAction(statement, 's3:GetObject')) return false;
    const values = statement.conditions.get('bool')?.get('aws:securetransport') ?? [];
    return values.some((value) => value === false || value === 'false');
  });
}

/** The VPC endpoints for Amazon S3, with their type (Gateway is CloudFormation's default). */
export function s3Endpoints(graph: ResourceGraph): { readonly endpoint: Resource; readonly type: string }[] {
  return graph.ofType('AWS::EC2::VPCEndpoint').flatMap((endpoint) => {
    const service = stringProp(graph, endpoint, 'ServiceName');
    if (!service || !/\.s3$/.test(service)) return [];
    return [{ endpoint, type: stringProp(graph, endpoint, 'VpcEndpointType') ?? 'Gateway' }];
  });
}
