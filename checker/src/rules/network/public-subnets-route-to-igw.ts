import { applicationLoadBalancers, loadBalancerSubnets } from '../../model/queries/compute';
import {
  describeRouteTarget,
  internetGatewaysOf,
  shopVpc,
  subnetOf,
  subnetRouting,
  subnetsOf,
  DEFAULT_ROUTE,
} from '../../model/queries/network';
import { booleanProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

/** Public subnets send 0.0.0.0/0 to an internet gateway attached to the VPC. */
export const publicSubnetsRouteToIgw: Rule = {
  id: 'public-subnets-route-to-igw',
  area: 'network',
  title: {
    en: 'Public subnets send 0.0.0.0/0 to an internet gateway attached to the VPC',
    ko: '퍼블릭 서브넷의 0.0.0.0/0 경로가 VPC에 연결된 인터넷 게이트웨이로 간다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'A subnet is public only because its route table sends internet-bound traffic to the internet gateway. The load balancer and the NAT gateways live there; without that route, nothing answers from the internet and private servers cannot get updates.',
    ko: '서브넷은 라우팅 테이블이 인터넷으로 가는 트래픽을 인터넷 게이트웨이로 보낼 때에만 퍼블릭 서브넷이 됩니다. 로드 밸런서와 NAT 게이트웨이가 여기에 있으므로, 이 경로가 없으면 인터넷에서 아무도 응답을 받지 못하고 프라이빗 서버도 업데이트를 받을 수 없습니다.',
  },
  fix: {
    en: "Use a PUBLIC subnet configuration in ec2.Vpc (it creates the internet gateway, attaches it and adds the route). By hand: an AWS::EC2::InternetGateway, an AWS::EC2::VPCGatewayAttachment, and an AWS::EC2::Route 0.0.0.0/0 → GatewayId in each public subnet's route table.",
    ko: 'ec2.Vpc에 PUBLIC 서브넷 설정을 쓰세요(인터넷 게이트웨이 생성·연결·경로 추가를 해 줍니다). 직접 만든다면 AWS::EC2::InternetGateway, AWS::EC2::VPCGatewayAttachment, 그리고 각 퍼블릭 서브넷 라우팅 테이블에 0.0.0.0/0 → GatewayId인 AWS::EC2::Route가 필요합니다.',
  },
  guide: { lab: 'vpc-migration', section: 'internet-gateway-and-route-tables' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-2-6' },
  modes: ['template', 'live'],
  services: ['ec2', 'elbv2'],
  evaluate({ graph }) {
    const vpc = shopVpc(graph);
    if (!vpc) {
      return failWith([
        { en: 'The stack has no VPC, so it has no public subnet.', ko: '스택에 VPC가 없어서 퍼블릭 서브넷도 없습니다.', resources: [] },
      ]);
    }
    const gateways = internetGatewaysOf(graph, vpc);
    if (gateways.length === 0) {
      return failWith([
        {
          en: `No internet gateway is attached to VPC ${vpc.id}: nothing in it can talk to the internet. Add a PUBLIC subnet configuration (or an InternetGateway plus a VPCGatewayAttachment).`,
          ko: `VPC ${vpc.id}에 연결된 인터넷 게이트웨이가 없어서 VPC 안의 어떤 것도 인터넷과 통신할 수 없습니다. PUBLIC 서브넷 설정을 추가하세요(직접 만든다면 InternetGateway와 VPCGatewayAttachment).`,
          resources: [vpc.id],
        },
      ]);
    }
    const subnets = subnetsOf(graph, vpc);
    const routesToAttachedGateway = (subnet: Resource): boolean => {
      const route = subnetRouting(graph, subnet).defaultRoute;
      if (route?.target.kind !== 'internet-gateway') return false;
      // A gateway outside the graph (live mode, another stack) cannot be checked for attachment.
      return route.target.resource === undefined || gateways.includes(route.target.resource);
    };
    const publicSubnets = subnets.filter(routesToAttachedGateway);

    // Subnets that must be public because of what sits in them.
    const needs = new Map<Resource, Array<{ en: string; ko: string }>>();
    const need = (subnet: Resource, reason: { en: string; ko: string }): void => {
      if (subnets.includes(subnet)) needs.set(subnet, [...(needs.get(subnet) ?? []), reason]);
    };
    for (const nat of graph.ofType('AWS::EC2::NatGateway')) {
      const subnet = subnetOf(graph, nat);
      if (subnet) need(subnet, { en: `holds NAT gateway ${nat.id}`, ko: `NAT 게이트웨이 ${withParticle(nat.id, '이/가')} 있는` });
    }
    for (const lb of applicationLoadBalancers(graph, 'internet-facing')) {
      for (const subnet of loadBalancerSubnets(graph, lb))
        need(subnet, {
          en: `holds internet-facing load balancer ${lb.id}`,
          ko: `인터넷용 로드 밸런서 ${withParticle(lb.id, '이/가')} 있는`,
        });
    }
    for (const subnet of subnets) {
      if (!needs.has(subnet) && booleanProp(graph, subnet, 'MapPublicIpOnLaunch') === true) {
        need(subnet, {
          en: 'gives its instances public IP addresses (MapPublicIpOnLaunch)',
          ko: '인스턴스에 퍼블릭 IP를 주는(MapPublicIpOnLaunch)',
        });
      }
    }

    const problems: Problem[] = [];
    for (const [subnet, reasons] of needs) {
      if (routesToAttachedGateway(subnet)) continue;
      const reason = { en: reasons.map((r) => r.en).join(' and '), ko: reasons.map((r) => r.ko).join(', ') };
      const route = subnetRouting(graph, subnet).defaultRoute;
      const now = route
        ? {
            en: `sends ${DEFAULT_ROUTE} to ${describeRouteTarget(route.target).en}`,
            ko: `${withParticle(DEFAULT_ROUTE, '을/를')} ${withParticle(describeRouteTarget(route.target).ko, '으로/로')} 보냅니다`,
          }
        : { en: `has no ${DEFAULT_ROUTE} route`, ko: `${DEFAULT_ROUTE} 경로가 없습니다` };
      problems.push({
        en: `Subnet ${subnet.id} ${reason.en} but ${now.en}: route ${DEFAULT_ROUTE} to internet gateway ${gateways[0].id}.`,
        ko: `${reason.ko} 서브넷 ${withParticle(subnet.id, '이/가')} ${now.ko}. ${withParticle(DEFAULT_ROUTE, '을/를')} 인터넷 게이트웨이 ${withParticle(gateways[0].id, '으로/로')} 보내세요.`,
        resources: [subnet.id],
      });
    }
    if (publicSubnets.length === 0 && problems.length === 0) {
      problems.push({
        en: `No subnet of VPC ${vpc.id} sends ${DEFAULT_ROUTE} to internet gateway ${gateways[0].id}, so none is public. Add a route table with that route to the subnets of the load balancer and the NAT gateways.`,
        ko: `VPC ${vpc.id}의 어떤 서브넷도 ${withParticle(DEFAULT_ROUTE, '을/를')} 인터넷 게이트웨이 ${withParticle(gateways[0].id, '으로/로')} 보내지 않아 퍼블릭 서브넷이 없습니다. 로드 밸런서와 NAT 게이트웨이가 있는 서브넷의 라우팅 테이블에 이 경로를 추가하세요.`,
        resources: [vpc.id],
      });
    }
    if (problems.length > 0) return failWith(problems);
    return {
      status: 'PASS',
      message: {
        en: `${publicSubnets.length} public subnet(s) (${publicSubnets.map((s) => s.id).join(', ')}) send ${DEFAULT_ROUTE} to internet gateway ${gateways[0].id}, attached to VPC ${vpc.id}.`,
        ko: `퍼블릭 서브넷 ${publicSubnets.length}개(${publicSubnets.map((s) => s.id).join(', ')})가 ${withParticle(DEFAULT_ROUTE, '을/를')} VPC ${vpc.id}에 연결된 인터넷 게이트웨이 ${withParticle(gateways[0].id, '으로/로')} 보냅니다.`,
      },
      resources: [...publicSubnets.map((subnet) => subnet.id), gateways[0].id],
    };
  },
};
