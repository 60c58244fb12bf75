import { caches } from '../../model/queries/cache';
import { shopTiers } from '../../model/queries/chain';
import { readReplicas } from '../../model/queries/database';
import { sameRegionAs } from '../../model/queries/regions';
import { endpointsIn, groupMayReadParameter, ssmParameters, userDataOf, type EndpointUse } from '../../model/queries/read-path';
import { CannotEvaluate, type Resource } from '../../model/types';
import type { ResourceGraph } from '../../model/graph';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { CACHE } from './cache-things';

/** An endpoint the APP servers receive, and where from. */
interface Handed extends EndpointUse {
  /** The SSM parameter it comes through; undefined for the user data itself. */
  readonly via?: Resource;
}

/** The APP servers receive the read replica's endpoint and the cache endpoint by reference. */
export const appReadPathConfigured: Rule = {
  id: 'app-read-path-configured',
  area: 'cache',
  title: {
    en: "The APP servers receive the read replica's endpoint and the cache endpoint through configuration, by reference",
    ko: 'APP 서버가 Read Replica 엔드포인트와 캐시 엔드포인트를 설정으로, 참조로 받는다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'A replica and a cache only help when the application uses them: product reads go to the cache first, a miss reads the replica and fills the cache, writes go to the primary. The APP servers learn the endpoints from configuration (SSM parameters their role may read, or their user data) built from references, so a replaced replica or a new cache is followed at the next boot; a host name typed into the code breaks silently.',
    ko: 'Read Replica와 캐시는 애플리케이션이 실제로 쓸 때만 도움이 됩니다. 상품 조회는 먼저 캐시로 가고, 캐시에 없으면 Read Replica를 읽어 캐시를 채우며, 쓰기는 기본 인스턴스로 갑니다. APP 서버는 엔드포인트를 참조로 만든 설정(역할이 읽을 수 있는 SSM 파라미터나 사용자 데이터)에서 얻어야, Read Replica가 교체되거나 캐시가 새로 만들어져도 다음 부팅 때 따라갑니다. 코드에 직접 적은 호스트 이름은 소리 없이 깨집니다.',
  },
  fix: {
    en: "new ssm.StringParameter(this, 'ReaderHost', { parameterName: `/shop/${this.stackName}/DB_READER_HOST`, stringValue: replica.dbInstanceEndpointAddress }) and one for CACHE_HOST with cache.attrPrimaryEndPointAddress; grant them with param.grantRead(app.role) and read them in the APP user data (aws ssm get-parameters-by-path).",
    ko: "new ssm.StringParameter(this, 'ReaderHost', { parameterName: `/shop/${this.stackName}/DB_READER_HOST`, stringValue: replica.dbInstanceEndpointAddress })를 만들고 CACHE_HOST도 cache.attrPrimaryEndPointAddress로 만드세요. param.grantRead(app.role)로 권한을 주고 APP 사용자 데이터에서 읽으세요(aws ssm get-parameters-by-path).",
  },
  guide: { lab: 'event-ready', section: 'read-path' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Master/Slave, Redis와 Master의 연관성' },
  modes: ['template', 'live'],
  services: ['rds', 'elasticache', 'ssm', 'autoscaling', 'ec2', 'elbv2', 'iam'],
  evaluate({ graph }) {
    // The APP servers of the Region holding the cache: a second Region's read-only tier (global-expansion) is
    // judged by second-region-serving-tier.
    const app = sameRegionAs(graph, shopTiers(graph).app.members, caches(graph));
    if (app.length === 0) {
      return absent({
        required: {
          en: 'No APP tier found: no Auto Scaling group sits behind an internal load balancer, so no server reads through the replica and the cache.',
          ko: 'APP 계층을 찾지 못했습니다. 내부 로드 밸런서 뒤에 있는 Auto Scaling 그룹이 없어 Read Replica와 캐시로 읽을 서버가 없습니다.',
        },
      });
    }
    if (readReplicas(graph).length === 0 && graph.ofType('AWS::RDS::DBCluster').length === 0) {
      return absent({
        required: {
          en: 'No read replica: event-day reads need one. Turn on the replica (rds.DatabaseInstanceReadReplica in the isolated subnets) and hand its endpoint to the APP servers.',
          ko: 'Read Replica가 없습니다. 이벤트 날의 읽기에는 Read Replica가 필요합니다. 격리 서브넷에 rds.DatabaseInstanceReadReplica를 켜고 그 엔드포인트를 APP 서버에 넘기세요.',
        },
      });
    }
    if (caches(graph).length === 0) return absent({ thing: CACHE, reportedBy: 'cache-multi-az-failover' });
    const deferred: CannotEvaluate[] = [];
    const read = (value: unknown, what: string): EndpointUse[] => {
      try {
        return endpointsIn(graph, value, what);
      } catch (error) {
        if (!(error instanceof CannotEvaluate) || error.parameters.length === 0) throw error;
        deferred.push(error);
        return [];
      }
    };
    const parameters = ssmParameters(graph).map((parameter) => ({
      parameter,
      uses: read(graph.prop(parameter, 'Value'), `SSM parameter ${parameter.id} Value`),
    }));
    const problems: Problem[] = [];
    const hardCoded: Handed[] = parameters.flatMap(({ parameter, uses }) =>
      uses.filter((use) => use.hardCoded).map((use) => ({ ...use, via: parameter })),
    );
    const groups = app.map((asg) => {
      const direct: Handed[] = read(userDataOf(graph, asg), `user data of APP group ${asg.id}`);
      hardCoded.push(...direct.filter((use) => use.hardCoded));
      const readable = parameters.filter(({ parameter }) => groupMayReadParameter(graph, asg, parameter));
      const handed: Handed[] = [...direct, ...readable.flatMap(({ parameter, uses }) => uses.map((use) => ({ ...use, via: parameter })))];
      const unreadable = parameters.filter((entry) => !readable.includes(entry) && entry.uses.some((use) => !use.hardCoded));
      return { asg, handed: handed.filter((use) => !use.hardCoded), unreadable: unreadable.map((entry) => entry.parameter) };
    });
    for (const use of hardCoded) problems.push(hardCodedProblem(use));
    for (const { asg, handed, unreadable } of groups) {
      const reader = handed.find((use) => use.role === 'reader');
      const cache = handed.find((use) => use.role === 'cache');
      if (unreadable.length > 0 && (!reader || !cache)) {
        const ids = unreadable.map((parameter) => parameter.id).join(', ');
        problems.push({
          en: `SSM parameter ${ids} holds an endpoint, but the role of APP group ${asg.id} may not read it: grant it with parameter.grantRead(app.role).`,
          ko: `SSM 파라미터 ${ids}에 엔드포인트가 있지만 APP 그룹 ${asg.id}의 역할이 읽을 수 없습니다. parameter.grantRead(app.role)로 권한을 주세요.`,
          resources: [asg.id, ...unreadable.map((parameter) => parameter.id)],
        });
      }
      if (!reader) problems.push(missingReader(asg, handed));
      if (!cache) {
        problems.push({
          en: `APP group ${asg.id} is never given the cache endpoint: put the replication group's endpoint (cache.attrPrimaryEndPointAddress) in an SSM parameter its role may read, or in its user data.`,
          ko: `APP 그룹 ${withParticle(asg.id, '은/는')} 캐시 엔드포인트를 받지 못합니다. 복제 그룹의 엔드포인트(cache.attrPrimaryEndPointAddress)를 역할이 읽을 수 있는 SSM 파라미터나 사용자 데이터에 넣으세요.`,
          resources: [asg.id],
        });
      }
    }
    if (problems.length > 0 && deferred.length > 0 && hardCoded.length === 0) throw deferred[0];
    if (problems.length > 0) return failWith(problems);
    const summary = groups.map(({ asg, handed }) => describeGroup(graph, asg, handed));
    return {
      status: 'PASS',
      message: {
        en: `The APP servers read through configuration: ${summary.map((entry) => entry.en).join('; ')}.`,
        ko: `APP 서버가 설정으로 읽기 경로를 받습니다: ${summary.map((entry) => entry.ko).join('; ')}.`,
      },
      resources: [
        ...app.map((asg) => asg.id),
        ...groups.flatMap(({ handed }) => handed.flatMap((use) => (use.resource ? [use.resource.id] : []))),
      ],
    };
  },
};

function hardCodedProblem(use: Handed): Problem {
  const where = use.via
    ? { en: `SSM parameter ${use.via.id}`, ko: `SSM 파라미터 ${use.via.id}` }
    : { en: 'the APP user data', ko: 'APP 사용자 데이터' };
  return {
    en: `${where.en} hard-codes the host name ${use.hardCoded}: a replaced replica or cache gets a new one and the servers silently keep the old. Hand over the reference (replica.dbInstanceEndpointAddress, cache.attrPrimaryEndPointAddress) instead.`,
    ko: `${where.ko}에 호스트 이름 ${withParticle(use.hardCoded ?? '', '이/가')} 직접 적혀 있습니다. Read Replica나 캐시가 교체되면 이름이 바뀌는데 서버는 옛 이름을 그대로 씁니다. 대신 참조(replica.dbInstanceEndpointAddress, cache.attrPrimaryEndPointAddress)를 넘기세요.`,
    resources: use.via ? [use.via.id] : [],
  };
}

function missingReader(asg: Resource, handed: readonly Handed[]): Problem {
  const writer = handed.find((use) => use.role === 'writer');
  if (writer) {
    return {
      en: `APP group ${asg.id} gets only the writer endpoint (${writer.resource?.id}), so every read still goes to the primary: hand over the read replica's endpoint (replica.dbInstanceEndpointAddress) as the reader.`,
      ko: `APP 그룹 ${withParticle(asg.id, '은/는')} 쓰기 엔드포인트(${writer.resource?.id})만 받아서 모든 읽기가 여전히 기본 인스턴스로 갑니다. Read Replica 엔드포인트(replica.dbInstanceEndpointAddress)를 읽기용으로 넘기세요.`,
      resources: [asg.id],
    };
  }
  return {
    en: `APP group ${asg.id} is never given the read replica's endpoint: put replica.dbInstanceEndpointAddress in an SSM parameter its role may read, or in its user data.`,
    ko: `APP 그룹 ${withParticle(asg.id, '은/는')} Read Replica 엔드포인트를 받지 못합니다. replica.dbInstanceEndpointAddress를 역할이 읽을 수 있는 SSM 파라미터나 사용자 데이터에 넣으세요.`,
    resources: [asg.id],
  };
}

function describeGroup(graph: ResourceGraph, asg: Resource, handed: readonly Handed[]): { en: string; ko: string } {
  const pick = (role: EndpointUse['role']): Handed => handed.find((use) => use.role === role)!;
  const through = (use: Handed): { en: string; ko: string } =>
    use.via
      ? { en: `${use.resource?.id} via ${use.via.id}`, ko: `${use.resource?.id}(${use.via.id})` }
      : { en: `${use.resource?.id} in the user data`, ko: `${use.resource?.id}(사용자 데이터)` };
  const reader = through(pick('reader'));
  const cache = through(pick('cache'));
  const mode = graph.kind === 'live' ? { en: ' (deployed values)', ko: '(배포된 값)' } : { en: '', ko: '' };
  return {
    en: `${asg.id} reads replica ${reader.en} and cache ${cache.en}${mode.en}`,
    ko: `${asg.id}: Read Replica ${reader.ko}, 캐시 ${cache.ko}${mode.ko}`,
  };
}
