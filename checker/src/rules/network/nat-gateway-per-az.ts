import { autoScalingGroupSubnets } from '../../model/queries/compute';
import {
  DEFAULT_ROUTE,
  describeRouteTarget,
  shopVpc,
  subnetAz,
  subnetKind,
  subnetOf,
  subnetRouting,
  subnetsOf,
} from '../../model/queries/network';
import { stringProp } from '../../model/queries/values';
import { CannotEvaluate, type Resource } from '../../model/types';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

/** Each AZ has its own NAT gateway in a public subnet, and private subnets route to the one in their AZ. */
export const natGatewayPerAz: Rule = {
  id: 'nat-gateway-per-az',
  area: 'network',
  title: {
    en: "Each AZ has a NAT gateway in its public subnet, and each private subnet routes 0.0.0.0/0 to its own AZ's NAT gateway",
    ko: 'AZ마다 퍼블릭 서브넷에 NAT 게이트웨이가 있고, 각 프라이빗 서브넷의 0.0.0.0/0 경로는 같은 AZ의 NAT 게이트웨이로 간다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Private servers reach the internet (for updates) only through a NAT gateway, which lets replies back in but no new connections. A NAT gateway lives in one AZ: if both AZs share it and its AZ fails, the other AZ loses its way out too, and traffic crossing AZs costs extra.',
    ko: '프라이빗 서버는 NAT 게이트웨이를 거쳐서만 (업데이트 등을 위해) 인터넷에 나갈 수 있고, NAT 게이트웨이는 응답만 들여보내고 새 연결은 막습니다. NAT 게이트웨이는 한 AZ에 있으므로 두 AZ가 하나를 같이 쓰다가 그 AZ에 장애가 나면 다른 AZ도 밖으로 나갈 길을 잃고, AZ를 넘나드는 트래픽에는 추가 요금도 붙습니다.',
  },
  fix: {
    en: 'ec2.Vpc with natGateways equal to the number of AZs (natGateways: 2 for maxAzs: 2). By hand: one AWS::EC2::NatGateway per public subnet, and in each private route table a 0.0.0.0/0 route whose NatGatewayId is the NAT gateway of the same AZ.',
    ko: 'ec2.Vpc의 natGateways를 AZ 수와 같게 주세요(maxAzs: 2라면 natGateways: 2). 직접 만든다면 퍼블릭 서브넷마다 AWS::EC2::NatGateway를 하나씩 두고, 각 프라이빗 라우팅 테이블에 같은 AZ의 NAT 게이트웨이를 NatGatewayId로 하는 0.0.0.0/0 경로를 넣으세요.',
  },
  guide: { lab: 'vpc-migration', section: 'one-nat-gateway-per-az' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-2-7' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const vpc = shopVpc(graph);
    const subnets = vpc ? subnetsOf(graph, vpc) : [];
    const checked = new Set<Resource>(subnets.filter((subnet) => subnetKind(graph, subnet) === 'private'));
    // Servers need a way out even when their subnet has none.
    for (const asg of graph.ofType('AWS::AutoScaling::AutoScalingGroup')) {
      for (const subnet of autoScalingGroupSubnets(graph, asg)) if (subnetKind(graph, subnet) === 'isolated') checked.add(subnet);
    }
    if (checked.size === 0) {
      return failWith([
        {
          en: `No private subnet sends ${DEFAULT_ROUTE} to a NAT gateway, so private servers cannot reach the internet for updates. Add PRIVATE_WITH_EGRESS subnets and one NAT gateway per AZ (natGateways: 2).`,
          ko: `${withParticle(DEFAULT_ROUTE, '을/를')} NAT 게이트웨이로 보내는 프라이빗 서브넷이 없어서 프라이빗 서버가 업데이트를 위해 인터넷에 나갈 수 없습니다. PRIVATE_WITH_EGRESS 서브넷과 AZ마다 NAT 게이트웨이 하나(natGateways: 2)를 추가하세요.`,
          resources: subnets.map((subnet) => subnet.id),
        },
      ]);
    }

    const problems: Problem[] = [];
    const natsByAz = new Map<string, Set<string>>();
    for (const subnet of checked) {
      const az = subnetAz(graph, subnet);
      const route = subnetRouting(graph, subnet).defaultRoute;
      if (!route) {
        problems.push({
          en: `Subnet ${subnet.id} (${az}) holds Auto Scaling servers but has no ${DEFAULT_ROUTE} route: they cannot download updates. Route it to the NAT gateway in ${az}.`,
          ko: `서브넷 ${subnet.id}(${az})에 Auto Scaling 서버가 있지만 ${DEFAULT_ROUTE} 경로가 없어 업데이트를 받을 수 없습니다. ${az}의 NAT 게이트웨이로 라우팅하세요.`,
          resources: [subnet.id],
        });
        continue;
      }
      if (route.target.kind !== 'nat-gateway') {
        const target = describeRouteTarget(route.target);
        problems.push({
          en: `Private subnet ${subnet.id} (${az}) sends ${DEFAULT_ROUTE} to ${target.en}, not to a NAT gateway: use a managed NAT gateway in ${az}.`,
          ko: `프라이빗 서브넷 ${withParticle(`${subnet.id}(${az})`, '이/가')} ${withParticle(DEFAULT_ROUTE, '을/를')} NAT 게이트웨이가 아닌 ${withParticle(target.ko, '으로/로')} 보냅니다. ${az}의 관리형 NAT 게이트웨이를 쓰세요.`,
          resources: [subnet.id],
        });
        continue;
      }
      const nat = route.target.resource;
      if (!nat) throw new CannotEvaluate(`NAT gateway ${route.target.id} used by subnet ${subnet.id} is not in this stack`);
      const natSubnet = subnetOf(graph, nat);
      if (!natSubnet) throw new CannotEvaluate(`NAT gateway ${nat.id} has no subnet in this stack`);
      const natAz = subnetAz(graph, natSubnet);
      natsByAz.set(natAz, (natsByAz.get(natAz) ?? new Set()).add(nat.id));
      if (stringProp(graph, nat, 'ConnectivityType') === 'private') {
        problems.push({
          en: `NAT gateway ${nat.id} is a private NAT gateway: it cannot reach the internet. Leave ConnectivityType at public.`,
          ko: `NAT 게이트웨이 ${withParticle(nat.id, '은/는')} 프라이빗 NAT 게이트웨이라서 인터넷에 나갈 수 없습니다. ConnectivityType을 public으로 두세요.`,
          resources: [nat.id],
        });
      } else if (subnetKind(graph, natSubnet) !== 'public') {
        problems.push({
          en: `NAT gateway ${nat.id} sits in subnet ${natSubnet.id}, which has no route to the internet gateway: put it in the public subnet of ${natAz}.`,
          ko: `NAT 게이트웨이 ${withParticle(nat.id, '이/가')} 인터넷 게이트웨이 경로가 없는 서브넷 ${natSubnet.id}에 있습니다. ${natAz}의 퍼블릭 서브넷에 두세요.`,
          resources: [nat.id, natSubnet.id],
        });
      }
      if (natAz !== az) {
        problems.push({
          en: `Private subnet ${subnet.id} in ${az} sends ${DEFAULT_ROUTE} to NAT gateway ${nat.id} in ${natAz}: if ${natAz} fails, ${az} loses its way out too. Add a NAT gateway in ${az}'s public subnet and route to it.`,
          ko: `${az}의 프라이빗 서브넷 ${withParticle(subnet.id, '이/가')} ${withParticle(DEFAULT_ROUTE, '을/를')} ${natAz}의 NAT 게이트웨이 ${withParticle(nat.id, '으로/로')} 보냅니다. ${natAz}에 장애가 나면 ${az}도 밖으로 나갈 길을 잃습니다. ${az}의 퍼블릭 서브넷에 NAT 게이트웨이를 추가하고 그쪽으로 라우팅하세요.`,
          resources: [subnet.id, nat.id],
        });
      }
    }
    if (problems.length > 0) return failWith(problems);
    const azs = [...natsByAz.keys()].sort();
    const pairs = azs.map((az) => `${az}: ${[...natsByAz.get(az)!].join(', ')}`).join('; ');
    return {
      status: 'PASS',
      message: {
        en: `Every private subnet routes ${DEFAULT_ROUTE} to the NAT gateway of its own AZ (${pairs}), each in a public subnet.`,
        ko: `모든 프라이빗 서브넷이 ${withParticle(DEFAULT_ROUTE, '을/를')} 같은 AZ의 NAT 게이트웨이로 보내고(${pairs}), NAT 게이트웨이는 각각 퍼블릭 서브넷에 있습니다.`,
      },
      resources: [...checked].map((subnet) => subnet.id),
    };
  },
};
