import type {
  GetBucketEncryptionOutput,
  GetBucketLifecycleConfigurationOutput,
  GetBucketReplicationOutput,
  GetBucketPolicyOutput,
  GetBucketVersioningOutput,
  GetBucketWebsiteOutput,
  GetPublicAccessBlockOutput,
  IntelligentTieringConfiguration,
  ListBucketIntelligentTieringConfigurationsOutput,
  ListObjectsV2Output,
} from '@aws-sdk/client-s3';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, parsePolicy, ref, type FetchContext, type Fetcher, type StackEntry } from './types';

/** Objects counted per bucket at most (10 pages of ListObjectsV2); beyond that the count says "at least". */
export const MAX_OBJECT_PAGES = 10;

/**
 * Error codes with which a target says it does not implement an S3 action (S3's NotImplemented, an
 * emulator's unknown operation): the configuration it would return is unknown, not absent.
 */
export const NOT_IMPLEMENTED_CODES: readonly string[] = [
  'NotImplemented',
  'NotImplementedError',
  'InternalFailure',
  'InvalidAction',
  'UnknownOperation',
  'UnknownOperationException',
  'MethodNotAllowed',
];

function websiteConfiguration(website: GetBucketWebsiteOutput | undefined): Record<string, unknown> | undefined {
  if (!website) return undefined;
  return compact({
    IndexDocument: website.IndexDocument?.Suffix,
    ErrorDocument: website.ErrorDocument?.Key,
    RedirectAllRequestsTo: website.RedirectAllRequestsTo ? compact({ ...website.RedirectAllRequestsTo }) : undefined,
    RoutingRules: website.RoutingRules?.map((rule) =>
      compact({
        RoutingRuleCondition: rule.Condition ? compact({ ...rule.Condition }) : undefined,
        RedirectRule: compact({ ...rule.Redirect }),
      }),
    ),
  });
}

/** GetBucketReplication in CloudFormation's ReplicationConfiguration shape (the destination an ARN, the role a reference). */
function replicationConfiguration(replication: GetBucketReplicationOutput | undefined): Record<string, unknown> | undefined {
  const configuration = replication?.ReplicationConfiguration;
  if (!configuration) return undefined;
  return compact({
    Role: ref(configuration.Role),
    Rules: (configuration.Rules ?? []).map((rule) =>
      compact({
        Id: rule.ID,
        Priority: rule.Priority,
        Status: rule.Status,
        Prefix: rule.Prefix,
        Filter: rule.Filter ? compact({ Prefix: rule.Filter.Prefix }) : undefined,
        Destination: compact({ Bucket: rule.Destination?.Bucket, StorageClass: rule.Destination?.StorageClass }),
        DeleteMarkerReplication: rule.DeleteMarkerReplication?.Status ? { Status: rule.DeleteMarkerReplication.Status } : undefined,
      }),
    ),
  });
}

/** GetBucketLifecycleConfiguration in CloudFormation's LifecycleConfiguration shape. */
function lifecycleConfiguration(lifecycle: GetBucketLifecycleConfigurationOutput | undefined): Record<string, unknown> | undefined {
  if (!lifecycle?.Rules?.length) return undefined;
  return {
    Rules: lifecycle.Rules.map((rule) =>
      compact({
        Id: rule.ID,
        Status: rule.Status,
        Prefix: rule.Filter?.Prefix ?? rule.Prefix,
        ExpirationInDays: rule.Expiration?.Days,
        Transitions: rule.Transitions?.length
          ? rule.Transitions.map((move) => compact({ StorageClass: move.StorageClass, TransitionInDays: move.Days ?? 0 }))
          : undefined,
        NoncurrentVersionTransitions: rule.NoncurrentVersionTransitions?.length
          ? rule.NoncurrentVersionTransitions.map((move) =>
              compact({ StorageClass: move.StorageClass, TransitionInDays: move.NoncurrentDays ?? 0 }),
            )
          : undefined,
        NoncurrentVersionExpiration:
          rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined
            ? { NoncurrentDays: rule.NoncurrentVersionExpiration.NoncurrentDays }
            : undefined,
        AbortIncompleteMultipartUpload:
          rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== undefined
            ? { DaysAfterInitiation: rule.AbortIncompleteMultipartUpload.DaysAfterInitiation }
            : undefined,
      }),
    ),
  };
}

/** One Intelligent-Tiering configuration in the shape of an entry of CloudFormation's IntelligentTieringConfigurations. */
function intelligentTieringConfiguration(configuration: IntelligentTieringConfiguration): Record<string, unknown> {
  const filter = configuration.Filter;
  const tags = [...(filter?.And?.Tags ?? []), ...(filter?.Tag ? [filter.Tag] : [])];
  return compact({
    Id: configuration.Id,
    Status: configuration.Status,
    Prefix: filter?.And?.Prefix ?? filter?.Prefix,
    TagFilters: tags.length ? tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) : undefined,
    Tierings: (configuration.Tierings ?? []).map((tiering) => compact({ AccessTier: tiering.AccessTier, Days: tiering.Days })),
  });
}

/**
 * Every page of ListBucketIntelligentTieringConfigurations in CloudFormation's shape (undefined when the
 * bucket has none), or the error code of a target that does not implement the action.
 */
async function intelligentTiering(
  context: FetchContext,
  bucket: string,
): Promise<{ configurations?: Array<Record<string, unknown>>; unread?: string }> {
  let unread: string | undefined;
  const pages = await context.caller.paginate<ListBucketIntelligentTieringConfigurationsOutput>(
    's3',
    'ListBucketIntelligentTieringConfigurations',
    { Bucket: bucket },
    'ContinuationToken',
    (page) => (page.IsTruncated ? page.NextContinuationToken : undefined),
    {
      absent: (code) => {
        if (NOT_IMPLEMENTED_CODES.includes(code)) unread = code;
        return unread !== undefined || code === 'NoSuchBucket';
      },
    },
  );
  const configurations = pages.flatMap((page) => page.IntelligentTieringConfigurationList ?? []).map(intelligentTieringConfiguration);
  return { configurations: configurations.length ? configurations : undefined, unread };
}

async function objects(context: FetchContext, bucket: string): Promise<{ count: number; truncated: boolean; keys: Set<string> }> {
  const keys = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await context.caller.call<ListObjectsV2Output | undefined>(
      's3',
      'ListObjectsV2',
      compact({ Bucket: bucket, ContinuationToken: token }),
      { absent: ['NoSuchBucket'] },
    );
    for (const object of page?.Contents ?? []) if (object.Key) keys.add(object.Key);
    token = page?.IsTruncated ? page.NextContinuationToken : undefined;
    pages++;
  } while (token && pages < MAX_OBJECT_PAGES);
  return { count: keys.size, truncated: Boolean(token), keys };
}

async function bucket(context: FetchContext, name: string, entries: readonly StackEntry[]): Promise<Resource[]> {
  const absent = (code: string): boolean => code === 'NoSuchBucket' || code.startsWith('NoSuch') || code.endsWith('NotFoundError');
  const [versioning, website, publicAccess, encryption, policy, replication, lifecycle] = await Promise.all([
    context.caller.call<GetBucketVersioningOutput | undefined>('s3', 'GetBucketVersioning', { Bucket: name }, { absent: ['NoSuchBucket'] }),
    context.caller.call<GetBucketWebsiteOutput | undefined>('s3', 'GetBucketWebsite', { Bucket: name }, { absent }),
    context.caller.call<GetPublicAccessBlockOutput | undefined>('s3', 'GetPublicAccessBlock', { Bucket: name }, { absent }),
    context.caller.call<GetBucketEncryptionOutput | undefined>('s3', 'GetBucketEncryption', { Bucket: name }, { absent }),
    context.caller.call<GetBucketPolicyOutput | undefined>('s3', 'GetBucketPolicy', { Bucket: name }, { absent }),
    context.caller.call<GetBucketReplicationOutput | undefined>('s3', 'GetBucketReplication', { Bucket: name }, { absent }),
    context.caller.call<GetBucketLifecycleConfigurationOutput | undefined>(
      's3',
      'GetBucketLifecycleConfiguration',
      { Bucket: name },
      { absent },
    ),
  ]);
  if (!versioning) {
    context.progress(`AWS::S3::Bucket ${name} listed by the stack but not found`);
    return [];
  }
  const [content, tiering] = await Promise.all([objects(context, name), intelligentTiering(context, name)]);
  const indexDocument = website?.IndexDocument?.Suffix ?? 'index.html';
  const region = context.region ?? 'us-east-1';
  const resources: Resource[] = [
    {
      id: name,
      type: 'AWS::S3::Bucket',
      physicalId: name,
      properties: compact({
        BucketName: name,
        WebsiteConfiguration: websiteConfiguration(website),
        PublicAccessBlockConfiguration: publicAccess?.PublicAccessBlockConfiguration
          ? compact({ ...publicAccess.PublicAccessBlockConfiguration })
          : undefined,
        BucketEncryption: encryption?.ServerSideEncryptionConfiguration
          ? {
              ServerSideEncryptionConfiguration: encryption.ServerSideEncryptionConfiguration.Rules?.map((rule) =>
                compact({
                  ServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault
                    ? compact({ ...rule.ApplyServerSideEncryptionByDefault })
                    : undefined,
                  BucketKeyEnabled: rule.BucketKeyEnabled,
                }),
              ),
            }
          : undefined,
        VersioningConfiguration: versioning.Status ? { Status: versioning.Status } : undefined,
        ReplicationConfiguration: replicationConfiguration(replication),
        LifecycleConfiguration: lifecycleConfiguration(lifecycle),
        IntelligentTieringConfigurations: tiering.configurations,
      }),
      live: liveFacts(entries, name, {
        arn: `arn:aws:s3:::${name}`,
        objectCount: content.count,
        objectCountTruncated: content.truncated || undefined,
        indexDocumentPresent: content.keys.has(indexDocument),
        domainName: `${name}.s3.amazonaws.com`,
        regionalDomainName: `${name}.s3.${region}.amazonaws.com`,
        websiteDomainName: website ? `${name}.s3-website-${region}.amazonaws.com` : undefined,
        intelligentTieringUnread: tiering.unread,
      }),
    },
  ];
  if (policy?.Policy) {
    const id = `${name}|policy`;
    resources.push({
      id,
      type: 'AWS::S3::BucketPolicy',
      physicalId: id,
      properties: { Bucket: ref(name), PolicyDocument: parsePolicy(policy.Policy) },
    });
  }
  return resources;
}

/**
 * Amazon S3: bucket configuration (website, public access block, encryption, versioning, replication,
 * lifecycle, Intelligent-Tiering), its policy, and content facts.
 */
export const s3Fetcher: Fetcher = {
  service: 's3',
  types: ['AWS::S3::Bucket'],
  derived: ['AWS::S3::BucketPolicy'],
  fetch: async (context, entries) =>
    (await Promise.all(idsOf(entries, 'AWS::S3::Bucket').map((name) => bucket(context, name, entries)))).flat(),
};
