import { applicationLoadBalancers } from '../../model/queries/compute';
import { aliasPointsAt } from '../../model/queries/dns';
import { healthCheckOf, routedRecords, type RoutedRecord } from '../../model/queries/routing';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** Route 53 sends each customer to the nearest (or the surviving) Region's ALB, and only while it is healthy. */
export const route53LatencyHealthChecked: Rule = {
  id: 'route53-latency-health-checked',
  area: 'dns',
  title: {
    en: "Latency (or failover) records for one name point at both Regions' internet-facing ALBs, each health-checked",
    ko: '한 이름의 지연 시간(또는 장애 조치) 레코드가 두 리전의 인터넷용 ALB를 가리키고, 각각 상태 확인을 받는다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Two Regions only help if customers reach the right one. Latency records answer each customer with the Region that is fastest for them (Tokyo for Japan, Seoul for Korea); failover records send everyone to the standby when the primary fails. Either way Route 53 must know when a Region is down: a health check (or EvaluateTargetHealth on an alias) drops it from the answers.',
    ko: '리전이 둘이어도 고객이 알맞은 곳에 닿아야 의미가 있습니다. 지연 시간 레코드는 고객마다 가장 빠른 리전(일본은 도쿄, 한국은 서울)으로 답하고, 장애 조치 레코드는 주 리전이 죽으면 모두를 대기 리전으로 보냅니다. 어느 쪽이든 Route 53이 리전이 죽었음을 알아야 합니다. 상태 확인(또는 별칭의 EvaluateTargetHealth)이 그 리전을 답에서 뺍니다.',
  },
  fix: {
    en: "For each Region: new route53.HealthCheck(this, 'Hc', { type: route53.HealthCheckType.HTTP, fqdn: alb.loadBalancerDnsName, resourcePath: '/health' }) and new route53.ARecord(this, 'Rec', { zone, recordName: 'api', region: '<Region>', setIdentifier: '<Region>', healthCheck, target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb)) }) (or failover: PRIMARY / SECONDARY).",
    ko: "리전마다 new route53.HealthCheck(this, 'Hc', { type: route53.HealthCheckType.HTTP, fqdn: alb.loadBalancerDnsName, resourcePath: '/health' })와 new route53.ARecord(this, 'Rec', { zone, recordName: 'api', region: '<리전>', setIdentifier: '<리전>', healthCheck, target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb)) })를 만드세요(또는 failover: PRIMARY / SECONDARY).",
  },
  guide: { lab: 'global-expansion', section: 'latency-routing' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 동영상, 이미지 3TB 이상, 글로벌 확장 계획' },
  modes: ['template', 'live'],
  services: ['route53', 'elbv2'],
  evaluate({ graph }) {
    const records = routedRecords(graph);
    const albs = applicationLoadBalancers(graph, 'internet-facing');
    if (records.length === 0) {
      return failWith([
        {
          en: 'There is no latency or failover record: every customer gets the same Region whatever their distance or that Region’s health. Add one record per Region under the same name, each with region (or failover) and a health check.',
          ko: '지연 시간이나 장애 조치 레코드가 없어 거리나 리전 상태와 상관없이 모든 고객이 같은 리전으로 갑니다. 같은 이름으로 리전마다 레코드를 하나씩, region(또는 failover)과 상태 확인을 주어 추가하세요.',
          resources: [],
        },
      ]);
    }
    const byName = new Map<string, RoutedRecord[]>();
    for (const record of records)
      byName.set(`${record.name} ${record.type}`, [...(byName.get(`${record.name} ${record.type}`) ?? []), record]);
    const verdicts = [...byName.values()].map((group) => judgeGroup(graph, group, albs));
    const passed = verdicts.find((verdict) => verdict.problems.length === 0);
    if (!passed) return failWith(verdicts.flatMap((verdict) => verdict.problems));
    return {
      status: 'PASS',
      message: {
        en: `Route 53 routes ${passed.name} by ${passed.policy} to ${passed.described}, each health-checked.`,
        ko: `Route 53이 ${withParticle(passed.name, '을/를')} ${passed.policy === 'latency' ? '지연 시간' : '장애 조치'} 기준으로 ${passed.described}에 보내고, 각각 상태 확인을 받습니다.`,
      },
      resources: passed.resources,
    };
  },
};

function judgeGroup(
  graph: ResourceGraph,
  group: readonly RoutedRecord[],
  albs: readonly Resource[],
): { problems: Problem[]; name: string; policy: string; described: string; resources: string[] } {
  const name = group[0].name;
  const owners = [...new Set(group.map((record) => record.owner.id))];
  const problems: Problem[] = [];
  const targets = group.map((record) => ({ record, alb: albs.find((lb) => aliasPointsAt(graph, record.target, lb)) }));
  const regions = new Set(targets.flatMap(({ alb }) => (alb ? [graph.placement(alb).region] : [])));
  if (regions.size < 2) {
    problems.push({
      en: `Records for ${name} reach the internet-facing ALB of ${regions.size === 0 ? 'no Region' : 'one Region only'}: point one record at the primary Region's ALB and one at the secondary Region's.`,
      ko: `${name} 레코드가 ${regions.size === 0 ? '어느 리전의 인터넷용 ALB도 가리키지 않습니다' : '한 리전의 인터넷용 ALB만 가리킵니다'}. 레코드 하나는 주 리전의 ALB를, 하나는 보조 리전의 ALB를 가리키게 하세요.`,
      resources: owners,
    });
  }
  for (const { record } of targets) {
    const check = healthCheckOf(graph, record);
    const hasCheck = check !== undefined || (typeof record.healthCheck === 'string' && record.healthCheck !== '');
    if (!hasCheck && !record.evaluateTargetHealth) {
      problems.push({
        en: `Record ${name} (${record.label}) has no health check and does not evaluate its alias target's health: Route 53 keeps answering with that Region after it fails. Give it a health check of the ALB (or EvaluateTargetHealth on the alias).`,
        ko: `레코드 ${name}(${record.label})에 상태 확인이 없고 별칭 대상의 상태도 보지 않아, 그 리전이 죽은 뒤에도 Route 53이 계속 그곳으로 답합니다. ALB 상태 확인(또는 별칭의 EvaluateTargetHealth)을 주세요.`,
        resources: [record.owner.id],
      });
    }
  }
  const described = targets.map(({ record, alb }) => `${alb?.id ?? '?'} (${record.label})`).join(', ');
  return {
    problems,
    name,
    policy: group[0].policy,
    described,
    resources: [...owners, ...targets.flatMap(({ alb }) => (alb ? [alb.id] : []))],
  };
}
