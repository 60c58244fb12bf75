import { applicationLoadBalancers, autoScalingGroupSubnets, loadBalancerSubnets } from '../../model/queries/compute';
import { dbInstances, dbSubnets } from '../../model/queries/database';
import { describeRouteTarget, shopVpc, subnetRouting, subnetsOf, type Route } from '../../model/queries/network';
import type { Resource } from '../../model/types';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

/** The subnets of the servers, the internal load balancer and the database never route to the internet gateway. */
export const privateSubnetsNoIgwRoute: Rule = {
  id: 'private-subnets-no-igw-route',
  area: 'network',
  title: {
    en: 'Private and isolated subnets have no route to the internet gateway',
    ko: '프라이빗·격리 서브넷에는 인터넷 게이트웨이로 가는 경로가 없다',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: 'A route to the internet gateway is what makes a subnet public. The WEB and APP servers, the internal load balancer and the database belong in subnets the internet cannot reach; they go out, if at all, through a NAT gateway that lets no connection in.',
    ko: '인터넷 게이트웨이로 가는 경로가 서브넷을 퍼블릭으로 만듭니다. WEB·APP 서버, 내부 로드 밸런서, 데이터베이스는 인터넷에서 닿을 수 없는 서브넷에 있어야 하고, 밖으로 나갈 때는 들어오는 연결을 막는 NAT 게이트웨이를 거칩니다.',
  },
  fix: {
    en: 'Place the Auto Scaling groups and the internal ALB in PRIVATE_WITH_EGRESS subnets and the database in PRIVATE_ISOLATED subnets (vpcSubnets: { subnetType: ... }), and keep internet gateway routes out of their route tables.',
    ko: 'Auto Scaling 그룹과 내부 ALB는 PRIVATE_WITH_EGRESS 서브넷에, 데이터베이스는 PRIVATE_ISOLATED 서브넷에 두고(vpcSubnets: { subnetType: ... }), 이 서브넷들의 라우팅 테이블에는 인터넷 게이트웨이 경로를 넣지 마세요.',
  },
  guide: { lab: 'vpc-migration', section: 'private-and-isolated-subnets' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-2-5' },
  modes: ['template', 'live'],
  services: ['ec2', 'elbv2', 'autoscaling', 'rds'],
  evaluate({ graph }) {
    const users = new Map<Resource, Resource[]>();
    const use = (subnets: Resource[], user: Resource): void => {
      for (const subnet of subnets) users.set(subnet, [...(users.get(subnet) ?? []), user]);
    };
    for (const asg of graph.ofType('AWS::AutoScaling::AutoScalingGroup')) use(autoScalingGroupSubnets(graph, asg), asg);
    for (const lb of applicationLoadBalancers(graph, 'internal')) use(loadBalancerSubnets(graph, lb), lb);
    for (const db of [...dbInstances(graph), ...graph.ofType('AWS::RDS::DBCluster')]) use(dbSubnets(graph, db), db);

    if (users.size === 0) {
      const vpc = shopVpc(graph);
      const subnets = vpc ? subnetsOf(graph, vpc) : [];
      const privateOnes = subnets.filter((subnet) => subnetRouting(graph, subnet).internetGatewayRoutes.length === 0);
      if (privateOnes.length === 0) {
        return failWith([
          {
            en:
              subnets.length === 0
                ? 'The stack has no subnets yet: add private and isolated subnets for the servers and the database.'
                : 'Every subnet routes to the internet gateway: add private subnets for the servers and isolated subnets for the database.',
            ko:
              subnets.length === 0
                ? '스택에 아직 서브넷이 없습니다. 서버용 프라이빗 서브넷과 데이터베이스용 격리 서브넷을 추가하세요.'
                : '모든 서브넷이 인터넷 게이트웨이로 라우팅됩니다. 서버용 프라이빗 서브넷과 데이터베이스용 격리 서브넷을 추가하세요.',
            resources: subnets.map((subnet) => subnet.id),
          },
        ]);
      }
      return {
        status: 'PASS',
        message: {
          en: `${privateOnes.length} subnet(s) have no route to the internet gateway (${privateOnes.map((s) => s.id).join(', ')}); no servers or database are placed in them yet.`,
          ko: `서브넷 ${privateOnes.length}개에 인터넷 게이트웨이 경로가 없습니다(${privateOnes.map((s) => s.id).join(', ')}). 아직 서버나 데이터베이스는 배치되지 않았습니다.`,
        },
        resources: privateOnes.map((subnet) => subnet.id),
      };
    }

    // One problem per workload, listing every public subnet it uses.
    const exposed = new Map<Resource, Array<{ subnet: Resource; route: Route }>>();
    for (const [subnet, owners] of users) {
      const route = subnetRouting(graph, subnet).internetGatewayRoutes[0];
      if (!route) continue;
      for (const owner of owners) exposed.set(owner, [...(exposed.get(owner) ?? []), { subnet, route }]);
    }
    const problems: Problem[] = [...exposed].map(([owner, places]) => {
      const subnets = places.map(({ subnet }) => subnet.id).join(', ');
      const { route } = places[0];
      const target = describeRouteTarget(route.target);
      return {
        en: `${owner.id} uses subnet${places.length > 1 ? 's' : ''} ${subnets}, which send${places.length > 1 ? '' : 's'} ${route.destination} to ${target.en}: that makes ${places.length > 1 ? 'them' : 'it'} public. Move ${owner.id} to private or isolated subnets.`,
        ko: `${withParticle(owner.id, '이/가')} 쓰는 서브넷 ${withParticle(subnets, '이/가')} ${withParticle(route.destination, '을/를')} ${withParticle(target.ko, '으로/로')} 보내서 퍼블릭 서브넷이 됩니다. ${withParticle(owner.id, '을/를')} 프라이빗 또는 격리 서브넷으로 옮기세요.`,
        resources: [owner.id, ...places.map(({ subnet }) => subnet.id)],
      };
    });
    if (problems.length > 0) return failWith(problems);
    const subnets = [...users.keys()];
    return {
      status: 'PASS',
      message: {
        en: `None of the ${subnets.length} subnets holding servers, the internal load balancer or the database routes to the internet gateway.`,
        ko: `서버, 내부 로드 밸런서, 데이터베이스가 있는 서브넷 ${subnets.length}개 중 인터넷 게이트웨이로 라우팅되는 곳이 없습니다.`,
      },
      resources: subnets.map((subnet) => subnet.id),
    };
  },
};
