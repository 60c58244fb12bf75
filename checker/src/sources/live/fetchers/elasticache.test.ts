import { runFetcher } from '../test-transport';
import { elastiCacheFetcher } from './elasticache';

const group = {
  ReplicationGroupId: 'shop-cache',
  Description: 'The shop cache',
  Status: 'available',
  Engine: 'valkey',
  CacheNodeType: 'cache.t4g.micro',
  MemberClusters: ['shop-cache-001', 'shop-cache-002'],
  NodeGroups: [
    {
      NodeGroupId: '0001',
      PrimaryEndpoint: { Address: 'master.shop-cache.x.apn2.cache.amazonaws.com', Port: 6379 },
      ReaderEndpoint: { Address: 'replica.shop-cache.x.apn2.cache.amazonaws.com', Port: 6379 },
      NodeGroupMembers: [
        { CacheClusterId: 'shop-cache-001', PreferredAvailabilityZone: 'ap-northeast-2a', CurrentRole: 'primary' },
        { CacheClusterId: 'shop-cache-002', PreferredAvailabilityZone: 'ap-northeast-2c', CurrentRole: 'replica' },
      ],
    },
  ],
  AutomaticFailover: 'enabled',
  MultiAZ: 'enabled',
  ClusterEnabled: false,
  TransitEncryptionEnabled: true,
  TransitEncryptionMode: 'required',
  AtRestEncryptionEnabled: true,
  ARN: 'arn:aws:elasticache:ap-northeast-2:123456789012:replicationgroup:shop-cache',
};
const member = {
  CacheClusterId: 'shop-cache-001',
  Engine: 'valkey',
  EngineVersion: '8.2',
  CacheNodeType: 'cache.t4g.micro',
  NumCacheNodes: 1,
  PreferredAvailabilityZone: 'ap-northeast-2a',
  CacheSubnetGroupName: 'shop-cache-subnets',
  SecurityGroups: [{ SecurityGroupId: 'sg-cache', Status: 'active' }],
  ReplicationGroupId: 'shop-cache',
};
const subnetGroup = {
  CacheSubnetGroupName: 'shop-cache-subnets',
  CacheSubnetGroupDescription: 'isolated',
  VpcId: 'vpc-1',
  Subnets: [
    { SubnetIdentifier: 'subnet-da', SubnetAvailabilityZone: { Name: 'ap-northeast-2a' } },
    { SubnetIdentifier: 'subnet-dc', SubnetAvailabilityZone: { Name: 'ap-northeast-2c' } },
  ],
};

describe('elasticache fetcher', () => {
  it("maps a replication group in CloudFormation's shape: nodes and their zones, failover, encryption, subnet and security groups, endpoints", async () => {
    const { byId, requests } = await runFetcher(
      elastiCacheFetcher,
      {
        'elasticache:DescribeReplicationGroups': { ReplicationGroups: [group] },
        'elasticache:DescribeCacheClusters': { CacheClusters: [member] },
        'elasticache:DescribeCacheSubnetGroups': { CacheSubnetGroups: [subnetGroup] },
      },
      [
        { logicalId: 'CacheReplicationGroup', physicalId: 'shop-cache', type: 'AWS::ElastiCache::ReplicationGroup' },
        { physicalId: 'shop-cache-subnets', type: 'AWS::ElastiCache::SubnetGroup' },
      ],
    );
    expect(byId('shop-cache')).toMatchObject({
      type: 'AWS::ElastiCache::ReplicationGroup',
      properties: {
        Engine: 'valkey',
        EngineVersion: '8.2',
        NumCacheClusters: 2,
        PreferredCacheClusterAZs: ['ap-northeast-2a', 'ap-northeast-2c'],
        AutomaticFailoverEnabled: true,
        MultiAZEnabled: true,
        TransitEncryptionEnabled: true,
        TransitEncryptionMode: 'required',
        AtRestEncryptionEnabled: true,
        CacheSubnetGroupName: { $ref: 'shop-cache-subnets' },
        SecurityGroupIds: [{ $ref: 'sg-cache' }],
        Port: 6379,
      },
      live: {
        logicalId: 'CacheReplicationGroup',
        endpoints: ['master.shop-cache.x.apn2.cache.amazonaws.com', 'replica.shop-cache.x.apn2.cache.amazonaws.com'],
      },
    });
    expect(byId('shop-cache-subnets').properties.SubnetIds).toEqual([{ $ref: 'subnet-da' }, { $ref: 'subnet-dc' }]);
    // One member tells the subnet group and security groups every member shares.
    expect(requests.filter((request) => request.command === 'DescribeCacheClusters').map((request) => request.input)).toEqual([
      { CacheClusterId: 'shop-cache-001', ShowCacheNodeInfo: true },
    ]);
  });

  it('maps cluster mode as node groups with their replica counts, and failover and Multi-AZ off as false', async () => {
    const { byId } = await runFetcher(
      elastiCacheFetcher,
      {
        'elasticache:DescribeReplicationGroups': {
          ReplicationGroups: [
            {
              ...group,
              ClusterEnabled: true,
              AutomaticFailover: 'disabled',
              MultiAZ: 'disabled',
              ConfigurationEndpoint: { Address: 'clustercfg.shop-cache.x.apn2.cache.amazonaws.com', Port: 6379 },
              NodeGroups: [
                {
                  NodeGroupId: '0001',
                  NodeGroupMembers: [{ CacheClusterId: 'a', CurrentRole: 'primary', PreferredAvailabilityZone: 'ap-northeast-2a' }],
                },
                {
                  NodeGroupId: '0002',
                  NodeGroupMembers: [{ CacheClusterId: 'b', CurrentRole: 'primary', PreferredAvailabilityZone: 'ap-northeast-2c' }],
                },
              ],
            },
          ],
        },
        'elasticache:DescribeCacheClusters': { CacheClusters: [member] },
        'elasticache:DescribeCacheSubnetGroups': { CacheSubnetGroups: [subnetGroup] },
      },
      [{ physicalId: 'shop-cache', type: 'AWS::ElastiCache::ReplicationGroup' }],
    );
    expect(byId('shop-cache').properties).toMatchObject({
      NumNodeGroups: 2,
      NodeGroupConfiguration: [
        { NodeGroupId: '0001', ReplicaCount: 0, PrimaryAvailabilityZone: 'ap-northeast-2a', ReplicaAvailabilityZones: [] },
        { NodeGroupId: '0002', ReplicaCount: 0, PrimaryAvailabilityZone: 'ap-northeast-2c', ReplicaAvailabilityZones: [] },
      ],
      AutomaticFailoverEnabled: false,
      MultiAZEnabled: false,
    });
    expect(byId('shop-cache').live?.endpoints).toEqual(['clustercfg.shop-cache.x.apn2.cache.amazonaws.com']);
  });

  it('maps a lone cache cluster and reports a cache listed by the stack but gone', async () => {
    const { byId, progress } = await runFetcher(
      elastiCacheFetcher,
      {
        'elasticache:DescribeReplicationGroups': { ReplicationGroups: [] },
        'elasticache:DescribeCacheClusters': (input: Record<string, unknown>) =>
          input.CacheClusterId === 'lone'
            ? {
                CacheClusters: [
                  {
                    ...member,
                    CacheClusterId: 'lone',
                    ReplicationGroupId: undefined,
                    CacheNodes: [{ Endpoint: { Address: 'lone.x.cache.amazonaws.com', Port: 6379 } }],
                  },
                ],
              }
            : { CacheClusters: [] },
        'elasticache:DescribeCacheSubnetGroups': { CacheSubnetGroups: [subnetGroup] },
      },
      [
        { physicalId: 'gone', type: 'AWS::ElastiCache::ReplicationGroup' },
        { physicalId: 'lone', type: 'AWS::ElastiCache::CacheCluster' },
      ],
    );
    expect(byId('lone')).toMatchObject({
      type: 'AWS::ElastiCache::CacheCluster',
      properties: {
        NumCacheNodes: 1,
        VpcSecurityGroupIds: [{ $ref: 'sg-cache' }],
        CacheSubnetGroupName: { $ref: 'shop-cache-subnets' },
        Port: 6379,
      },
      live: { endpoints: ['lone.x.cache.amazonaws.com'] },
    });
    expect(progress).toContain('AWS::ElastiCache::ReplicationGroup gone listed by the stack but not found');
  });

  it('maps a serverless cache with its subnets, security groups and both endpoints', async () => {
    const { byId } = await runFetcher(
      elastiCacheFetcher,
      {
        'elasticache:DescribeServerlessCaches': {
          ServerlessCaches: [
            {
              ServerlessCacheName: 'shop-cache',
              Engine: 'valkey',
              Status: 'available',
              Endpoint: { Address: 'shop-cache-x.serverless.apn2.cache.amazonaws.com', Port: 6379 },
              ReaderEndpoint: { Address: 'shop-cache-x.serverless.apn2.cache.amazonaws.com', Port: 6380 },
              SubnetIds: ['subnet-da', 'subnet-dc'],
              SecurityGroupIds: ['sg-cache'],
            },
          ],
        },
      },
      [{ physicalId: 'shop-cache', type: 'AWS::ElastiCache::ServerlessCache' }],
    );
    expect(byId('shop-cache')).toMatchObject({
      type: 'AWS::ElastiCache::ServerlessCache',
      properties: { Engine: 'valkey', SubnetIds: [{ $ref: 'subnet-da' }, { $ref: 'subnet-dc' }], SecurityGroupIds: [{ $ref: 'sg-cache' }] },
      live: { endpoints: ['shop-cache-x.serverless.apn2.cache.amazonaws.com'] },
    });
  });
});
