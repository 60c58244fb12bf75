import { absent } from '../absent';
import { failWith } from '../problems';
import { applicationLoadBalancers } from '../../model/queries/compute';
import { describePorts, ingressRules, isAnywhere, securityGroupsOf } from '../../model/queries/security-groups';
import type { Rule } from '../types';

/** Nothing accepts traffic from the whole internet except the external ALB on 80 and 443. */
export const noOpenIngress: Rule = {
  id: 'no-open-ingress',
  area: 'security',
  title: {
    en: 'Nothing accepts traffic from 0.0.0.0/0 except the external ALB on ports 80 and 443',
    ko: '외부 ALB의 80, 443 포트 말고는 0.0.0.0/0의 트래픽을 받는 것이 없다',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: 'Every rule open to the whole internet is a door that scanners find within minutes. The shop needs exactly one: the load balancer’s HTTP and HTTPS listeners.',
    ko: '인터넷 전체에 열린 규칙은 모두 스캐너가 몇 분 안에 찾는 문입니다. 쇼핑몰에 필요한 문은 단 하나, 로드 밸런서의 HTTP·HTTPS 리스너입니다.',
  },
  fix: {
    en: 'Remove ec2.Peer.anyIpv4() / anyIpv6() rules everywhere but the external ALB’s security group; SSH goes through the bastion from the AdminCidr range.',
    ko: '외부 ALB 보안 그룹 말고는 ec2.Peer.anyIpv4() / anyIpv6() 규칙을 모두 지우세요. SSH는 AdminCidr 범위에서 Bastion으로만 들어옵니다.',
  },
  guide: { lab: 'security-review', section: 'open-ingress' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: VPC에 대한 보안 컨설팅' },
  modes: ['template', 'live'],
  services: ['ec2', 'elbv2'],
  evaluate({ graph }) {
    const groups = graph.ofType('AWS::EC2::SecurityGroup');
    if (groups.length === 0) return absent({ thing: { en: 'security groups', ko: '보안 그룹' }, nothingToCheck: true });
    const front = new Set(applicationLoadBalancers(graph, 'internet-facing').flatMap((lb) => securityGroupsOf(graph, lb)));
    const open = groups.flatMap((group) => ingressRules(graph, group)).filter((rule) => isAnywhere(rule.source));
    const allowed = open.filter(
      (rule) =>
        front.has(rule.group) &&
        rule.protocol === 'tcp' &&
        rule.fromPort === rule.toPort &&
        (rule.fromPort === 80 || rule.fromPort === 443),
    );
    const bad = open.filter((rule) => !allowed.includes(rule));
    if (bad.length > 0) {
      return failWith(
        bad.map((rule) => {
          const cidr = rule.source.kind === 'cidr' ? rule.source.cidr : '';
          return {
            en: `Open to the whole internet: ${rule.group.id} ${describePorts(rule).en} from ${cidr}.`,
            ko: `인터넷 전체에 열려 있습니다: ${rule.group.id} ${describePorts(rule).ko} (${cidr}).`,
            resources: [rule.declaredBy.id],
          };
        }),
      );
    }
    return {
      status: 'PASS',
      message: {
        en:
          allowed.length > 0
            ? `Only the external ALB is open to the internet (${allowed.map((rule) => describePorts(rule).en).join(', ')}).`
            : 'Nothing is open to the whole internet.',
        ko:
          allowed.length > 0
            ? `인터넷에 열린 것은 외부 ALB뿐입니다(${allowed.map((rule) => describePorts(rule).ko).join(', ')}).`
            : '인터넷 전체에 열린 것이 없습니다.',
      },
      resources: allowed.map((rule) => rule.group.id),
    };
  },
};
