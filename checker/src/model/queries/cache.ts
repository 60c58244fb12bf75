import type { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource, parametersIn } from '../types';
import { azsOf, subnetsIn } from './network';
import { booleanProp, describeValue, distinct, listProp, numberProp, referencedResources, stringProp } from './values';

/** The port Redis OSS and Valkey listen on unless told otherwise (memcached: 11211). */
export const DEFAULT_CACHE_PORT = 6379;
const MEMCACHED_PORT = 11211;

/**
 * The caches of the stack: ElastiCache replication groups, serverless caches, and cache clusters
 * that belong to no replication group (a single Redis/Valkey node or a memcached cluster, which
 * cannot fail over).
 */
export function caches(graph: ResourceGraph): Resource[] {
  const standalone = graph.ofType('AWS::ElastiCache::CacheCluster').filter((cluster) => replicationGroupOf(graph, cluster) === undefined);
  return [...graph.ofType('AWS::ElastiCache::ReplicationGroup'), ...graph.ofType('AWS::ElastiCache::ServerlessCache'), ...standalone];
}

/**
 * True for an ElastiCache Serverless cache: AWS keeps its data in several AZs of its subnets and
 * always encrypts it, in transit (TLS only) and at rest; no node to size or fail over by hand.
 */
export function isServerless(cache: Resource): boolean {
  return cache.type === 'AWS::ElastiCache::ServerlessCache';
}

/** True for an ElastiCache replication group (as opposed to a lone cache cluster). */
export function isReplicationGroup(cache: Resource): boolean {
  return cache.type === 'AWS::ElastiCache::ReplicationGroup';
}

/** The replication group a cache cluster is a member of, when it is in the graph. */
export function replicationGroupOf(graph: ResourceGraph, cluster: Resource): Resource | undefined {
  const value = graph.prop(cluster, 'ReplicationGroupId');
  if (value === undefined) return undefined;
  return (
    graph.deref(value, `cache cluster ${cluster.id} ReplicationGroupId`) ??
    graph
      .ofType('AWS::ElastiCache::ReplicationGroup')
      .find((group) => typeof value === 'string' && stringProp(graph, group, 'ReplicationGroupId')?.toLowerCase() === value.toLowerCase())
  );
}

/** The cache clusters declared as members of a replication group (the older PrimaryClusterId form). */
function memberClusters(graph: ResourceGraph, group: Resource): Resource[] {
  return graph.ofType('AWS::ElastiCache::CacheCluster').filter((cluster) => replicationGroupOf(graph, cluster) === group);
}

/** A cache's engine in lower case ("valkey", "redis", "memcached"). */
export function cacheEngine(graph: ResourceGraph, cache: Resource): string {
  const engine = stringProp(graph, cache, 'Engine');
  if (engine) return engine.toLowerCase();
  // A replication group without Engine is Redis OSS (CloudFormation's default).
  if (isReplicationGroup(cache)) return 'redis';
  throw new CannotEvaluate(`cache cluster ${cache.id} has no Engine`);
}

/** The port a cache listens on: its Port, or the engine's default. */
export function cachePort(graph: ResourceGraph, cache: Resource): number {
  const port = numberProp(graph, cache, 'Port');
  if (port !== undefined) return port;
  return cacheEngine(graph, cache) === 'memcached' ? MEMCACHED_PORT : DEFAULT_CACHE_PORT;
}

/** How a cache's data is spread: shards (node groups), and the fewest nodes any shard has. */
export interface CacheLayout {
  /** Node groups (shards); 1 with cluster mode disabled. */
  readonly shards: number;
  /** Nodes in the smallest shard: 1 means that shard has no replica to fail over to. */
  readonly nodesPerShard: number;
  /** Every node of the cache. */
  readonly nodes: number;
}

/**
 * The nodes of a cache, as CloudFormation declares them: NumCacheClusters (cluster mode
 * disabled), NumNodeGroups with ReplicasPerNodeGroup or NodeGroupConfiguration (cluster mode
 * enabled), member cache clusters (PrimaryClusterId), or a lone cluster's NumCacheNodes.
 */
export function cacheLayout(graph: ResourceGraph, cache: Resource): CacheLayout {
  if (!isReplicationGroup(cache)) {
    // Memcached nodes do not replicate each other: each holds its own part of the keys.
    const nodes = numberProp(graph, cache, 'NumCacheNodes') ?? 1;
    return { shards: nodes, nodesPerShard: 1, nodes };
  }
  const configured = listProp(graph, cache, 'NodeGroupConfiguration');
  if (configured.length > 0) {
    const replicas = configured.map((_, i) => numberProp(graph, cache, `NodeGroupConfiguration.${i}.ReplicaCount`) ?? 1);
    return {
      shards: replicas.length,
      nodesPerShard: Math.min(...replicas) + 1,
      nodes: replicas.reduce((sum, count) => sum + count + 1, 0),
    };
  }
  const groups = numberProp(graph, cache, 'NumNodeGroups');
  const perGroup = numberProp(graph, cache, 'ReplicasPerNodeGroup');
  if (groups !== undefined || perGroup !== undefined) {
    const shards = groups ?? 1;
    const nodesPerShard = (perGroup ?? 0) + 1;
    return { shards, nodesPerShard, nodes: shards * nodesPerShard };
  }
  const count = numberProp(graph, cache, 'NumCacheClusters');
  const members = memberClusters(graph, cache).length;
  // With PrimaryClusterId and no NumCacheClusters, the group holds the clusters that name it.
  const nodes = count ?? (members > 0 ? members : 1);
  return { shards: 1, nodesPerShard: nodes, nodes };
}

/** Whether automatic failover and Multi-AZ are on (CloudFormation's defaults: both off). */
export function cacheFailover(graph: ResourceGraph, cache: Resource): { readonly automaticFailover: boolean; readonly multiAz: boolean } {
  if (!isReplicationGroup(cache)) return { automaticFailover: false, multiAz: false };
  return {
    automaticFailover: booleanProp(graph, cache, 'AutomaticFailoverEnabled') ?? false,
    multiAz: booleanProp(graph, cache, 'MultiAZEnabled') ?? false,
  };
}

/** The cache subnet group a cache launches in; undefined means none, so ElastiCache uses the default VPC. */
export function cacheSubnetGroup(graph: ResourceGraph, cache: Resource): Resource | undefined {
  if (isServerless(cache)) return undefined;
  const value = graph.prop(cache, 'CacheSubnetGroupName');
  if (value === undefined) {
    const member = isReplicationGroup(cache) ? memberClusters(graph, cache)[0] : undefined;
    return member ? cacheSubnetGroup(graph, member) : undefined;
  }
  const group = graph.deref(value, `${cache.type} ${cache.id} CacheSubnetGroupName`);
  if (group) return group;
  const name = typeof value === 'string' ? value.toLowerCase() : undefined;
  const byName = graph
    .ofType('AWS::ElastiCache::SubnetGroup')
    .find((candidate) => stringProp(graph, candidate, 'CacheSubnetGroupName')?.toLowerCase() === name);
  if (!byName)
    throw new CannotEvaluate(
      `${cache.type} ${cache.id} uses cache subnet group ${describeValue(value)}, which is not in this stack`,
      undefined,
      parametersIn(value),
    );
  return byName;
}

/** The subnets a cache's nodes can be placed in (those of its subnet group, or a serverless cache's SubnetIds). */
export function cacheSubnets(graph: ResourceGraph, cache: Resource): Resource[] {
  if (isServerless(cache)) return subnetsIn(graph, cache, 'SubnetIds');
  const group = cacheSubnetGroup(graph, cache);
  return group ? subnetsIn(graph, group, 'SubnetIds') : [];
}

/**
 * The Availability Zones a cache's nodes may land in: PreferredCacheClusterAZs (or the shards'
 * PrimaryAvailabilityZone and ReplicaAvailabilityZones) when set, else its subnets' zones, where
 * ElastiCache spreads the replicas when Multi-AZ is on.
 */
export function cacheAzs(graph: ResourceGraph, cache: Resource): string[] {
  const named = [
    ...listProp(graph, cache, 'PreferredCacheClusterAZs'),
    ...listProp(graph, cache, 'NodeGroupConfiguration').flatMap((_, i) => [
      graph.prop(cache, `NodeGroupConfiguration.${i}.PrimaryAvailabilityZone`),
      ...listProp(graph, cache, `NodeGroupConfiguration.${i}.ReplicaAvailabilityZones`),
    ]),
    ...(isReplicationGroup(cache) ? [] : [graph.prop(cache, 'PreferredAvailabilityZone')]),
  ].filter((value): value is string => typeof value === 'string');
  if (named.length > 0 && (isReplicationGroup(cache) || named.length >= cacheLayout(graph, cache).nodes)) return distinct(named).sort();
  return azsOf(graph, cacheSubnets(graph, cache));
}

/** The security groups a cache wears (SecurityGroupIds, or its member clusters'); empty means the VPC's default group. */
export function cacheSecurityGroups(graph: ResourceGraph, cache: Resource): Resource[] {
  const what = `security groups of ${cache.type} ${cache.id}`;
  const own = referencedResources(
    graph,
    [...listProp(graph, cache, 'SecurityGroupIds'), ...listProp(graph, cache, 'VpcSecurityGroupIds')],
    what,
  );
  if (own.length > 0 || !isReplicationGroup(cache)) return distinct(own);
  return distinct(memberClusters(graph, cache).flatMap((cluster) => cacheSecurityGroups(graph, cluster)));
}

/** Encryption of a cache: in transit (and whether plaintext is still accepted) and at rest. */
export interface CacheEncryption {
  readonly inTransit: boolean;
  /** TransitEncryptionMode "preferred": TLS is offered but plaintext connections are still accepted. */
  readonly plaintextAccepted: boolean;
  readonly atRest: boolean;
}

/** A cache's encryption settings (CloudFormation's defaults: off). A lone cache cluster cannot encrypt at rest. */
export function cacheEncryption(graph: ResourceGraph, cache: Resource): CacheEncryption {
  if (isServerless(cache)) return { inTransit: true, plaintextAccepted: false, atRest: true };
  const inTransit = booleanProp(graph, cache, 'TransitEncryptionEnabled') ?? false;
  const mode = isReplicationGroup(cache) ? stringProp(graph, cache, 'TransitEncryptionMode') : undefined;
  return {
    inTransit,
    plaintextAccepted: inTransit && mode?.toLowerCase() === 'preferred',
    atRest: isReplicationGroup(cache) ? (booleanProp(graph, cache, 'AtRestEncryptionEnabled') ?? false) : false,
  };
}
