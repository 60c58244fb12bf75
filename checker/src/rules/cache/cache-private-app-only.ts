import { cachePort, caches, cacheSecurityGroups, cacheSubnets } from '../../model/queries/cache';
import { shopTiers } from '../../model/queries/chain';
import { absent } from '../absent';
import { failWith } from '../problems';
import type { Rule } from '../types';
import { appOnlyProblems } from './app-only';
import { CACHE } from './cache-things';

/** The cache lives in private subnets and admits the APP servers only. */
export const cachePrivateAppOnly: Rule = {
  id: 'cache-private-app-only',
  area: 'cache',
  title: {
    en: 'The cache lives in subnets without an internet route and admits only the APP security group on its port',
    ko: '캐시가 인터넷 경로가 없는 서브넷에 있고, 자기 포트로는 APP 보안 그룹만 받는다',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: 'The cache belongs to the data tier next to the database: only the APP servers read and fill it. A cache open to the internet, to an address range or to the WEB tier lets anyone who gets that far read or poison what the shop serves, without a password in the default setup.',
    ko: '캐시는 데이터베이스와 같은 데이터 계층입니다. 읽고 채우는 것은 APP 서버뿐입니다. 캐시가 인터넷이나 주소 범위, WEB 계층에 열려 있으면 거기까지 들어온 누구나 쇼핑몰이 내보내는 데이터를 읽거나 오염시킬 수 있습니다. 기본 설정에는 비밀번호도 없습니다.',
  },
  fix: {
    en: 'A CfnSubnetGroup over vpc.isolatedSubnets, and a security group of its own: cacheSg.addIngressRule(appSg, ec2.Port.tcp(6379)) and nothing else; pass securityGroupIds: [cacheSg.securityGroupId] and cacheSubnetGroupName: subnetGroup.ref.',
    ko: 'vpc.isolatedSubnets로 CfnSubnetGroup을 만들고, 캐시 전용 보안 그룹에는 cacheSg.addIngressRule(appSg, ec2.Port.tcp(6379))만 두세요. securityGroupIds: [cacheSg.securityGroupId]와 cacheSubnetGroupName: subnetGroup.ref를 넘기세요.',
  },
  guide: { lab: 'event-ready', section: 'cache-cluster' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Master/Slave, Redis와 Master의 연관성' },
  modes: ['template', 'live'],
  services: ['elasticache', 'ec2', 'elbv2', 'autoscaling'],
  evaluate({ graph }) {
    const found = caches(graph);
    if (found.length === 0) return absent({ thing: CACHE, reportedBy: 'cache-multi-az-failover' });
    if (shopTiers(graph).app.members.length === 0) {
      return absent({
        required: {
          en: 'No APP tier found: no Auto Scaling group sits behind an internal load balancer, so nothing may use the cache.',
          ko: 'APP 계층을 찾지 못했습니다. 내부 로드 밸런서 뒤에 있는 Auto Scaling 그룹이 없어 캐시를 쓸 것이 없습니다.',
        },
      });
    }
    const problems = found.flatMap((cache) =>
      appOnlyProblems(graph, {
        resource: cache,
        what: { en: 'Cache', ko: '캐시' },
        subnets: cacheSubnets(graph, cache),
        groups: cacheSecurityGroups(graph, cache),
        port: cachePort(graph, cache),
      }),
    );
    if (problems.length > 0) return failWith(problems);
    return {
      status: 'PASS',
      message: {
        en: `Cache ${found.map((cache) => `${cache.id} (port ${cachePort(graph, cache)})`).join(', ')} has no internet route and admits the APP servers only.`,
        ko: `캐시 ${found.map((cache) => `${cache.id}(포트 ${cachePort(graph, cache)})`).join(', ')}에는 인터넷 경로가 없고 APP 서버만 접근할 수 있습니다.`,
      },
      resources: found.map((cache) => cache.id),
    };
  },
};
