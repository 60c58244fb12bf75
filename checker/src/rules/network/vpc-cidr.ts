import { failWith } from '../problems';
import { formatCidr, parseCidr, shopVpc } from '../../model/queries/network';
import { stringProp } from '../../model/queries/values';
import { CannotEvaluate } from '../../model/types';
import type { Rule } from '../types';
import { withParticle } from '../korean';

const EXPECTED = '10.0.0.0/16';

/** The shop's VPC uses the CIDR block 10.0.0.0/16. */
export const vpcCidr: Rule = {
  id: 'vpc-cidr',
  area: 'network',
  title: { en: "The shop's VPC uses the CIDR block 10.0.0.0/16", ko: '쇼핑몰 VPC의 CIDR 블록이 10.0.0.0/16이다' },
  severity: 'medium',
  points: 5,
  why: {
    en: 'The /16 prefix fixes the first 16 bits, so every address in the VPC starts with 10.0 and 65,536 addresses are left to split into a public, a private and an isolated subnet per AZ. The subnet plan of every later lab assumes this range.',
    ko: '/16 prefix는 앞의 16비트를 고정하므로 VPC 안의 모든 주소가 10.0으로 시작하고, 남은 65,536개 주소를 AZ마다 퍼블릭·프라이빗·격리 서브넷으로 나눕니다. 이후 실습의 서브넷 계획도 모두 이 범위를 전제로 합니다.',
  },
  fix: {
    en: "Create the VPC with ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16') (CidrBlock: 10.0.0.0/16 on an AWS::EC2::VPC).",
    ko: "VPC를 ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16')로 만드세요(AWS::EC2::VPC라면 CidrBlock: 10.0.0.0/16).",
  },
  guide: { lab: 'vpc-migration', section: 'vpc-and-cidr' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-2-4' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const vpc = shopVpc(graph);
    if (!vpc) {
      return failWith([
        {
          en: `The stack has no VPC: create one with the CIDR block ${EXPECTED}.`,
          ko: `스택에 VPC가 없습니다. CIDR 블록 ${withParticle(EXPECTED, '으로/로')} VPC를 만드세요.`,
          resources: [],
        },
      ]);
    }
    const cidr = stringProp(graph, vpc, 'CidrBlock');
    if (cidr === undefined) {
      const pool = vpc.properties.Ipv4IpamPoolId !== undefined ? ' (it comes from an IPAM pool at deploy time)' : '';
      throw new CannotEvaluate(`VPC ${vpc.id} has no CidrBlock${pool}`);
    }
    const parsed = parseCidr(cidr);
    if (!parsed) {
      return failWith([
        {
          en: `VPC ${vpc.id} has the CIDR block "${cidr}", which is not an IPv4 range: use ${EXPECTED}.`,
          ko: `VPC ${vpc.id}의 CIDR 블록 "${cidr}"은 IPv4 범위가 아닙니다. ${withParticle(EXPECTED, '을/를')} 쓰세요.`,
          resources: [vpc.id],
        },
      ]);
    }
    const normalized = formatCidr(parsed);
    if (normalized === EXPECTED) {
      return {
        status: 'PASS',
        message: {
          en: `VPC ${vpc.id} uses ${EXPECTED}: every address in it starts with 10.0.`,
          ko: `VPC ${withParticle(vpc.id, '이/가')} ${withParticle(EXPECTED, '을/를')} 씁니다. VPC 안의 모든 주소가 10.0으로 시작합니다.`,
        },
        resources: [vpc.id],
      };
    }
    const size = 2 ** (32 - parsed.prefix);
    return failWith([
      {
        en: `VPC ${vpc.id} uses ${normalized} (${size.toLocaleString('en-US')} addresses); the lab's subnet plan needs ${EXPECTED} (65,536 addresses, all starting with 10.0).`,
        ko: `VPC ${withParticle(vpc.id, '이/가')} ${withParticle(`${normalized}(주소 ${size.toLocaleString('en-US')}개)`, '을/를')} 씁니다. 실습의 서브넷 계획에는 ${withParticle(`${EXPECTED}(10.0으로 시작하는 주소 65,536개)`, '이/가')} 필요합니다.`,
        resources: [vpc.id],
      },
    ]);
  },
};
