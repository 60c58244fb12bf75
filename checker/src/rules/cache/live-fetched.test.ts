import { ResourceGraph } from '../../model/graph';
import { runFetcher } from '../../sources/live/test-transport';
import { elastiCacheFetcher } from '../../sources/live/fetchers/elasticache';
import { judge } from '../fixtures/judge';
import { cacheEncryption } from './cache-encryption';
import { cacheMultiAzFailover } from './cache-multi-az-failover';

const node = (id: string, az: string, role: string) => ({ CacheClusterId: id, PreferredAvailabilityZone: az, CurrentRole: role });
const group = {
  ReplicationGroupId: 'shop-cache',
  Engine: 'valkey',
  MemberClusters: ['shop-cache-001', 'shop-cache-002'],
  NodeGroups: [
    {
      NodeGroupId: '0001',
      NodeGroupMembers: [node('shop-cache-001', 'ap-northeast-2a', 'primary'), node('shop-cache-002', 'ap-northeast-2c', 'replica')],
    },
  ],
  AutomaticFailover: 'enabled',
  MultiAZ: 'enabled',
  ClusterEnabled: false,
  TransitEncryptionEnabled: true,
  AtRestEncryptionEnabled: true,
};

/** The cache as the live loader reads it from answers shaped like ElastiCache's. */
async function liveCache(overrides: Record<string, unknown>): Promise<ResourceGraph> {
  const { resources } = await runFetcher(
    elastiCacheFetcher,
    {
      'elasticache:DescribeReplicationGroups': { ReplicationGroups: [{ ...group, ...overrides }] },
      'elasticache:DescribeCacheClusters': { CacheClusters: [{ CacheClusterId: 'shop-cache-001', ReplicationGroupId: 'shop-cache' }] },
    },
    [{ physicalId: 'shop-cache', type: 'AWS::ElastiCache::ReplicationGroup' }],
  );
  return new ResourceGraph('live', resources);
}

describe('cache rules over what the ElastiCache fetcher loads', () => {
  it('pass for a deployed primary and replica in two AZs with failover and encryption', async () => {
    const graph = await liveCache({});
    const failover = judge(cacheMultiAzFailover, graph);
    expect(failover.status).toBe('PASS');
    expect(failover.message.en).toContain('shop-cache (2 nodes over ap-northeast-2a, ap-northeast-2c)');
    expect(judge(cacheEncryption, graph).status).toBe('PASS');
  });

  it('fail for a deployed group with Multi-AZ off and one node, or without encryption at rest', async () => {
    const single = await liveCache({
      MultiAZ: 'disabled',
      AutomaticFailover: 'disabled',
      MemberClusters: ['shop-cache-001'],
      NodeGroups: [{ NodeGroupMembers: [node('shop-cache-001', 'ap-northeast-2a', 'primary')] }],
    });
    expect(judge(cacheMultiAzFailover, single).message.en).toContain('has one node');
    expect(judge(cacheEncryption, await liveCache({ AtRestEncryptionEnabled: false })).status).toBe('FAIL');
  });
});
