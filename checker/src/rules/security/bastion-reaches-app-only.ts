import { absent, THINGS } from '../absent';
import { failWith } from '../problems';
import { shopTiers } from '../../model/queries/chain';
import { prefixLength, sshDoors } from '../../model/queries/hardening';
import { ingressRules, securityGroupsOf } from '../../model/queries/security-groups';
import type { Rule } from '../types';

/** The bastion may open connections into the APP tier only. */
export const bastionReachesAppOnly: Rule = {
  id: 'bastion-reaches-app-only',
  area: 'security',
  title: {
    en: 'The bastion reaches the APP servers only (not WEB, not the database)',
    ko: 'Bastion은 APP 서버에만 접속한다(WEB과 데이터베이스는 안 된다)',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'The review asked how far the bastion reaches. Scoping it to APP means a stolen bastion login cannot open the database directly, and WEB servers need no SSH at all.',
    ko: '리뷰에서 Bastion으로 어디까지 접속하는지 물었습니다. APP으로만 좁히면 Bastion 로그인을 도둑맞아도 데이터베이스에 바로 갈 수 없고, WEB 서버에는 SSH가 아예 필요 없습니다.',
  },
  fix: {
    en: 'appSg.addIngressRule(bastionSg, ec2.Port.tcp(22)) and no rule from the bastion group into the WEB or database groups.',
    ko: 'appSg.addIngressRule(bastionSg, ec2.Port.tcp(22))만 두고, Bastion 그룹에서 WEB이나 데이터베이스 그룹으로 가는 규칙은 없애세요.',
  },
  guide: { lab: 'security-review', section: 'bastion' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Bastion으로 접속 가능한 범위 명시' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const bastions = [
      ...new Set(
        sshDoors(graph)
          .filter((door) => door.publicInstances.length > 0 && (prefixLength(door.cidr) ?? 0) >= 16)
          .flatMap((door) => door.publicInstances),
      ),
    ];
    if (bastions.length === 0) {
      return absent({ thing: THINGS.bastion, reportedBy: 'bastion-restricted-ssh' });
    }
    const bastionGroups = new Set(bastions.flatMap((instance) => securityGroupsOf(graph, instance)));
    const appGroups = new Set(shopTiers(graph).app.groups);
    const reached = graph
      .ofType('AWS::EC2::SecurityGroup')
      .flatMap((group) => ingressRules(graph, group))
      .filter((rule) => rule.source.kind === 'security-group' && rule.source.group !== undefined && bastionGroups.has(rule.source.group));
    const beyond = reached.filter((rule) => !appGroups.has(rule.group));
    if (beyond.length > 0) {
      return failWith([
        {
          en: `The bastion may also connect into ${[...new Set(beyond.map((rule) => rule.group.id))].join(', ')}, which is not the APP tier.`,
          ko: `Bastion이 APP 계층이 아닌 ${[...new Set(beyond.map((rule) => rule.group.id))].join(', ')}에도 접속할 수 있습니다.`,
          resources: beyond.map((rule) => rule.declaredBy.id),
        },
      ]);
    }
    if (reached.length === 0) {
      return failWith([
        {
          en: 'The bastion reaches nothing: let SSH in from the bastion group to the APP group.',
          ko: 'Bastion이 아무 곳에도 접속하지 못합니다. Bastion 그룹에서 APP 그룹으로 SSH를 허용하세요.',
          resources: [...bastionGroups].map((group) => group.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: {
        en: `The bastion reaches only the APP tier (${[...new Set(reached.map((rule) => rule.group.id))].join(', ')}).`,
        ko: `Bastion은 APP 계층(${[...new Set(reached.map((rule) => rule.group.id))].join(', ')})에만 접속합니다.`,
      },
      resources: reached.map((rule) => rule.declaredBy.id),
    };
  },
};
