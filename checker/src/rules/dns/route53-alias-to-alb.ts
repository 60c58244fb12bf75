import { absent } from '../absent';
import { failWith } from '../problems';
import { applicationLoadBalancers } from '../../model/queries/compute';
import { aliasPointsAt, dnsRecords } from '../../model/queries/dns';
import type { Rule } from '../types';
import { withParticle } from '../korean';

/** Stretch task: a Route 53 alias record sends the shop's domain to the internet-facing ALB. */
export const route53AliasToAlb: Rule = {
  id: 'route53-alias-to-alb',
  area: 'dns',
  title: {
    en: "A Route 53 alias A record sends the shop's domain to the internet-facing ALB",
    ko: 'Route 53 별칭(alias) A 레코드가 쇼핑몰 도메인을 인터넷용 ALB로 보낸다',
  },
  severity: 'low',
  points: 5,
  optional: true,
  why: {
    en: "Route 53 turns the shop's domain name into addresses. An ALB's IP addresses change as it scales, so a plain A record with fixed IPs breaks; an alias record follows the ALB automatically, answers at the zone apex (shop.example.com) and costs nothing per query.",
    ko: 'Route 53은 쇼핑몰 도메인 이름을 IP 주소로 바꿔 줍니다. ALB의 IP 주소는 확장할 때마다 바뀌므로 고정 IP를 넣은 일반 A 레코드는 곧 깨집니다. 별칭(alias) 레코드는 ALB를 자동으로 따라가고, 도메인 최상위(shop.example.com)에도 쓸 수 있으며, 조회 요금도 없습니다.',
  },
  fix: {
    en: "new route53.ARecord(this, 'Shop', { zone, target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb)) }) in a route53.PublicHostedZone.",
    ko: "route53.PublicHostedZone에 new route53.ARecord(this, 'Shop', { zone, target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb)) })를 추가하세요.",
  },
  guide: { lab: 'vpc-migration', section: 'stretch-route-53-alias' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-1-4' },
  modes: ['template', 'live'],
  services: ['route53', 'elbv2'],
  evaluate({ graph }) {
    const zones = graph.ofType('AWS::Route53::HostedZone');
    if (zones.length === 0) {
      return absent({
        thing: { en: 'Route 53 hosted zone', ko: 'Route 53 호스팅 영역' },
        optional: {
          en: 'To try it, add a hosted zone for your domain and an alias A record to the internet-facing ALB.',
          ko: '해 보려면 도메인의 호스팅 영역과 인터넷용 ALB를 가리키는 별칭 A 레코드를 추가하세요.',
        },
      });
    }
    const albs = applicationLoadBalancers(graph, 'internet-facing');
    const all = dnsRecords(graph);
    const aliases = all.filter(
      (record) => (record.type === 'A' || record.type === 'AAAA') && albs.some((lb) => aliasPointsAt(graph, record.aliasDnsName, lb)),
    );
    if (aliases.length > 0) {
      const record = aliases[0];
      const lb = albs.find((candidate) => aliasPointsAt(graph, record.aliasDnsName, candidate))!;
      return {
        status: 'PASS',
        message: {
          en: `Alias ${record.type} record ${record.name} (${record.owner.id}) sends the domain to load balancer ${lb.id}.`,
          ko: `별칭 ${record.type} 레코드 ${withParticle(`${record.name}(${record.owner.id})`, '이/가')} 도메인을 로드 밸런서 ${withParticle(lb.id, '으로/로')} 보냅니다.`,
        },
        resources: [record.owner.id, lb.id],
      };
    }
    const zone = zones[0];
    if (albs.length === 0) {
      return failWith([
        {
          en: `Hosted zone ${zone.id} exists but there is no internet-facing ALB for its alias record to point at.`,
          ko: `호스팅 영역 ${withParticle(zone.id, '은/는')} 있지만 별칭 레코드가 가리킬 인터넷용 ALB가 없습니다.`,
          resources: [zone.id],
        },
      ]);
    }
    const fixed = all.find((record) => record.type === 'A' && record.aliasDnsName === undefined);
    return failWith([
      {
        ...(fixed
          ? {
              en: `Record ${fixed.name} (${fixed.owner.id}) lists fixed IP addresses, but the ALB's addresses change as it scales: make it an alias record to load balancer ${albs[0].id}.`,
              ko: `레코드 ${fixed.name}(${fixed.owner.id})에 고정 IP 주소가 적혀 있지만 ALB의 주소는 확장할 때마다 바뀝니다. 로드 밸런서 ${withParticle(albs[0].id, '을/를')} 가리키는 별칭 레코드로 바꾸세요.`,
            }
          : {
              en: `Hosted zone ${zone.id} has no alias A record pointing at load balancer ${albs[0].id}: add route53.ARecord with RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb)).`,
              ko: `호스팅 영역 ${zone.id}에 로드 밸런서 ${withParticle(albs[0].id, '을/를')} 가리키는 별칭 A 레코드가 없습니다. RecordTarget.fromAlias(new targets.LoadBalancerTarget(alb))로 route53.ARecord를 추가하세요.`,
            }),
        resources: [zone.id, albs[0].id, ...(fixed ? [fixed.owner.id] : [])],
      },
    ]);
  },
};
