import { arnRegion } from '../../model/queries/backup';
import { readReplicas, replicaSource } from '../../model/queries/database';
import { booleanProp } from '../../model/queries/values';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { exposureProblems } from './exposure';

/** A copy of the primary database runs in the secondary Region: a cross-Region read replica or an Aurora global secondary. */
export const crossRegionReadReplica: Rule = {
  id: 'cross-region-read-replica',
  area: 'database',
  title: {
    en: 'The secondary Region has an encrypted, private copy of the primary database: a cross-Region read replica or an Aurora global database secondary',
    ko: '보조 리전에 주 데이터베이스의 암호화된 비공개 사본이 있다: 리전 간 Read Replica나 Aurora 글로벌 데이터베이스의 보조 클러스터',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Servers in the second Region that read the catalogue from Seoul pay the round trip on every query. A cross-Region read replica (or an Aurora global database secondary) keeps a copy seconds behind, so reads stay local while every write still goes to the one primary; in a disaster it can be promoted. It holds the customers’ data, so it is encrypted (with a key of its own Region) and unreachable from the internet.',
    ko: '두 번째 리전의 서버가 카탈로그를 서울에서 읽으면 쿼리마다 왕복 시간을 치릅니다. 리전 간 Read Replica(또는 Aurora 글로벌 데이터베이스의 보조 클러스터)는 몇 초 차이의 사본을 두어, 쓰기는 여전히 하나뿐인 주 데이터베이스로 가면서 읽기는 그 리전 안에서 끝납니다. 재해 때는 승격할 수도 있습니다. 고객 데이터를 담으므로 (그 리전의 키로) 암호화하고 인터넷에서 닿지 않아야 합니다.',
  },
  fix: {
    en: "In the read Region stack: new rds.CfnDBInstance(this, 'ReadReplica', { sourceDbInstanceIdentifier: <primary DB ARN, from a parameter>, sourceRegion: <primary Region>, dbInstanceClass, dbSubnetGroupName: <isolated subnets>, vpcSecurityGroups, publiclyAccessible: false, kmsKeyId: <a key of this Region> }) (the replica inherits encryption from its source: CloudFormation refuses storageEncrypted next to sourceDbInstanceIdentifier); or an Aurora global database (CfnGlobalCluster and a secondary DBCluster with globalClusterIdentifier).",
    ko: "읽기 리전 스택에 new rds.CfnDBInstance(this, 'ReadReplica', { sourceDbInstanceIdentifier: <주 DB ARN, 파라미터로>, sourceRegion: <주 리전>, dbInstanceClass, dbSubnetGroupName: <격리 서브넷>, vpcSecurityGroups, publiclyAccessible: false, kmsKeyId: <이 리전의 키> })를 만드세요(복제본은 원본의 암호화를 물려받으므로 sourceDbInstanceIdentifier와 함께 storageEncrypted를 주면 CloudFormation이 거부합니다). Aurora 글로벌 데이터베이스(CfnGlobalCluster와 globalClusterIdentifier를 준 보조 DBCluster)도 됩니다.",
  },
  guide: { lab: 'global-expansion', section: 'read-region' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 동영상, 이미지 3TB 이상, 글로벌 확장 계획' },
  modes: ['template', 'live'],
  services: ['rds', 'ec2'],
  evaluate({ graph }) {
    const copies = [...crossRegionReplicas(graph), ...globalSecondaries(graph)];
    if (copies.length === 0) {
      return absent({
        required: {
          en: 'The secondary Region has no copy of the primary database: add a cross-Region read replica (SourceDBInstanceIdentifier = the primary DB ARN) in the read Region stack, or make the database an Aurora global database with a secondary cluster there.',
          ko: '보조 리전에 주 데이터베이스의 사본이 없습니다. 읽기 리전 스택에 리전 간 Read Replica(SourceDBInstanceIdentifier = 주 DB ARN)를 추가하거나, Aurora 글로벌 데이터베이스로 만들어 그곳에 보조 클러스터를 두세요.',
        },
      });
    }
    const problems: Problem[] = copies.flatMap(({ copy }) => [
      ...encryptionProblems(graph, copy),
      ...exposureProblems(graph, copy, { en: 'Cross-Region copy', ko: '리전 간 사본' }),
    ]);
    if (problems.length > 0) return failWith(problems);
    const described = copies.map(({ copy, source }) => `${copy.id} (of ${source})`).join(', ');
    const describedKo = copies.map(({ copy, source }) => `${copy.id}(원본 ${source})`).join(', ');
    return {
      status: 'PASS',
      message: {
        en: `The secondary Region reads from ${described}: encrypted, with no public address and no internet route.`,
        ko: `보조 리전이 ${describedKo}에서 읽습니다. 암호화되어 있고, 퍼블릭 주소도 인터넷 경로도 없습니다.`,
      },
      resources: copies.map(({ copy }) => copy.id),
    };
  },
};

/** Read replicas in the secondary Region whose source is in another Region (in the graph, or by its ARN). */
function crossRegionReplicas(graph: ResourceGraph): Array<{ copy: Resource; source: string }> {
  const secondaryName = graph.stacks.find((stack) => stack.region === 'secondary')?.regionName;
  return readReplicas(graph).flatMap((replica) => {
    if (graph.placement(replica).region !== 'secondary') return [];
    const source = replicaSource(graph, replica);
    if (source) return graph.placement(source).region !== 'secondary' ? [{ copy: replica, source: source.id }] : [];
    const value = graph.prop(replica, 'SourceDBInstanceIdentifier');
    const region = arnRegion(value);
    return region !== undefined && region !== secondaryName ? [{ copy: replica, source: String(value) }] : [];
  });
}

/** Aurora clusters in the secondary Region that join a global database whose primary cluster is in another Region. */
function globalSecondaries(graph: ResourceGraph): Array<{ copy: Resource; source: string }> {
  return graph.ofType('AWS::RDS::DBCluster').flatMap((cluster) => {
    if (graph.placement(cluster).region !== 'secondary') return [];
    const global = graph.refsIn(graph.prop(cluster, 'GlobalClusterIdentifier')).find((target) => target.type === 'AWS::RDS::GlobalCluster');
    const identifier = graph.prop(cluster, 'GlobalClusterIdentifier');
    if (global === undefined && identifier === undefined) return [];
    const members = graph
      .ofType('AWS::RDS::DBCluster')
      .filter(
        (other) =>
          other !== cluster &&
          graph.placement(other).region !== 'secondary' &&
          ((global && graph.refsIn(graph.prop(other, 'GlobalClusterIdentifier')).includes(global)) ||
            (identifier !== undefined && graph.prop(other, 'GlobalClusterIdentifier') === identifier)),
      );
    const sources = global ? graph.refsIn(graph.prop(global, 'SourceDBClusterIdentifier')) : [];
    const primary = [...members, ...sources].find((other) => graph.placement(other).region !== 'secondary');
    return primary ? [{ copy: cluster, source: primary.id }] : [];
  });
}

function encryptionProblems(graph: ResourceGraph, copy: Resource): Problem[] {
  const encrypted = booleanProp(graph, copy, 'StorageEncrypted') === true || graph.prop(copy, 'KmsKeyId') !== undefined;
  if (encrypted) return [];
  return [
    {
      en: `Cross-Region copy ${copy.id} is not encrypted at rest: it holds the customers' data in a second place. Give it a KMS key of that Region (kmsKeyId on a read replica, whose source is encrypted; storageEncrypted on an Aurora cluster): keys never leave their Region.`,
      ko: `리전 간 사본 ${withParticle(copy.id, '이/가')} 저장 시 암호화되지 않았습니다. 고객 데이터를 한 곳 더 두는 것입니다. 그 리전의 KMS 키를 주세요(원본이 암호화된 Read Replica에는 kmsKeyId, Aurora 클러스터에는 storageEncrypted). 키는 자기 리전을 떠나지 않습니다.`,
      resources: [copy.id],
    },
  ];
}
