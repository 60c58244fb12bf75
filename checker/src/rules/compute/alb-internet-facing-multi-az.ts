import { applicationLoadBalancers, listenerPorts, loadBalancerSubnets } from '../../model/queries/compute';
import { azsOf, subnetKind } from '../../model/queries/network';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

/** An internet-facing Application Load Balancer spans public subnets in at least two AZs. */
export const albInternetFacingMultiAz: Rule = {
  id: 'alb-internet-facing-multi-az',
  area: 'compute',
  title: {
    en: 'An internet-facing Application Load Balancer listens in public subnets of at least two AZs',
    ko: '인터넷용 Application Load Balancer가 두 개 이상 AZ의 퍼블릭 서브넷에서 요청을 받는다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: "The load balancer is the shop's front door. An ELB must be placed in at least two AZs so that when one AZ fails, its node in the other AZ keeps taking orders; it must sit in public subnets so customers on the internet can reach it.",
    ko: '로드 밸런서는 쇼핑몰의 정문입니다. ELB는 가용성을 위해 두 개 이상의 AZ에 두어야 한 AZ에 장애가 나도 다른 AZ의 노드가 계속 주문을 받고, 인터넷의 고객이 닿을 수 있도록 퍼블릭 서브넷에 있어야 합니다.',
  },
  fix: {
    en: "new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }) with a listener on port 80 (VPC with maxAzs: 2).",
    ko: "new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } })를 만들고 80 포트 리스너를 추가하세요(VPC는 maxAzs: 2).",
  },
  guide: { lab: 'vpc-migration', section: 'the-internet-facing-alb' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-1-2' },
  modes: ['template', 'live'],
  services: ['elbv2', 'ec2'],
  evaluate({ graph }) {
    const albs = applicationLoadBalancers(graph, 'internet-facing');
    if (albs.length === 0) {
      const internal = applicationLoadBalancers(graph, 'internal');
      return failWith([
        {
          ...(internal.length > 0
            ? {
                en: `Every Application Load Balancer is internal (${internal.map((lb) => lb.id).join(', ')}), so customers cannot reach the shop: make the front one internetFacing: true in the public subnets.`,
                ko: `모든 Application Load Balancer가 내부용(${internal.map((lb) => lb.id).join(', ')})이라서 고객이 쇼핑몰에 닿을 수 없습니다. 앞단 로드 밸런서를 퍼블릭 서브넷에 internetFacing: true로 만드세요.`,
              }
            : {
                en: 'There is no internet-facing Application Load Balancer: add one in the public subnets to spread requests over the WEB servers.',
                ko: '인터넷용 Application Load Balancer가 없습니다. 퍼블릭 서브넷에 만들어 WEB 서버로 요청을 분산하세요.',
              }),
          resources: internal.map((lb) => lb.id),
        },
      ]);
    }
    const problems: Problem[] = [];
    for (const lb of albs) {
      const subnets = loadBalancerSubnets(graph, lb);
      for (const subnet of subnets.filter((candidate) => subnetKind(graph, candidate) !== 'public')) {
        problems.push({
          en: `Load balancer ${lb.id} is internet-facing but sits in subnet ${subnet.id}, which has no route to the internet gateway: customers cannot reach it there. Use the public subnets.`,
          ko: `로드 밸런서 ${withParticle(lb.id, '은/는')} 인터넷용인데 인터넷 게이트웨이 경로가 없는 서브넷 ${subnet.id}에 있어 고객이 닿을 수 없습니다. 퍼블릭 서브넷을 쓰세요.`,
          resources: [lb.id, subnet.id],
        });
      }
      const azs = azsOf(graph, subnets);
      if (azs.length < 2) {
        problems.push({
          en: `Load balancer ${lb.id} spans ${azs.length === 0 ? 'no AZ' : `only ${azs[0]}`}: an ELB needs subnets in at least two AZs so one AZ can fail.`,
          ko: `로드 밸런서 ${withParticle(lb.id, '이/가')} ${azs.length === 0 ? '어떤 AZ에도 걸쳐 있지 않습니다' : `${azs[0]} 하나에만 걸쳐 있습니다`}. 한 AZ에 장애가 나도 버티려면 ELB는 두 개 이상 AZ의 서브넷에 있어야 합니다.`,
          resources: [lb.id],
        });
      }
      if (listenerPorts(graph, lb).length === 0) {
        problems.push({
          en: `Load balancer ${lb.id} has no listener, so it accepts no requests: add a listener on port 80 that forwards to the WEB servers.`,
          ko: `로드 밸런서 ${lb.id}에 리스너가 없어 요청을 받지 못합니다. WEB 서버로 전달하는 80 포트 리스너를 추가하세요.`,
          resources: [lb.id],
        });
      }
    }
    if (problems.length > 0) return failWith(problems);
    const lb = albs[0];
    const azs = azsOf(graph, loadBalancerSubnets(graph, lb));
    const ports = listenerPorts(graph, lb).join(', ');
    return {
      status: 'PASS',
      message: {
        en: `Load balancer ${lb.id} is internet-facing, listens on ${ports} and spans public subnets in ${azs.length} AZs (${azs.join(', ')}).`,
        ko: `로드 밸런서 ${withParticle(lb.id, '은/는')} 인터넷용이고 ${ports} 포트에서 요청을 받으며 AZ ${azs.length}개(${azs.join(', ')})의 퍼블릭 서브넷에 걸쳐 있습니다.`,
      },
      resources: albs.map((candidate) => candidate.id),
    };
  },
};
