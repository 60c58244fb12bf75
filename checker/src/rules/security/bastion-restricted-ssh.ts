import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { prefixLength, sshDoors } from '../../model/queries/hardening';
import type { Rule } from '../types';

/** SSH comes in only through a bastion in a public subnet, and only from the administrators' range. */
export const bastionRestrictedSsh: Rule = {
  id: 'bastion-restricted-ssh',
  area: 'security',
  title: {
    en: "SSH comes in only through a bastion in a public subnet, from the administrators' address range (never 0.0.0.0/0)",
    ko: 'SSH는 퍼블릭 서브넷의 Bastion으로만, 관리자 주소 범위에서만 들어온다(0.0.0.0/0 금지)',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: 'Port 22 open to the internet is scanned within minutes; if the bastion falls, everything behind it is exposed. One narrow door, from one known network, keeps that risk small.',
    ko: '인터넷에 열린 22번 포트는 몇 분 안에 스캔됩니다. Bastion이 뚫리면 그 뒤의 모든 것이 드러납니다. 알려진 네트워크 하나에서 오는 좁은 문 하나가 그 위험을 작게 유지합니다.',
  },
  fix: {
    en: 'A CfnParameter AdminCidr (allowedPattern /16-/32), an ec2.Instance in SubnetType.PUBLIC, and bastionSg.addIngressRule(ec2.Peer.ipv4(adminCidr.valueAsString), ec2.Port.tcp(22)).',
    ko: 'CfnParameter AdminCidr(allowedPattern /16-/32), SubnetType.PUBLIC의 ec2.Instance, bastionSg.addIngressRule(ec2.Peer.ipv4(adminCidr.valueAsString), ec2.Port.tcp(22))를 만드세요.',
  },
  guide: { lab: 'security-review', section: 'bastion' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: Bastion Host의 역할' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const doors = sshDoors(graph);
    const open = doors.filter((door) => (prefixLength(door.cidr) ?? 0) < 16);
    if (open.length > 0) {
      return failWith([
        {
          en: `SSH is open to ${open.map((door) => `${door.cidr} on ${door.rule.group.id}`).join(', ')}: allow only the administrators' range (/16 or narrower).`,
          ko: `SSH가 ${open.map((door) => `${door.rule.group.id}의 ${door.cidr}`).join(', ')}에 열려 있습니다. 관리자 주소 범위(/16 이하)만 허용하세요.`,
          resources: open.map((door) => door.rule.declaredBy.id),
        },
      ]);
    }
    const bastions = doors.filter((door) => door.publicInstances.length > 0);
    if (bastions.length === 0) {
      return absent({
        required: {
          en: 'No bastion: no instance in a public subnet accepts SSH from an administrator address range.',
          ko: 'Bastion이 없습니다. 관리자 주소 범위에서 SSH를 받는 퍼블릭 서브넷의 인스턴스가 없습니다.',
        },
      });
    }
    const [door] = bastions;
    return {
      status: 'PASS',
      message: {
        en: `Bastion ${door.publicInstances.map((i) => i.id).join(', ')} accepts SSH only from ${bastions.map((d) => d.cidr).join(', ')}.`,
        ko: `Bastion ${withParticle(door.publicInstances.map((i) => i.id).join(', '), '이/가')} ${bastions.map((d) => d.cidr).join(', ')}에서 오는 SSH만 받습니다.`,
      },
      resources: [...door.publicInstances.map((i) => i.id), door.rule.group.id],
    };
  },
};
