import { absent } from '../absent';
import { readReplicas, replicaSource } from '../../model/queries/database';
import { failWith } from '../problems';
import type { Rule } from '../types';
import { exposureProblems } from './exposure';

/** Stretch task: a read replica, when there is one, is as private as the primary. */
export const rdsReadReplicaPrivate: Rule = {
  id: 'rds-read-replica-private',
  area: 'database',
  title: {
    en: 'A read replica, when present, is not publicly accessible and lives in subnets without an internet gateway route',
    ko: 'Read Replica가 있다면 퍼블릭 접근이 꺼져 있고 인터넷 게이트웨이 경로가 없는 서브넷에 있다',
  },
  severity: 'medium',
  points: 5,
  optional: true,
  why: {
    en: 'A read replica takes read queries off the primary through asynchronous replication: it may lag behind and has no automatic failover, unlike the Multi-AZ standby. It holds the same data as the primary, so it needs the same protection: no public address, isolated subnets, reachable only from APP.',
    ko: 'Read Replica는 비동기 복제로 기본 인스턴스의 읽기 부하를 덜어 줍니다. Multi-AZ 대기 인스턴스와 달리 지연(Lag)이 있을 수 있고 자동 failover도 없습니다. 기본 인스턴스와 같은 데이터를 가지므로 보호도 같아야 합니다: 퍼블릭 주소 없음, 격리 서브넷, APP에서만 접근.',
  },
  fix: {
    en: "new rds.DatabaseInstanceReadReplica(this, 'Replica', { sourceDatabaseInstance: db, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, publiclyAccessible: false, securityGroups: [dbSg], instanceType }).",
    ko: "new rds.DatabaseInstanceReadReplica(this, 'Replica', { sourceDatabaseInstance: db, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, publiclyAccessible: false, securityGroups: [dbSg], instanceType })로 만드세요.",
  },
  guide: { lab: 'multi-az-rds', section: 'stretch-read-replica' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Master/Slave' },
  modes: ['template', 'live'],
  services: ['rds', 'ec2'],
  evaluate({ graph }) {
    const replicas = readReplicas(graph);
    if (replicas.length === 0) {
      return absent({
        thing: { en: 'read replica', ko: 'Read Replica' },
        optional: {
          en: 'To try it, add an rds.DatabaseInstanceReadReplica in the isolated subnets with the database security group.',
          ko: '해 보려면 격리 서브넷에 데이터베이스 보안 그룹을 쓰는 rds.DatabaseInstanceReadReplica를 추가하세요.',
        },
      });
    }
    const problems = replicas.flatMap((replica) => exposureProblems(graph, replica, { en: 'Read replica', ko: 'Read Replica' }));
    if (problems.length > 0) return failWith(problems);
    const sources = replicas.map((replica) => replicaSource(graph, replica));
    const described = replicas.map((replica, i) => (sources[i] ? `${replica.id} (of ${sources[i]!.id})` : replica.id));
    const describedKo = replicas.map((replica, i) => (sources[i] ? `${replica.id}(원본 ${sources[i]!.id})` : replica.id));
    return {
      status: 'PASS',
      message: {
        en: `Read replica ${described.join(', ')} has no public address and lives only in subnets without an internet gateway route.`,
        ko: `Read Replica ${describedKo.join(', ')}에는 퍼블릭 주소가 없고, 인터넷 게이트웨이 경로가 없는 서브넷에만 있습니다.`,
      },
      resources: replicas.map((replica) => replica.id),
    };
  },
};
