import { absent } from '../absent';
import { failWith } from '../problems';
import { shopVpc, subnetAz, subnetKind, subnetsOf, type SubnetKind } from '../../model/queries/network';
import type { Rule } from '../types';

const KINDS: readonly SubnetKind[] = ['public', 'private', 'isolated'];
const KIND_NAMES: Readonly<Record<SubnetKind, { en: string; ko: string }>> = {
  public: { en: 'public', ko: '퍼블릭' },
  private: { en: 'private', ko: '프라이빗' },
  isolated: { en: 'isolated', ko: '격리' },
};

/** Public, private and isolated subnets exist in at least two AZs. */
export const subnetsSpanTwoAzs: Rule = {
  id: 'subnets-span-two-azs',
  area: 'network',
  title: {
    en: 'At least two AZs each have a public, a private and an isolated subnet',
    ko: '두 개 이상의 가용 영역(AZ)에 각각 퍼블릭·프라이빗·격리 서브넷이 있다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'An AZ is one or more separate data centres: when one fails, the others keep running. Only if every tier has a subnet in a second AZ can the load balancer, the servers and the database carry on there.',
    ko: 'AZ는 물리적으로 분리된 하나 이상의 데이터센터라서 한 AZ에 장애가 나도 다른 AZ는 영향을 받지 않습니다. 모든 계층이 두 번째 AZ에도 서브넷을 가져야 로드 밸런서, 서버, 데이터베이스가 그곳에서 서비스를 이어 갈 수 있습니다.',
  },
  fix: {
    en: 'ec2.Vpc with maxAzs: 2 and three subnetConfiguration entries: PUBLIC, PRIVATE_WITH_EGRESS and PRIVATE_ISOLATED (one subnet of each per AZ).',
    ko: 'ec2.Vpc에 maxAzs: 2와 subnetConfiguration 세 개(PUBLIC, PRIVATE_WITH_EGRESS, PRIVATE_ISOLATED)를 주세요. AZ마다 종류별 서브넷이 하나씩 생깁니다.',
  },
  guide: { lab: 'vpc-migration', section: 'subnets-in-two-azs' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-2-5' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const vpc = shopVpc(graph);
    const subnets = vpc ? subnetsOf(graph, vpc) : [];
    if (subnets.length === 0) {
      return absent({
        required: {
          en: 'The stack has no subnets: give the VPC a public, a private and an isolated subnet in each of two AZs.',
          ko: '스택에 서브넷이 없습니다. VPC의 두 AZ마다 퍼블릭·프라이빗·격리 서브넷을 하나씩 만드세요.',
        },
      });
    }
    const kindsByAz = new Map<string, Set<SubnetKind>>();
    for (const subnet of subnets) {
      const az = subnetAz(graph, subnet);
      kindsByAz.set(az, (kindsByAz.get(az) ?? new Set()).add(subnetKind(graph, subnet)));
    }
    const azs = [...kindsByAz.keys()].sort();
    const complete = azs.filter((az) => KINDS.every((kind) => kindsByAz.get(az)?.has(kind)));
    const resources = subnets.map((subnet) => subnet.id);
    if (complete.length >= 2) {
      return {
        status: 'PASS',
        message: {
          en: `${complete.length} AZs (${complete.join(', ')}) each have a public, a private and an isolated subnet.`,
          ko: `AZ ${complete.length}개(${complete.join(', ')})에 각각 퍼블릭·프라이빗·격리 서브넷이 있습니다.`,
        },
        resources,
      };
    }
    const describe = (lang: 'en' | 'ko'): string =>
      azs
        .map((az) => {
          const kinds = kindsByAz.get(az)!;
          const have = KINDS.filter((kind) => kinds.has(kind)).map((kind) => KIND_NAMES[kind][lang]);
          const missing = KINDS.filter((kind) => !kinds.has(kind)).map((kind) => KIND_NAMES[kind][lang]);
          if (lang === 'ko') return `${az}: ${have.join('·')} 있음${missing.length ? `, ${missing.join('·')} 없음` : ''}`;
          return `${az} has ${have.join(', ')}${missing.length ? ` but no ${missing.join(' or ')}` : ''}`;
        })
        .join('; ');
    const onlyOne = azs.length === 1;
    const summary =
      complete.length === 0
        ? { en: `No AZ has all three kinds (${describe('en')})`, ko: `세 종류를 모두 갖춘 AZ가 없습니다(${describe('ko')})` }
        : { en: `Only 1 AZ has all three kinds (${describe('en')})`, ko: `세 종류를 모두 갖춘 AZ가 1개뿐입니다(${describe('ko')})` };
    return failWith([
      {
        en: `${onlyOne ? `All subnets are in one AZ (${describe('en')})` : summary.en}. A public subnet routes to the internet gateway, a private one to a NAT gateway, an isolated one nowhere; every tier needs one in a second AZ to survive an AZ failure.`,
        ko: `${onlyOne ? `모든 서브넷이 한 AZ에 있습니다(${describe('ko')})` : summary.ko}. 퍼블릭 서브넷은 인터넷 게이트웨이로, 프라이빗 서브넷은 NAT 게이트웨이로 라우팅되고 격리 서브넷은 밖으로 나가는 경로가 없습니다. AZ 장애를 견디려면 모든 계층이 두 번째 AZ에도 서브넷을 가져야 합니다.`,
        resources: resources,
      },
    ]);
  },
};
