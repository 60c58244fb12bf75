import { ResourceGraph } from '../../model/graph';
import { failWith, type Problem } from '../problems';
import type { Rule, RuleContext } from '../types';
import { subnetsSpanTwoAzs } from '../network/subnets-span-two-azs';
import { albInternetFacingMultiAz } from './alb-internet-facing-multi-az';
import { asgPrivateMultiAz } from './asg-private-multi-az';

/** The lab 2 rules that together describe a serving tier, judged again over the secondary Region's resources. */
const PARTS: readonly Rule[] = [subnetsSpanTwoAzs, albInternetFacingMultiAz, asgPrivateMultiAz];

/** The secondary Region runs its own serving tier: VPC over two AZs, internet-facing ALB, private WEB and APP groups. */
export const secondRegionServingTier: Rule = {
  id: 'second-region-serving-tier',
  area: 'compute',
  title: {
    en: 'The secondary Region has its own serving tier: a VPC over two AZs, an internet-facing ALB over two AZs, and WEB and APP Auto Scaling groups in private subnets',
    ko: '보조 리전에 자체 서비스 계층이 있다: 두 AZ에 걸친 VPC, 두 AZ에 걸친 인터넷용 ALB, 프라이빗 서브넷의 WEB·APP Auto Scaling 그룹',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Japanese customers who reach Seoul for every page pay the round trip on each request. A second Region with the same tiers (lab 2, again) serves them nearby, and it stays highly available on its own: two AZs for the load balancer and for each tier, servers out of the internet’s reach.',
    ko: '일본 고객이 페이지마다 서울까지 오가면 요청마다 왕복 시간을 치릅니다. 같은 계층(2번 실습을 다시)을 둔 두 번째 리전은 가까이에서 서비스하고, 로드 밸런서와 각 계층이 두 AZ에 걸치고 서버가 인터넷에서 닿지 않게 하여 스스로도 고가용성을 유지합니다.',
  },
  fix: {
    en: "In the read Region stack (env: { region: secondaryRegion }): new ec2.Vpc with maxAzs: 2 (public, private, isolated subnets), an internet-facing ApplicationLoadBalancer in the public subnets, and WEB and APP AutoScalingGroups with launch templates, minCapacity: 2, in the private subnets (the lab's LoadBalancedTier does all of it).",
    ko: '읽기 리전 스택(env: { region: secondaryRegion })에 maxAzs: 2인 ec2.Vpc(퍼블릭·프라이빗·격리 서브넷), 퍼블릭 서브넷의 인터넷용 ApplicationLoadBalancer, 프라이빗 서브넷에서 Launch Template과 minCapacity: 2로 도는 WEB·APP AutoScalingGroup을 만드세요(실습의 LoadBalancedTier가 모두 해 줍니다).',
  },
  guide: { lab: 'global-expansion', section: 'read-region' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: 글로벌 확장계획, CloudFront' },
  modes: ['template', 'live'],
  services: ['ec2', 'elbv2', 'autoscaling'],
  evaluate(context) {
    const { graph } = context;
    const secondary = graph.all().filter((resource) => graph.placement(resource).region === 'secondary');
    const regionName = graph.stacks.find((stack) => stack.region === 'secondary')?.regionName ?? 'secondary';
    if (!secondary.some((resource) => resource.type === 'AWS::EC2::VPC')) {
      return failWith([
        {
          en: `There is no VPC in the secondary Region (${regionName}): customers there still cross to the primary Region. Add a read Region stack with a VPC over two AZs, an internet-facing ALB and WEB and APP groups.`,
          ko: `보조 리전(${regionName})에 VPC가 없어 그곳 고객이 여전히 주 리전까지 건너옵니다. 두 AZ에 걸친 VPC, 인터넷용 ALB, WEB·APP 그룹을 둔 읽기 리전 스택을 추가하세요.`,
          resources: [],
        },
      ]);
    }
    const scoped: RuleContext = { ...context, graph: new ResourceGraph(graph.kind, secondary, undefined, graph.stacks) };
    const problems: Problem[] = [];
    for (const part of PARTS) {
      const outcome = part.evaluate(scoped);
      if (outcome.status === 'PASS') continue;
      problems.push({
        en: `In the secondary Region (${regionName}): ${outcome.message.en}`,
        ko: `보조 리전(${regionName})에서: ${outcome.message.ko}`,
        resources: outcome.resources ?? [],
      });
    }
    if (problems.length > 0) return failWith(problems);
    const groups = secondary.filter((resource) => resource.type === 'AWS::AutoScaling::AutoScalingGroup').map((asg) => asg.id);
    return {
      status: 'PASS',
      message: {
        en: `The secondary Region (${regionName}) serves on its own: VPC over two AZs, an internet-facing ALB over two AZs, and Auto Scaling groups ${groups.join(', ')} in private subnets.`,
        ko: `보조 리전(${regionName})이 스스로 서비스합니다: 두 AZ에 걸친 VPC, 두 AZ에 걸친 인터넷용 ALB, 프라이빗 서브넷의 Auto Scaling 그룹 ${groups.join(', ')}.`,
      },
      resources: secondary.filter((resource) => resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer').map((lb) => lb.id),
    };
  },
};
