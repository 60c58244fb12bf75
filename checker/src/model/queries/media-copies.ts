import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { behaviorsOf, distributions } from './cdn';
import { mediaBuckets, replicationDestinations, websiteDocuments } from './storage';
import { listProp, numberProp, stringProp } from './values';

/** One replication rule of a bucket (ReplicationConfiguration.Rules). */
export interface ReplicationRule {
  readonly id: string;
  readonly enabled: boolean;
  /** Destination.Bucket as written: an ARN, a reference or a token string. */
  readonly destination: unknown;
}

/** One lifecycle rule of a bucket (LifecycleConfiguration.Rules), reduced to what the rules judge. */
export interface LifecycleRule {
  readonly id: string;
  readonly enabled: boolean;
  /** Days after which noncurrent versions expire. */
  readonly noncurrentExpirationDays?: number;
  /** Storage classes noncurrent versions move to, with the days. */
  readonly noncurrentTransitions: ReadonlyArray<{ readonly storageClass: string; readonly days?: number }>;
  /** Storage classes current objects move to, with the days. */
  readonly transitions: ReadonlyArray<{ readonly storageClass: string; readonly days?: number }>;
}

/** The storage classes that cost less than Standard for media nobody looks at (S3's names). */
export const COLDER_CLASSES: readonly string[] = [
  'INTELLIGENT_TIERING',
  'STANDARD_IA',
  'ONEZONE_IA',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
];

/** The replication rules of a bucket; [] without replication. */
export function replicationRules(graph: ResourceGraph, bucket: Resource): ReplicationRule[] {
  return listProp(graph, bucket, 'ReplicationConfiguration.Rules').map((_, i) => {
    const path = `ReplicationConfiguration.Rules.${i}`;
    return {
      id: stringProp(graph, bucket, `${path}.Id`) ?? `rule ${i + 1}`,
      enabled: stringProp(graph, bucket, `${path}.Status`) === 'Enabled',
      destination: graph.prop(bucket, `${path}.Destination.Bucket`),
    };
  });
}

/** The role of a bucket's replication configuration, as written. */
export function replicationRole(graph: ResourceGraph, bucket: Resource): unknown {
  return graph.prop(bucket, 'ReplicationConfiguration.Role');
}

/** The lifecycle rules of a bucket; [] without any. */
export function lifecycleRules(graph: ResourceGraph, bucket: Resource): LifecycleRule[] {
  return listProp(graph, bucket, 'LifecycleConfiguration.Rules').map((_, i) => {
    const path = `LifecycleConfiguration.Rules.${i}`;
    const classes = (list: string, single: string, daysKey: string): Array<{ storageClass: string; days?: number }> => [
      ...listProp(graph, bucket, `${path}.${list}`).map((__, j) => ({
        storageClass: stringProp(graph, bucket, `${path}.${list}.${j}.StorageClass`) ?? '',
        days: numberProp(graph, bucket, `${path}.${list}.${j}.${daysKey}`),
      })),
      ...(graph.prop(bucket, `${path}.${single}`) !== undefined
        ? [
            {
              storageClass: stringProp(graph, bucket, `${path}.${single}.StorageClass`) ?? '',
              days: numberProp(graph, bucket, `${path}.${single}.${daysKey}`),
            },
          ]
        : []),
    ];
    return {
      id: stringProp(graph, bucket, `${path}.Id`) ?? `rule ${i + 1}`,
      enabled: stringProp(graph, bucket, `${path}.Status`) !== 'Disabled',
      noncurrentExpirationDays:
        numberProp(graph, bucket, `${path}.NoncurrentVersionExpiration.NoncurrentDays`) ??
        numberProp(graph, bucket, `${path}.NoncurrentVersionExpirationInDays`),
      noncurrentTransitions: classes('NoncurrentVersionTransitions', 'NoncurrentVersionTransition', 'TransitionInDays'),
      transitions: classes('Transitions', 'Transition', 'TransitionInDays'),
    };
  });
}

/** True when a bucket has an S3 Intelligent-Tiering configuration (its archive tiers) that is enabled. */
export function hasIntelligentTieringConfiguration(graph: ResourceGraph, bucket: Resource): boolean {
  return listProp(graph, bucket, 'IntelligentTieringConfigurations').some(
    (_, i) => stringProp(graph, bucket, `IntelligentTieringConfigurations.${i}.Status`) !== 'Disabled',
  );
}

/** True for a CloudFront path pattern that routes the media: "/media/*", "media/*", "/media*". */
export function isMediaPattern(pattern: string): boolean {
  return /^\/?media(\/\*|\*)$/i.test(pattern);
}

/**
 * The shop's media buckets in the primary Region: buckets that hold the shop's own data (neither
 * website, log destination nor replica), including one CloudFront serves under /media/* through
 * origin access control (lab 9), whatever they are called.
 */
export function primaryMediaBuckets(graph: ResourceGraph): Resource[] {
  const replicas = new Set(replicationDestinations(graph));
  const served = distributions(graph).flatMap((distribution) =>
    behaviorsOf(graph, distribution)
      .filter((behavior) => isMediaPattern(behavior.pathPattern) && behavior.origin?.bucket)
      .map((behavior) => behavior.origin?.bucket as Resource),
  );
  const candidates = [...new Set([...mediaBuckets(graph), ...served])];
  return candidates.filter(
    (bucket) => graph.placement(bucket).region === 'primary' && !replicas.has(bucket) && websiteDocuments(graph, bucket) === undefined,
  );
}
