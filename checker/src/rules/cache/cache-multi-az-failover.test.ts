import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { eventShopGraph, eventShopTemplate } from '../fixtures/event-shop';
import { judge } from '../fixtures/judge';
import { cacheMultiAzFailover } from './cache-multi-az-failover';

describe('cache-multi-az-failover', () => {
  it('passes for a Valkey primary and replica with Multi-AZ and automatic failover over two AZs', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('Cache Cache (2 nodes over AZ#1, AZ#2) runs Multi-AZ with automatic failover');
  });

  it.each([
    ['Redis OSS with three nodes', { engine: 'redis' as const, nodes: 3 }],
    ['cluster mode with two shards of a primary and a replica', { clusterMode: { shards: 2, replicas: 1 } }],
  ])('passes for %s', (_, cache) => {
    expect(judge(cacheMultiAzFailover, eventShopGraph({ cache })).status).toBe('PASS');
  });

  it('passes for a serverless cache over two AZs, whose data AWS keeps in several AZs', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: { serverless: true } }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('Cache Cache (serverless, over AZ#1, AZ#2)');
  });

  it('passes for a hand-written group whose nodes are pinned to two zones', () => {
    const template = eventShopTemplate() as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const group = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::ElastiCache::ReplicationGroup')!;
    group.Properties.PreferredCacheClusterAZs = ['ap-northeast-2a', 'ap-northeast-2c'];
    const outcome = judge(cacheMultiAzFailover, template);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('over ap-northeast-2a, ap-northeast-2c');
  });

  it('fails without any cache, saying what to add', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: false }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No ElastiCache cache: add a replication group');
  });

  it('fails for one node: there is no replica to take over', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: { nodes: 1, failover: false, multiAz: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has one node, so there is no replica to take over');
  });

  it('fails for shards without replicas in cluster mode', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: { clusterMode: { shards: 3, replicas: 0 } } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has shards without a replica');
  });

  it('fails with automatic failover off', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: { failover: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has automatic failover off');
    expect(outcome.message.en).not.toContain('Multi-AZ off');
  });

  it('fails with Multi-AZ off', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: { multiAz: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has Multi-AZ off');
    expect(outcome.message.ko).toContain('multiAzEnabled: true를 주세요');
  });

  it('fails for a subnet group in one AZ', () => {
    const outcome = judge(
      cacheMultiAzFailover,
      eventShopGraph({}, (shop) => {
        const group = shop.stack.node.findChild('CacheSubnets') as unknown as { subnetIds: string[] };
        group.subnetIds = [shop.vpc.isolatedSubnets[0].subnetId];
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('can only place its nodes in AZ#1: give it a subnet group with subnets in two AZs');
  });

  it('fails for a lone cache cluster node', () => {
    const outcome = judge(cacheMultiAzFailover, eventShopGraph({ cache: { standalone: true, subnets: ec2.SubnetType.PRIVATE_ISOLATED } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('is a single node with no replica');
  });
});
