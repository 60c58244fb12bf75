import {
  applicationLoadBalancers,
  autoScalingGroupAzs,
  autoScalingGroupMinSize,
  autoScalingGroupSubnets,
  autoScalingGroupsBehind,
} from '../../model/queries/compute';
import { subnetKind } from '../../model/queries/network';
import { launchSpecOf } from '../../model/queries/security-groups';
import type { Resource } from '../../model/types';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

/** The WEB and APP Auto Scaling groups use launch templates and run in private subnets of two or more AZs. */
export const asgPrivateMultiAz: Rule = {
  id: 'asg-private-multi-az',
  area: 'compute',
  title: {
    en: 'The WEB and APP Auto Scaling groups use launch templates and run at least two servers in private subnets of two or more AZs',
    ko: 'WEB·APP Auto Scaling 그룹이 Launch Template을 쓰고, 두 개 이상 AZ의 프라이빗 서브넷에서 서버를 두 대 이상 실행한다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'An Auto Scaling group replaces failed servers and adds or removes them with the load, from a launch template that fixes the AMI, instance type and security group. Spread over two AZs with at least two servers, one AZ can fail and the tier keeps serving; in private subnets, no server can be reached from the internet directly.',
    ko: 'Auto Scaling 그룹은 AMI, 인스턴스 타입, 보안 그룹을 정해 둔 Launch Template으로 서버를 만들고, 장애 난 서버를 교체하며 부하에 따라 서버 수를 늘리고 줄입니다. 두 AZ에 서버를 두 대 이상 두면 한 AZ에 장애가 나도 계층이 계속 동작하고, 프라이빗 서브넷에 두면 인터넷에서 서버에 직접 닿을 수 없습니다.',
  },
  fix: {
    en: "For each tier: new autoscaling.AutoScalingGroup(this, 'Web', { vpc, launchTemplate, minCapacity: 2, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }) with an ec2.LaunchTemplate (instanceType, machineImage, securityGroup).",
    ko: "계층마다 new autoscaling.AutoScalingGroup(this, 'Web', { vpc, launchTemplate, minCapacity: 2, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })를 만들고, ec2.LaunchTemplate에 instanceType, machineImage, securityGroup을 주세요.",
  },
  guide: { lab: 'vpc-migration', section: 'auto-scaling-groups-and-launch-templates' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-1-5' },
  modes: ['template', 'live'],
  services: ['autoscaling', 'ec2', 'elbv2'],
  evaluate({ graph }) {
    const groups = graph.ofType('AWS::AutoScaling::AutoScalingGroup');
    const web = applicationLoadBalancers(graph, 'internet-facing').flatMap((lb) => autoScalingGroupsBehind(graph, lb));
    const app = applicationLoadBalancers(graph, 'internal').flatMap((lb) => autoScalingGroupsBehind(graph, lb));
    const label = (asg: Resource): { en: string; ko: string } => {
      const tier = web.includes(asg) ? 'WEB ' : app.includes(asg) ? 'APP ' : '';
      return { en: `${tier}Auto Scaling group ${asg.id}`, ko: `${tier}Auto Scaling 그룹 ${asg.id}` };
    };
    if (groups.length < 2) {
      return failWith([
        {
          en: `${groups.length === 0 ? 'There is no Auto Scaling group' : `There is only one Auto Scaling group (${groups[0].id})`}: the WEB and APP tiers each need their own, built from a launch template.`,
          ko: `${groups.length === 0 ? 'Auto Scaling 그룹이 없습니다' : `Auto Scaling 그룹이 하나(${groups[0].id})뿐입니다`}. WEB과 APP 계층이 각자 Launch Template으로 만든 Auto Scaling 그룹을 가져야 합니다.`,
          resources: groups.map((asg) => asg.id),
        },
      ]);
    }
    const problems: Problem[] = [];
    for (const asg of groups) {
      const name = label(asg);
      const spec = launchSpecOf(graph, asg);
      if (spec?.kind !== 'launch-template') {
        problems.push({
          en: `${name.en} ${spec ? `uses launch configuration ${spec.resource.id}, which AWS no longer develops` : 'has no launch template'}: give it an ec2.LaunchTemplate with the instance type, AMI and security group.`,
          ko: `${withParticle(name.ko, '이/가')} ${spec ? `AWS가 더 이상 개선하지 않는 Launch Configuration ${withParticle(spec.resource.id, '을/를')} 씁니다` : 'Launch Template을 쓰지 않습니다'}. 인스턴스 타입, AMI, 보안 그룹을 담은 ec2.LaunchTemplate을 주세요.`,
          resources: [asg.id, ...(spec ? [spec.resource.id] : [])],
        });
      }
      const subnets = autoScalingGroupSubnets(graph, asg);
      if (subnets.length === 0) {
        problems.push({
          en: `${name.en} names no subnets (VPCZoneIdentifier), so it launches into the default VPC's public subnets: give it the private subnets of your VPC.`,
          ko: `${name.ko}에 서브넷(VPCZoneIdentifier)이 없어 기본 VPC의 퍼블릭 서브넷에서 서버가 뜹니다. 우리 VPC의 프라이빗 서브넷을 주세요.`,
          resources: [asg.id],
        });
        continue;
      }
      const exposed = subnets.filter((subnet) => subnetKind(graph, subnet) === 'public');
      if (exposed.length > 0) {
        problems.push({
          en: `${name.en} launches servers in public subnet${exposed.length > 1 ? 's' : ''} ${exposed.map((s) => s.id).join(', ')} (a route to the internet gateway): move it to the private subnets, behind the load balancer.`,
          ko: `${withParticle(name.ko, '이/가')} 퍼블릭 서브넷 ${exposed.map((s) => s.id).join(', ')}(인터넷 게이트웨이 경로가 있음)에서 서버를 띄웁니다. 로드 밸런서 뒤의 프라이빗 서브넷으로 옮기세요.`,
          resources: [asg.id, ...exposed.map((s) => s.id)],
        });
      }
      const azs = autoScalingGroupAzs(graph, asg);
      if (azs.length < 2) {
        problems.push({
          en: `${name.en} runs only in ${azs[0]}: if that AZ fails, the whole tier stops. Give it a private subnet in a second AZ.`,
          ko: `${withParticle(name.ko, '이/가')} ${azs[0]}에서만 실행되어 그 AZ에 장애가 나면 계층 전체가 멈춥니다. 두 번째 AZ의 프라이빗 서브넷도 주세요.`,
          resources: [asg.id],
        });
      }
      const min = autoScalingGroupMinSize(graph, asg);
      if (min < 2) {
        problems.push({
          en: `${name.en} has MinSize ${min}: with fewer than two servers, only one AZ serves at a time. Set minCapacity: 2.`,
          ko: `${name.ko}의 MinSize가 ${min}입니다. 서버가 두 대보다 적으면 한 번에 한 AZ만 서비스합니다. minCapacity: 2로 주세요.`,
          resources: [asg.id],
        });
      }
    }
    if (problems.length > 0) return failWith(problems);
    const summary = groups.map((asg) => `${label(asg).en} (${autoScalingGroupAzs(graph, asg).join(', ')})`).join('; ');
    const summaryKo = groups.map((asg) => `${label(asg).ko}(${autoScalingGroupAzs(graph, asg).join(', ')})`).join('; ');
    return {
      status: 'PASS',
      message: {
        en: `Every Auto Scaling group uses a launch template and runs at least two servers in private subnets of two or more AZs: ${summary}.`,
        ko: `모든 Auto Scaling 그룹이 Launch Template을 쓰고 두 개 이상 AZ의 프라이빗 서브넷에서 서버를 두 대 이상 실행합니다: ${summaryKo}.`,
      },
      resources: groups.map((asg) => asg.id),
    };
  },
};
