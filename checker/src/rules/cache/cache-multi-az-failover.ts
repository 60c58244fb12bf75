import {
  cacheAzs,
  cacheEngine,
  cacheFailover,
  cacheLayout,
  caches,
  cacheSubnets,
  isReplicationGroup,
  isServerless,
} from '../../model/queries/cache';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { CACHE_REQUIRED } from './cache-things';

/** The cache keeps a replica in a second AZ that ElastiCache promotes automatically. */
export const cacheMultiAzFailover: Rule = {
  id: 'cache-multi-az-failover',
  area: 'cache',
  title: {
    en: 'The cache is an ElastiCache replication group with a replica in a second AZ, Multi-AZ and automatic failover',
    ko: '캐시가 두 번째 AZ에 복제본 노드를 둔 ElastiCache 복제 그룹이고, Multi-AZ와 자동 failover가 켜져 있다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'On event day the cache answers most product reads, so the database only sees the misses. If the only cache node fails, every read falls on the database at once and the shop slows down exactly when it matters. A replica in another AZ that ElastiCache promotes automatically (Multi-AZ with automatic failover) keeps the cache answering through a node or AZ failure.',
    ko: '이벤트 날에는 캐시가 상품 조회 대부분에 답하고, 데이터베이스는 캐시에 없는 요청만 받습니다. 하나뿐인 캐시 노드가 장애를 일으키면 모든 읽기가 한꺼번에 데이터베이스로 몰려, 가장 중요한 순간에 쇼핑몰이 느려집니다. 다른 AZ의 복제본을 ElastiCache가 자동으로 승격하게 하면(Multi-AZ와 자동 failover) 노드나 AZ에 장애가 나도 캐시가 계속 답합니다.',
  },
  fix: {
    en: "new elasticache.CfnReplicationGroup(this, 'Cache', { engine: 'valkey', cacheNodeType: 'cache.t4g.micro', numCacheClusters: 2, multiAzEnabled: true, automaticFailoverEnabled: true, cacheSubnetGroupName: subnetGroup.ref, ... }) with a CfnSubnetGroup over subnets in two AZs (cluster mode: replicasPerNodeGroup: 1 or more).",
    ko: "new elasticache.CfnReplicationGroup(this, 'Cache', { engine: 'valkey', cacheNodeType: 'cache.t4g.micro', numCacheClusters: 2, multiAzEnabled: true, automaticFailoverEnabled: true, cacheSubnetGroupName: subnetGroup.ref, ... })를 두 AZ의 서브넷으로 된 CfnSubnetGroup과 함께 만드세요(클러스터 모드라면 replicasPerNodeGroup: 1 이상).",
  },
  guide: { lab: 'event-ready', section: 'cache-cluster' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Master/Slave, Redis와 Master의 연관성' },
  modes: ['template', 'live'],
  services: ['elasticache', 'ec2'],
  evaluate({ graph }) {
    const found = caches(graph);
    if (found.length === 0) return absent({ required: CACHE_REQUIRED });
    const problems = found.flatMap((cache) => failoverProblems(graph, cache));
    if (problems.length > 0) return failWith(problems);
    const described = found.map((cache) => {
      if (isServerless(cache)) {
        const azs = cacheAzs(graph, cache).join(', ');
        return {
          en: `${cache.id} (serverless, over ${azs || 'the default subnets'})`,
          ko: `${cache.id}(서버리스, ${azs || '기본 서브넷'})`,
        };
      }
      const layout = cacheLayout(graph, cache);
      const shards = layout.shards > 1 ? `, ${layout.shards} shards` : '';
      const shardsKo = layout.shards > 1 ? `, 샤드 ${layout.shards}개` : '';
      const azs = cacheAzs(graph, cache).join(', ');
      return {
        en: `${cache.id} (${layout.nodes} nodes${shards} over ${azs})`,
        ko: `${cache.id}(노드 ${layout.nodes}개${shardsKo}, ${azs})`,
      };
    });
    return {
      status: 'PASS',
      message: {
        en: `Cache ${described.map((d) => d.en).join(', ')} runs Multi-AZ with automatic failover: a replica in another AZ takes over when the primary fails.`,
        ko: `캐시 ${described.map((d) => d.ko).join(', ')}에서 Multi-AZ와 자동 failover가 켜져 있습니다. 기본 노드에 장애가 나면 다른 AZ의 복제본이 넘겨받습니다.`,
      },
      resources: found.map((cache) => cache.id),
    };
  },
};

/** What keeps one cache from surviving the loss of a node or an AZ. */
function failoverProblems(graph: ResourceGraph, cache: Resource): Problem[] {
  if (isServerless(cache)) {
    const azs = cacheAzs(graph, cache);
    if (cacheSubnets(graph, cache).length === 0 || azs.length >= 2) return [];
    return [
      {
        en: `Serverless cache ${cache.id} has subnets in ${azs.join(', ')} only: give it subnets in two AZs, where ElastiCache keeps its data.`,
        ko: `서버리스 캐시 ${cache.id}의 서브넷이 ${azs.join(', ')}에만 있습니다. ElastiCache가 데이터를 나눠 두도록 두 AZ의 서브넷을 주세요.`,
        resources: [cache.id],
      },
    ];
  }
  if (!isReplicationGroup(cache)) {
    const memcached = cacheEngine(graph, cache) === 'memcached';
    return [
      memcached
        ? {
            en: `Cache cluster ${cache.id} runs memcached, whose nodes never copy each other's data: a failed node's keys are simply gone. Use a Valkey (or Redis OSS) replication group with a replica.`,
            ko: `캐시 클러스터 ${withParticle(cache.id, '은/는')} memcached라서 노드끼리 데이터를 복제하지 않습니다. 노드가 죽으면 그 키는 사라집니다. 복제본이 있는 Valkey(또는 Redis OSS) 복제 그룹을 쓰세요.`,
            resources: [cache.id],
          }
        : {
            en: `Cache cluster ${cache.id} is a single node with no replica: when it fails, every read falls on the database. Use a replication group (CfnReplicationGroup) with numCacheClusters: 2, Multi-AZ and automatic failover.`,
            ko: `캐시 클러스터 ${withParticle(cache.id, '은/는')} 복제본 없는 노드 하나뿐입니다. 장애가 나면 모든 읽기가 데이터베이스로 몰립니다. numCacheClusters: 2, Multi-AZ, 자동 failover를 켠 복제 그룹(CfnReplicationGroup)을 쓰세요.`,
            resources: [cache.id],
          },
    ];
  }
  const problems: Problem[] = [];
  const layout = cacheLayout(graph, cache);
  if (layout.nodesPerShard < 2) {
    problems.push(
      layout.shards > 1
        ? {
            en: `Replication group ${cache.id} has shards without a replica (ReplicasPerNodeGroup 0): a failed primary takes its shard's keys with it. Give every shard at least one replica.`,
            ko: `복제 그룹 ${cache.id}에 복제본 없는 샤드가 있습니다(ReplicasPerNodeGroup 0). 기본 노드가 죽으면 그 샤드의 키도 함께 사라집니다. 모든 샤드에 복제본을 하나 이상 두세요.`,
            resources: [cache.id],
          }
        : {
            en: `Replication group ${cache.id} has one node, so there is no replica to take over: set numCacheClusters: 2 (a primary and a replica).`,
            ko: `복제 그룹 ${cache.id}의 노드가 하나뿐이라 넘겨받을 복제본이 없습니다. numCacheClusters: 2(기본 노드와 복제본)를 주세요.`,
            resources: [cache.id],
          },
    );
  }
  const { automaticFailover, multiAz } = cacheFailover(graph, cache);
  if (!automaticFailover) {
    problems.push({
      en: `Replication group ${cache.id} has automatic failover off: when the primary fails, no replica is promoted and writes stop until someone acts. Set automaticFailoverEnabled: true.`,
      ko: `복제 그룹 ${cache.id}의 자동 failover가 꺼져 있습니다. 기본 노드에 장애가 나도 복제본이 승격되지 않아 누군가 조치할 때까지 쓰기가 멈춥니다. automaticFailoverEnabled: true를 주세요.`,
      resources: [cache.id],
    });
  }
  if (!multiAz) {
    problems.push({
      en: `Replication group ${cache.id} has Multi-AZ off: ElastiCache does not keep the replica in another AZ for failover, so an AZ outage can take every node. Set multiAzEnabled: true.`,
      ko: `복제 그룹 ${cache.id}의 Multi-AZ가 꺼져 있습니다. ElastiCache가 failover를 위해 복제본을 다른 AZ에 두지 않으므로 AZ 하나의 장애로 모든 노드를 잃을 수 있습니다. multiAzEnabled: true를 주세요.`,
      resources: [cache.id],
    });
  }
  const azs = cacheAzs(graph, cache);
  if (layout.nodesPerShard >= 2 && azs.length < 2) {
    problems.push({
      en: `Replication group ${cache.id} can only place its nodes in ${azs.length === 0 ? 'the default VPC (it has no subnet group)' : azs.join(', ')}: give it a subnet group with subnets in two AZs.`,
      ko: `복제 그룹 ${withParticle(cache.id, '은/는')} 노드를 ${azs.length === 0 ? '기본 VPC(서브넷 그룹 없음)' : azs.join(', ')}에만 둘 수 있습니다. 두 AZ의 서브넷으로 된 서브넷 그룹을 주세요.`,
      resources: [cache.id],
    });
  }
  return problems;
}
