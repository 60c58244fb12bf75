import { shopTiers, type Tier } from '../../model/queries/chain';
import { allowsPort, describePorts, describeSource, ingressRules, isFromGroups, isSinglePort } from '../../model/queries/security-groups';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

const MISSING: Readonly<Record<string, { en: string; ko: string }>> = {
  externalAlb: { en: 'no internet-facing Application Load Balancer (ELB)', ko: '인터넷용 Application Load Balancer(ELB)가 없습니다' },
  web: {
    en: 'no Auto Scaling group behind the internet-facing load balancer (WEB)',
    ko: '인터넷용 로드 밸런서 뒤에 Auto Scaling 그룹(WEB)이 없습니다',
  },
  internalAlb: { en: 'no internal Application Load Balancer', ko: '내부 Application Load Balancer가 없습니다' },
  app: {
    en: 'no Auto Scaling group behind the internal load balancer (APP)',
    ko: '내부 로드 밸런서 뒤에 Auto Scaling 그룹(APP)이 없습니다',
  },
  database: { en: 'no RDS database', ko: 'RDS 데이터베이스가 없습니다' },
};

/** ELB → WEB → internal ALB → APP → RDS: each tier accepts traffic only from the tier in front of it. */
export const securityGroupChain: Rule = {
  id: 'security-group-chain',
  area: 'network',
  title: {
    en: 'Security groups form the chain ELB → WEB → internal ALB → APP → RDS, with no shortcuts',
    ko: '보안 그룹이 ELB → WEB → 내부 ALB → APP → RDS 체인을 이루고 지름길이 없다',
  },
  severity: 'critical',
  points: 15,
  why: {
    en: 'In a security chain each tier accepts traffic only from the tier right in front of it, so an attacker must break through every tier in turn. One shortcut, such as the database accepting the WEB servers or an address range, lets a single compromised server skip the rest.',
    ko: '보안 체인(Security Chain)에서는 각 계층이 바로 앞 계층의 트래픽만 받으므로 공격자가 모든 계층을 차례로 뚫어야 합니다. 데이터베이스가 WEB 서버나 IP 대역을 허용하는 것 같은 지름길이 하나라도 있으면, 서버 한 대만 뚫려도 나머지 계층을 건너뛸 수 있습니다.',
  },
  fix: {
    en: 'Give each tier its own security group and allow only the group in front: albSg from 0.0.0.0/0 on 80, webSg.addIngressRule(albSg, ...), internalAlbSg from webSg, appSg from internalAlbSg, dbSg.addIngressRule(appSg, ec2.Port.tcp(3306)). Remove every other ingress rule on WEB, the internal ALB, APP and RDS.',
    ko: '계층마다 보안 그룹을 따로 두고 바로 앞 그룹만 허용하세요. albSg는 0.0.0.0/0의 80, webSg.addIngressRule(albSg, ...), 내부 ALB SG는 webSg에서, appSg는 내부 ALB SG에서, dbSg.addIngressRule(appSg, ec2.Port.tcp(3306)). WEB, 내부 ALB, APP, RDS의 다른 인바운드 규칙은 모두 지우세요.',
  },
  guide: { lab: 'vpc-migration', section: 'the-security-chain' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-2-9' },
  modes: ['template', 'live'],
  services: ['ec2', 'elbv2', 'autoscaling', 'rds'],
  evaluate({ graph }) {
    const tiers = shopTiers(graph);
    const order: Array<[keyof typeof tiers, Tier]> = [
      ['externalAlb', tiers.externalAlb],
      ['web', tiers.web],
      ['internalAlb', tiers.internalAlb],
      ['app', tiers.app],
      ['database', tiers.database],
    ];
    const missing = order.filter(([, tier]) => tier.members.length === 0);
    if (missing.length > 0) {
      return failWith(
        missing.map(([key]) => ({
          en: `There is ${MISSING[key].en}.`,
          ko: `${MISSING[key].ko}.`,
          resources: [],
        })),
        {
          en: 'The chain is incomplete: build every tier, then let each accept only the one in front.',
          ko: '체인이 완성되지 않았습니다. 모든 계층을 만든 뒤 각 계층이 바로 앞 계층만 허용하게 하세요.',
        },
      );
    }

    const problems: Problem[] = [];
    for (const [, tier] of order) {
      if (tier.groups.length === 0) {
        problems.push({
          en: `The ${tier.name.en} tier (${tier.members.map((m) => m.id).join(', ')}) has no security group of its own, so it uses the VPC's default group: give it one.`,
          ko: `${tier.name.ko} 계층(${tier.members.map((m) => m.id).join(', ')})에 자기 보안 그룹이 없어 VPC 기본 보안 그룹을 씁니다. 전용 보안 그룹을 주세요.`,
          resources: tier.members.map((m) => m.id),
        });
      }
    }
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const shared = order[i][1].groups.filter((group) => order[j][1].groups.includes(group));
        for (const group of shared) {
          problems.push({
            en: `${order[i][1].name.en} and ${order[j][1].name.en} share security group ${group.id}, so the chain cannot tell them apart: give each tier its own group.`,
            ko: `${withParticle(order[i][1].name.ko, '과/와')} ${withParticle(order[j][1].name.ko, '이/가')} 보안 그룹 ${withParticle(group.id, '을/를')} 같이 써서 체인이 두 계층을 구분하지 못합니다. 계층마다 보안 그룹을 따로 두세요.`,
            resources: [group.id],
          });
        }
      }
    }
    if (problems.length > 0) return failWith(problems);

    // The front door: open to the internet (or a prefix list such as CloudFront's) on a listener port.
    const front = tiers.externalAlb;
    const open = front.groups
      .flatMap((group) => ingressRules(graph, group))
      .filter((rule) => rule.source.kind !== 'security-group' && front.ports.some((port) => allowsPort(rule, port)));
    if (open.length === 0) {
      problems.push({
        en: `The internet-facing load balancer's security group ${front.groups.map((g) => g.id).join(', ')} does not accept its listener port${front.ports.length === 1 ? '' : 's'} (${front.ports.join(', ') || 'none'}) from the internet: allow 0.0.0.0/0 on 80.`,
        ko: `인터넷용 로드 밸런서의 보안 그룹 ${withParticle(front.groups.map((g) => g.id).join(', '), '이/가')} 인터넷에서 오는 리스너 포트(${front.ports.join(', ') || '없음'})를 허용하지 않습니다. 0.0.0.0/0의 80을 허용하세요.`,
        resources: front.groups.map((g) => g.id),
      });
    }

    for (let i = 1; i < order.length; i++) {
      const [key, tier] = order[i];
      const previous = order[i - 1][1];
      const isDatabase = key === 'database';
      for (const rule of tier.groups.flatMap((group) => ingressRules(graph, group))) {
        const source = describeSource(rule.source);
        const ports = describePorts(rule);
        const where = { en: `${tier.name.en} security group ${rule.group.id}`, ko: `${tier.name.ko} 보안 그룹 ${rule.group.id}` };
        if (rule.source.kind !== 'security-group') {
          problems.push({
            en: `Shortcut: ${where.en} accepts ${ports.en} from ${source.en}. Only ${previous.name.en}'s group may connect: replace the address range with ${previous.name.en}'s security group.`,
            ko: `지름길: ${withParticle(where.ko, '이/가')} ${source.ko}에서 오는 ${withParticle(ports.ko, '을/를')} 허용합니다. ${previous.name.ko}의 보안 그룹만 연결할 수 있어야 하니 IP 대역 대신 ${previous.name.ko}의 보안 그룹을 허용하세요.`,
            resources: [rule.group.id, rule.declaredBy.id],
          });
          continue;
        }
        if (isFromGroups(rule.source, tier.groups)) continue;
        if (isFromGroups(rule.source, previous.groups)) {
          if (isDatabase && !tier.ports.some((port) => isSinglePort(rule, port))) {
            problems.push({
              en: `${where.en} opens ${ports.en} to APP: open only the database port (${tier.ports.join(', ')}).`,
              ko: `${withParticle(where.ko, '이/가')} APP에 ${withParticle(ports.ko, '을/를')} 엽니다. 데이터베이스 포트(${tier.ports.join(', ')})만 여세요.`,
              resources: [rule.group.id, rule.declaredBy.id],
            });
          }
          continue;
        }
        const other = order.find(([, candidate]) => isFromGroups(rule.source, candidate.groups));
        if (other) {
          problems.push({
            en: `Shortcut: ${where.en} accepts ${ports.en} from ${other[1].name.en}'s group ${rule.source.id}, skipping the chain. Only ${previous.name.en} may connect to ${tier.name.en}: remove this rule.`,
            ko: `지름길: ${withParticle(where.ko, '이/가')} ${other[1].name.ko}의 보안 그룹 ${rule.source.id}에서 오는 ${withParticle(ports.ko, '을/를')} 허용해 체인을 건너뜁니다. ${tier.name.ko}에는 ${previous.name.ko}만 연결할 수 있어야 하니 이 규칙을 지우세요.`,
            resources: [rule.group.id, rule.declaredBy.id],
          });
        } else if (isDatabase) {
          // Admin paths into WEB or APP (a bastion) are judged by their own rules; the database takes APP only.
          problems.push({
            en: `${where.en} accepts ${ports.en} from ${source.en}, which is not APP: the database must accept APP only.`,
            ko: `${withParticle(where.ko, '이/가')} APP이 아닌 ${source.ko}에서 오는 ${withParticle(ports.ko, '을/를')} 허용합니다. 데이터베이스는 APP만 허용해야 합니다.`,
            resources: [rule.group.id, rule.declaredBy.id],
          });
        }
      }
      for (const port of tier.ports) {
        const linked = tier.groups
          .flatMap((group) => ingressRules(graph, group))
          .some((rule) => isFromGroups(rule.source, previous.groups) && allowsPort(rule, port));
        if (!linked) {
          problems.push({
            en: `Broken link: ${tier.name.en} (${tier.groups.map((g) => g.id).join(', ')}) does not accept port ${port} from ${previous.name.en}'s group ${previous.groups.map((g) => g.id).join(', ')}, so traffic cannot flow. Allow that port from ${previous.name.en}'s security group.`,
            ko: `끊어진 연결: ${withParticle(`${tier.name.ko}(${tier.groups.map((g) => g.id).join(', ')})`, '이/가')} ${previous.name.ko}의 보안 그룹 ${previous.groups.map((g) => g.id).join(', ')}에서 오는 ${port} 포트를 허용하지 않아 트래픽이 흐르지 못합니다. ${previous.name.ko}의 보안 그룹에서 오는 그 포트를 허용하세요.`,
            resources: tier.groups.map((g) => g.id),
          });
        }
      }
    }
    if (problems.length > 0) return failWith(problems);
    const chain = order.map(([, tier]) => `${tier.name.en} (${tier.groups.map((g) => g.id).join(', ')})`).join(' → ');
    const chainKo = order.map(([, tier]) => `${tier.name.ko}(${tier.groups.map((g) => g.id).join(', ')})`).join(' → ');
    return {
      status: 'PASS',
      message: {
        en: `The security chain holds: internet → ${chain}; each tier accepts only the one in front, the database only on port ${tiers.database.ports.join(', ')}.`,
        ko: `보안 체인이 완성되었습니다: 인터넷 → ${chainKo}. 각 계층은 바로 앞 계층만 허용하고, 데이터베이스는 ${tiers.database.ports.join(', ')} 포트만 엽니다.`,
      },
      resources: order.flatMap(([, tier]) => tier.groups.map((g) => g.id)),
    };
  },
};
