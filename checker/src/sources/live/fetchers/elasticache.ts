import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, refs, reportMissing, type FetchContext, type Fetcher, type StackEntry } from './types';

/** An endpoint as the ElastiCache API returns it. */
interface Endpoint {
  Address?: string;
  Port?: number;
}

/** The fields of DescribeReplicationGroups the checker reads. */
interface ReplicationGroupsPage {
  Marker?: string;
  ReplicationGroups?: Array<{
    ReplicationGroupId?: string;
    Description?: string;
    Status?: string;
    Engine?: string;
    CacheNodeType?: string;
    MemberClusters?: string[];
    NodeGroups?: Array<{
      NodeGroupId?: string;
      PrimaryEndpoint?: Endpoint;
      ReaderEndpoint?: Endpoint;
      NodeGroupMembers?: Array<{
        CacheClusterId?: string;
        PreferredAvailabilityZone?: string;
        CurrentRole?: string;
        ReadEndpoint?: Endpoint;
      }>;
    }>;
    AutomaticFailover?: string;
    MultiAZ?: string;
    ConfigurationEndpoint?: Endpoint;
    ClusterEnabled?: boolean;
    TransitEncryptionEnabled?: boolean;
    TransitEncryptionMode?: string;
    AtRestEncryptionEnabled?: boolean;
    KmsKeyId?: string;
    ARN?: string;
  }>;
}

/** The fields of DescribeCacheClusters the checker reads. */
interface CacheClustersPage {
  Marker?: string;
  CacheClusters?: Array<{
    CacheClusterId?: string;
    Engine?: string;
    EngineVersion?: string;
    CacheNodeType?: string;
    NumCacheNodes?: number;
    PreferredAvailabilityZone?: string;
    CacheSubnetGroupName?: string;
    SecurityGroups?: Array<{ SecurityGroupId?: string }>;
    ReplicationGroupId?: string;
    TransitEncryptionEnabled?: boolean;
    AtRestEncryptionEnabled?: boolean;
    ConfigurationEndpoint?: Endpoint;
    CacheNodes?: Array<{ Endpoint?: Endpoint }>;
    ARN?: string;
    CacheClusterStatus?: string;
  }>;
}

/** The fields of DescribeCacheSubnetGroups the checker reads. */
interface CacheSubnetGroupsPage {
  Marker?: string;
  CacheSubnetGroups?: Array<{
    CacheSubnetGroupName?: string;
    CacheSubnetGroupDescription?: string;
    VpcId?: string;
    Subnets?: Array<{ SubnetIdentifier?: string; SubnetAvailabilityZone?: { Name?: string } }>;
    ARN?: string;
  }>;
}

/** The fields of DescribeServerlessCaches the checker reads. */
interface ServerlessCachesPage {
  NextToken?: string;
  ServerlessCaches?: Array<{
    ServerlessCacheName?: string;
    Engine?: string;
    Status?: string;
    Endpoint?: Endpoint;
    ReaderEndpoint?: Endpoint;
    SecurityGroupIds?: string[];
    SubnetIds?: string[];
    KmsKeyId?: string;
    ARN?: string;
  }>;
}

type Cluster = NonNullable<CacheClustersPage['CacheClusters']>[number];

async function describeClusters(context: FetchContext, ids: readonly string[]): Promise<Cluster[]> {
  const found = await Promise.all(
    ids.map(async (id) => {
      const pages = await context.caller.paginate<CacheClustersPage>(
        'elasticache',
        'DescribeCacheClusters',
        { CacheClusterId: id, ShowCacheNodeInfo: true },
        'Marker',
        (page) => page.Marker,
        { absent: ['CacheClusterNotFound', 'CacheClusterNotFoundFault'] },
      );
      return pages.flatMap((page) => page.CacheClusters ?? []);
    }),
  );
  return found.flat();
}

/** The host names a cache answers on, for matching the values handed to the servers. */
function addresses(...endpoints: Array<Endpoint | undefined>): string[] {
  return [...new Set(endpoints.flatMap((endpoint) => (endpoint?.Address ? [endpoint.Address] : [])))];
}

async function replicationGroups(context: FetchContext, ids: readonly string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const found = await Promise.all(
    ids.map(async (id) => {
      const pages = await context.caller.paginate<ReplicationGroupsPage>(
        'elasticache',
        'DescribeReplicationGroups',
        { ReplicationGroupId: id },
        'Marker',
        (page) => page.Marker,
        { absent: ['ReplicationGroupNotFoundFault'] },
      );
      return pages.flatMap((page) => page.ReplicationGroups ?? []);
    }),
  );
  const groups = found.flat();
  reportMissing(context, 'AWS::ElastiCache::ReplicationGroup', ids, new Set(groups.map((group) => group.ReplicationGroupId as string)));
  // The subnet group and security groups live on the member clusters; every member shares them.
  const firstMembers = await describeClusters(
    context,
    groups.flatMap((group) => group.MemberClusters?.slice(0, 1) ?? []),
  );
  return groups.map((group) => {
    const id = group.ReplicationGroupId as string;
    const member = firstMembers.find((cluster) => cluster.ReplicationGroupId === id);
    const nodeGroups = group.NodeGroups ?? [];
    const members = nodeGroups.flatMap((nodeGroup) => nodeGroup.NodeGroupMembers ?? []);
    const primaryOf = (nodeGroup: (typeof nodeGroups)[number]) =>
      nodeGroup.NodeGroupMembers?.find((node) => node.CurrentRole === 'primary');
    const layout = group.ClusterEnabled
      ? {
          NumNodeGroups: nodeGroups.length,
          NodeGroupConfiguration: nodeGroups.map((nodeGroup) =>
            compact({
              NodeGroupId: nodeGroup.NodeGroupId,
              ReplicaCount: Math.max((nodeGroup.NodeGroupMembers?.length ?? 1) - 1, 0),
              PrimaryAvailabilityZone: primaryOf(nodeGroup)?.PreferredAvailabilityZone,
              ReplicaAvailabilityZones: nodeGroup.NodeGroupMembers?.filter((node) => node !== primaryOf(nodeGroup)).map(
                (node) => node.PreferredAvailabilityZone,
              ),
            }),
          ),
        }
      : {
          NumCacheClusters: group.MemberClusters?.length,
          PreferredCacheClusterAZs: members.length ? members.map((node) => node.PreferredAvailabilityZone) : undefined,
        };
    const endpoint = group.ConfigurationEndpoint ?? nodeGroups[0]?.PrimaryEndpoint;
    return {
      id,
      type: 'AWS::ElastiCache::ReplicationGroup',
      physicalId: id,
      properties: compact({
        ReplicationGroupId: id,
        ReplicationGroupDescription: group.Description,
        Engine: group.Engine ?? member?.Engine,
        EngineVersion: member?.EngineVersion,
        CacheNodeType: group.CacheNodeType,
        ...layout,
        AutomaticFailoverEnabled: group.AutomaticFailover === undefined ? undefined : /^enabl/.test(group.AutomaticFailover),
        MultiAZEnabled: group.MultiAZ === undefined ? undefined : group.MultiAZ === 'enabled',
        TransitEncryptionEnabled: group.TransitEncryptionEnabled,
        TransitEncryptionMode: group.TransitEncryptionMode,
        AtRestEncryptionEnabled: group.AtRestEncryptionEnabled,
        KmsKeyId: group.KmsKeyId,
        CacheSubnetGroupName: ref(member?.CacheSubnetGroupName),
        SecurityGroupIds: refs(member?.SecurityGroups?.map((securityGroup) => securityGroup.SecurityGroupId)),
        Port: endpoint?.Port,
      }),
      live: liveFacts(entries, id, {
        arn: group.ARN,
        status: group.Status,
        endpoints: addresses(
          group.ConfigurationEndpoint,
          ...nodeGroups.flatMap((nodeGroup) => [nodeGroup.PrimaryEndpoint, nodeGroup.ReaderEndpoint]),
          ...members.map((node) => node.ReadEndpoint),
        ),
      }),
    };
  });
}

async function cacheClusters(context: FetchContext, ids: readonly string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const clusters = await describeClusters(context, ids);
  reportMissing(context, 'AWS::ElastiCache::CacheCluster', ids, new Set(clusters.map((cluster) => cluster.CacheClusterId as string)));
  return clusters.map((cluster) => {
    const id = cluster.CacheClusterId as string;
    return {
      id,
      type: 'AWS::ElastiCache::CacheCluster',
      physicalId: id,
      properties: compact({
        ClusterName: id,
        Engine: cluster.Engine,
        EngineVersion: cluster.EngineVersion,
        CacheNodeType: cluster.CacheNodeType,
        NumCacheNodes: cluster.NumCacheNodes,
        PreferredAvailabilityZone: cluster.PreferredAvailabilityZone,
        CacheSubnetGroupName: ref(cluster.CacheSubnetGroupName),
        VpcSecurityGroupIds: refs(cluster.SecurityGroups?.map((securityGroup) => securityGroup.SecurityGroupId)),
        ReplicationGroupId: ref(cluster.ReplicationGroupId),
        TransitEncryptionEnabled: cluster.TransitEncryptionEnabled,
        Port: (cluster.ConfigurationEndpoint ?? cluster.CacheNodes?.[0]?.Endpoint)?.Port,
      }),
      live: liveFacts(entries, id, {
        arn: cluster.ARN,
        status: cluster.CacheClusterStatus,
        endpoints: addresses(cluster.ConfigurationEndpoint, ...(cluster.CacheNodes ?? []).map((node) => node.Endpoint)),
      }),
    };
  });
}

async function serverlessCaches(context: FetchContext, names: readonly string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const found = await Promise.all(
    names.map(async (name) => {
      const pages = await context.caller.paginate<ServerlessCachesPage>(
        'elasticache',
        'DescribeServerlessCaches',
        { ServerlessCacheName: name },
        'NextToken',
        (page) => page.NextToken,
        { absent: ['ServerlessCacheNotFoundFault'] },
      );
      return pages.flatMap((page) => page.ServerlessCaches ?? []);
    }),
  );
  const caches = found.flat();
  reportMissing(context, 'AWS::ElastiCache::ServerlessCache', names, new Set(caches.map((cache) => cache.ServerlessCacheName as string)));
  return caches.map((cache) => {
    const id = cache.ServerlessCacheName as string;
    return {
      id,
      type: 'AWS::ElastiCache::ServerlessCache',
      physicalId: id,
      properties: compact({
        ServerlessCacheName: id,
        Engine: cache.Engine,
        SubnetIds: refs(cache.SubnetIds),
        SecurityGroupIds: refs(cache.SecurityGroupIds),
        KmsKeyId: cache.KmsKeyId,
      }),
      live: liveFacts(entries, id, { arn: cache.ARN, status: cache.Status, endpoints: addresses(cache.Endpoint, cache.ReaderEndpoint) }),
    };
  });
}

async function subnetGroups(context: FetchContext, names: readonly string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const found = await Promise.all(
    names.map(async (name) => {
      const pages = await context.caller.paginate<CacheSubnetGroupsPage>(
        'elasticache',
        'DescribeCacheSubnetGroups',
        { CacheSubnetGroupName: name },
        'Marker',
        (page) => page.Marker,
        { absent: ['CacheSubnetGroupNotFoundFault'] },
      );
      return pages.flatMap((page) => page.CacheSubnetGroups ?? []);
    }),
  );
  const groups = found.flat();
  reportMissing(context, 'AWS::ElastiCache::SubnetGroup', names, new Set(groups.map((group) => group.CacheSubnetGroupName as string)));
  return groups.map((group) => {
    const id = group.CacheSubnetGroupName as string;
    return {
      id,
      type: 'AWS::ElastiCache::SubnetGroup',
      physicalId: id,
      properties: compact({
        CacheSubnetGroupName: id,
        Description: group.CacheSubnetGroupDescription,
        SubnetIds: refs(group.Subnets?.map((subnet) => subnet.SubnetIdentifier)),
      }),
      live: liveFacts(entries, id, {
        arn: group.ARN,
        vpcId: group.VpcId,
        availabilityZones: [...new Set(group.Subnets?.map((subnet) => subnet.SubnetAvailabilityZone?.Name))],
      }),
    };
  });
}

/** Amazon ElastiCache: replication groups (with their nodes' zones and endpoints), serverless caches, lone cache clusters and cache subnet groups. */
export const elastiCacheFetcher: Fetcher = {
  service: 'elasticache',
  types: [
    'AWS::ElastiCache::ReplicationGroup',
    'AWS::ElastiCache::ServerlessCache',
    'AWS::ElastiCache::CacheCluster',
    'AWS::ElastiCache::SubnetGroup',
  ],
  fetch: async (context, entries) => {
    const [groups, serverless, clusters] = await Promise.all([
      replicationGroups(context, idsOf(entries, 'AWS::ElastiCache::ReplicationGroup'), entries),
      serverlessCaches(context, idsOf(entries, 'AWS::ElastiCache::ServerlessCache'), entries),
      cacheClusters(context, idsOf(entries, 'AWS::ElastiCache::CacheCluster'), entries),
    ]);
    // ElastiCache stores subnet group names in lower case; the caches' own groups are read too.
    const names = new Set(idsOf(entries, 'AWS::ElastiCache::SubnetGroup').map((name) => name.toLowerCase()));
    for (const cache of [...groups, ...clusters]) {
      const group = (cache.properties.CacheSubnetGroupName as { $ref?: string } | undefined)?.$ref;
      if (group) names.add(group);
    }
    return [...groups, ...serverless, ...clusters, ...(await subnetGroups(context, [...names], entries))];
  },
};
