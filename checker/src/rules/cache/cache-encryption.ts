import { cacheEncryption as encryptionOf, caches, isReplicationGroup } from '../../model/queries/cache';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { CACHE } from './cache-things';

/** The cache encrypts its traffic (TLS only) and its data at rest. */
export const cacheEncryption: Rule = {
  id: 'cache-encryption',
  area: 'cache',
  title: {
    en: 'The cache encrypts traffic in transit (TLS required) and its data at rest',
    ko: '캐시가 전송 중인 트래픽(TLS 필수)과 저장된 데이터를 암호화한다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: "The cache holds copies of the shop's data: products today, sessions or carts tomorrow. Encryption in transit keeps anyone on the network from reading or changing what the APP servers and the cache exchange; encryption at rest protects the snapshots and swap files ElastiCache writes to disk. Both can only be chosen when the replication group is created.",
    ko: '캐시에는 쇼핑몰 데이터의 사본이 들어 있습니다. 지금은 상품 정보지만 나중에는 세션이나 장바구니일 수도 있습니다. 전송 중 암호화는 네트워크의 누구도 APP 서버와 캐시가 주고받는 내용을 읽거나 바꾸지 못하게 하고, 저장 데이터 암호화는 ElastiCache가 디스크에 쓰는 스냅샷과 스왑 파일을 보호합니다. 둘 다 복제 그룹을 만들 때만 정할 수 있습니다.',
  },
  fix: {
    en: "transitEncryptionEnabled: true and atRestEncryptionEnabled: true on the CfnReplicationGroup (leave transitEncryptionMode at 'required'); clients then connect with TLS (CACHE_TLS=true).",
    ko: "CfnReplicationGroup에 transitEncryptionEnabled: true와 atRestEncryptionEnabled: true를 주세요(transitEncryptionMode는 'required' 그대로). 클라이언트는 TLS로 연결합니다(CACHE_TLS=true).",
  },
  guide: { lab: 'event-ready', section: 'cache-cluster' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Master/Slave, Redis와 Master의 연관성' },
  modes: ['template', 'live'],
  services: ['elasticache'],
  evaluate({ graph }) {
    const found = caches(graph);
    if (found.length === 0) return absent({ thing: CACHE, reportedBy: 'cache-multi-az-failover' });
    const problems: Problem[] = found.flatMap((cache) => {
      const encryption = encryptionOf(graph, cache);
      const own: Problem[] = [];
      if (!encryption.inTransit) {
        own.push({
          en: `Cache ${cache.id} has encryption in transit off: the APP servers talk to it in plain text. Set transitEncryptionEnabled: true (it can only be set when the cache is created).`,
          ko: `캐시 ${cache.id}의 전송 중 암호화가 꺼져 있어 APP 서버와 평문으로 통신합니다. transitEncryptionEnabled: true를 주세요(캐시를 만들 때만 정할 수 있습니다).`,
          resources: [cache.id],
        });
      } else if (encryption.plaintextAccepted) {
        own.push({
          en: `Cache ${cache.id} has TransitEncryptionMode "preferred", so it still accepts plain-text connections (a mode for migrating clients): set it to "required".`,
          ko: `캐시 ${cache.id}의 TransitEncryptionMode가 "preferred"라서 평문 연결도 받습니다(클라이언트를 옮기는 동안 쓰는 모드). "required"로 바꾸세요.`,
          resources: [cache.id],
        });
      }
      if (!encryption.atRest) {
        own.push(
          isReplicationGroup(cache)
            ? {
                en: `Cache ${cache.id} has encryption at rest off: its snapshots and swap files are written in plain text. Set atRestEncryptionEnabled: true (it can only be set when the cache is created).`,
                ko: `캐시 ${cache.id}의 저장 데이터 암호화가 꺼져 있어 스냅샷과 스왑 파일이 평문으로 저장됩니다. atRestEncryptionEnabled: true를 주세요(캐시를 만들 때만 정할 수 있습니다).`,
                resources: [cache.id],
              }
            : {
                en: `Cache cluster ${cache.id} cannot encrypt data at rest: only a replication group can. Use a CfnReplicationGroup with atRestEncryptionEnabled: true.`,
                ko: `캐시 클러스터 ${withParticle(cache.id, '은/는')} 저장 데이터를 암호화할 수 없습니다. 복제 그룹만 할 수 있으니 atRestEncryptionEnabled: true를 준 CfnReplicationGroup을 쓰세요.`,
                resources: [cache.id],
              },
        );
      }
      return own;
    });
    if (problems.length > 0) return failWith(problems);
    return {
      status: 'PASS',
      message: {
        en: `Cache ${found.map((cache) => cache.id).join(', ')} requires TLS and encrypts its data at rest.`,
        ko: `캐시 ${found.map((cache) => cache.id).join(', ')}에서 TLS가 필수이고 저장 데이터도 암호화됩니다.`,
      },
      resources: found.map((cache) => cache.id),
    };
  },
};
