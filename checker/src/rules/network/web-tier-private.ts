import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { shopTiers } from '../../model/queries/chain';
import { autoScalingGroupSubnets } from '../../model/queries/compute';
import { subnetKind } from '../../model/queries/network';
import { launchSpecOf } from '../../model/queries/security-groups';
import { listProp } from '../../model/queries/values';
import type { Rule } from '../types';

/** WEB and APP servers run in private subnets without public IP addresses. */
export const webTierPrivate: Rule = {
  id: 'web-tier-private',
  area: 'network',
  title: {
    en: 'WEB and APP servers run in private subnets, without public IP addresses',
    ko: 'WEB과 APP 서버는 퍼블릭 IP 없이 프라이빗 서브넷에서 실행된다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'The review asked why the web servers sat in a public subnet. They need not: the ALB is the public face and reaches them privately, and a server nobody on the internet can address cannot be attacked directly.',
    ko: '리뷰에서 웹 서버를 왜 퍼블릭 서브넷에 두었는지 물었습니다. 그럴 필요가 없습니다. ALB가 공개된 얼굴이고 서버에는 내부로 닿습니다. 인터넷에서 주소로 찾을 수 없는 서버는 직접 공격받지 않습니다.',
  },
  fix: {
    en: 'vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } on both Auto Scaling groups, and no associatePublicIpAddress in their launch templates.',
    ko: '두 Auto Scaling 그룹에 vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }를 주고, Launch Template에는 associatePublicIpAddress를 두지 마세요.',
  },
  guide: { lab: 'security-review', section: 'private-web-tier' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Public Subnet에 Web Server를 만든이유?' },
  modes: ['template', 'live'],
  services: ['ec2', 'autoscaling', 'elbv2'],
  evaluate({ graph }) {
    const tiers = shopTiers(graph);
    const groups = [...new Set([...tiers.web.members, ...tiers.app.members])];
    if (groups.length === 0) {
      return absent({
        thing: { en: 'WEB or APP Auto Scaling group behind a load balancer', ko: '로드 밸런서 뒤의 WEB·APP Auto Scaling 그룹' },
        reportedBy: 'asg-private-multi-az',
      });
    }
    const exposed = groups.flatMap((asg) => {
      const publicSubnets = autoScalingGroupSubnets(graph, asg).filter((subnet) => subnetKind(graph, subnet) === 'public');
      const spec = launchSpecOf(graph, asg);
      const interfaces = spec?.kind === 'launch-template' ? listProp(graph, spec.resource, 'LaunchTemplateData.NetworkInterfaces') : [];
      const publicIp =
        interfaces.some(
          (_, i) => graph.prop(spec!.resource, `LaunchTemplateData.NetworkInterfaces.${i}.AssociatePublicIpAddress`) === true,
        ) ||
        (spec?.kind === 'launch-configuration' && graph.prop(spec.resource, 'AssociatePublicIpAddress') === true);
      if (publicSubnets.length === 0 && !publicIp) return [];
      return [
        { asg, reason: publicSubnets.length > 0 ? `public subnets ${publicSubnets.map((s) => s.id).join(', ')}` : 'a public IP address' },
      ];
    });
    if (exposed.length > 0) {
      return failWith(
        exposed.map((e) => ({
          en: `${e.asg.id} uses ${e.reason}.`,
          ko: `${withParticle(e.asg.id, '이/가')} ${withParticle(e.reason.replace('public subnets', '퍼블릭 서브넷').replace('a public IP address', '퍼블릭 IP'), '을/를')} 씁니다.`,
          resources: [e.asg.id],
        })),
        { en: 'Put the servers in private subnets behind the ALB.', ko: '서버를 ALB 뒤의 프라이빗 서브넷에 두세요.' },
      );
    }
    return {
      status: 'PASS',
      message: {
        en: `WEB and APP servers (${groups.map((g) => g.id).join(', ')}) run in private subnets only.`,
        ko: `WEB·APP 서버(${groups.map((g) => g.id).join(', ')})가 프라이빗 서브넷에서만 실행됩니다.`,
      },
      resources: groups.map((g) => g.id),
    };
  },
};
