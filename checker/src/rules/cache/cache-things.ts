import type { LocalizedText } from '@workshop/catalog';

/** The cache the lab asks for, named once for every cache rule. */
export const CACHE: LocalizedText = { en: 'ElastiCache cache', ko: 'ElastiCache 캐시' };

/** What cache-multi-az-failover says when the stack has no cache at all. */
export const CACHE_REQUIRED: LocalizedText = {
  en: 'No ElastiCache cache: add a replication group (elasticache.CfnReplicationGroup, engine valkey) in the isolated subnets, which the APP servers read through before the database.',
  ko: 'ElastiCache 캐시가 없습니다. 격리 서브넷에 복제 그룹(elasticache.CfnReplicationGroup, 엔진 valkey)을 추가하세요. APP 서버가 데이터베이스보다 먼저 읽는 캐시입니다.',
};
