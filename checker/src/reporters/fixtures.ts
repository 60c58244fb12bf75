import { REPORT_SCHEMA_VERSION, type CheckReport, type RuleResult } from '../engine/result';

const pass: RuleResult = {
  ruleId: 'subnets-span-two-azs',
  title: {
    en: 'Public, private and database subnets each span two Availability Zones',
    ko: '퍼블릭·프라이빗·DB 서브넷이 각각 두 가용 영역(AZ)에 걸쳐 있습니다',
  },
  severity: 'high',
  points: 3,
  maxPoints: 3,
  status: 'PASS',
  message: {
    en: 'Found 6 subnets in 2 AZs: 2 public, 2 private, 2 database.',
    ko: '2개 AZ에서 서브넷 6개를 찾았습니다: 퍼블릭 2개, 프라이빗 2개, DB 2개.',
  },
  fix: {
    en: 'Give ec2.Vpc maxAzs: 2 and three subnet configurations (PUBLIC, PRIVATE_WITH_EGRESS, PRIVATE_ISOLATED).',
    ko: 'ec2.Vpc에 maxAzs: 2와 서브넷 설정 세 개(PUBLIC, PRIVATE_WITH_EGRESS, PRIVATE_ISOLATED)를 주세요.',
  },
  guideUrl: 'https://workshop.example.com/docs/labs/vpc-migration#subnets',
  resources: ['VpcPublicSubnet1', 'VpcPublicSubnet2'],
  durationMs: 4,
};

const fail: RuleResult = {
  ruleId: 'nat-gateway-per-az',
  title: {
    en: 'Each private subnet routes to a NAT gateway in its own AZ',
    ko: '각 프라이빗 서브넷은 같은 AZ의 NAT 게이트웨이로 라우팅합니다',
  },
  severity: 'high',
  points: 0,
  maxPoints: 5,
  status: 'FAIL',
  // A pipe, angle brackets and a line break: the Markdown and XML reporters must escape them.
  message: {
    en: 'Private subnet VpcPrivateSubnet2 (AZ#2) routes 0.0.0.0/0 to NAT gateway VpcNat1 in AZ#1 | <one NAT for two AZs>\nIf AZ#1 fails, AZ#2 loses its internet access.',
    ko: '프라이빗 서브넷 VpcPrivateSubnet2(AZ#2)가 0.0.0.0/0을 AZ#1의 NAT 게이트웨이 VpcNat1로 보냅니다 | <AZ 두 개에 NAT 하나>\nAZ#1에 장애가 나면 AZ#2도 인터넷에 나갈 수 없습니다.',
  },
  fix: {
    en: 'Set natGateways: 2 on ec2.Vpc so each AZ gets its own NAT gateway in its public subnet.',
    ko: 'ec2.Vpc에 natGateways: 2를 주어 AZ마다 자기 퍼블릭 서브넷에 NAT 게이트웨이를 두세요.',
  },
  guideUrl: 'https://workshop.example.com/docs/labs/vpc-migration#nat-gateways',
  resources: ['VpcPrivateSubnet2', 'VpcNat1'],
  durationMs: 7,
};

const skip: RuleResult = {
  ruleId: 'rds-private',
  title: {
    en: 'The database is not publicly accessible and sits in database subnets',
    ko: '데이터베이스는 외부에 공개되지 않고 DB 서브넷에 있습니다',
  },
  severity: 'critical',
  points: 0,
  maxPoints: 0,
  status: 'SKIP',
  message: {
    en: 'LocalStack free tier does not emulate RDS: check this rule in template mode (checker check vpc-migration) or against real AWS.',
    ko: 'LocalStack 무료 버전은 RDS를 에뮬레이션하지 않습니다. 템플릿 모드(checker check vpc-migration)나 실제 AWS에서 이 규칙을 확인하세요.',
  },
  fix: {
    en: 'Place rds.DatabaseInstance in the PRIVATE_ISOLATED subnets with publiclyAccessible: false.',
    ko: 'rds.DatabaseInstance를 PRIVATE_ISOLATED 서브넷에 두고 publiclyAccessible: false로 설정하세요.',
  },
  guideUrl: 'https://workshop.example.com/docs/labs/vpc-migration#database',
  resources: [],
  durationMs: 0,
};

const error: RuleResult = {
  ruleId: 'security-group-chain',
  title: {
    en: 'Security groups chain ELB → WEB → APP → RDS and nothing else reaches the database',
    ko: '보안 그룹(SG)이 ELB → WEB → APP → RDS로 이어지고 그 밖에는 DB에 닿지 못합니다',
  },
  severity: 'critical',
  points: 0,
  maxPoints: 4,
  status: 'ERROR',
  message: {
    en: 'cannot evaluate: the ingress rule of AppSg refers to parameter DbPort, which has no default value.',
    ko: '평가할 수 없습니다: AppSg의 인바운드 규칙이 기본값이 없는 파라미터 DbPort를 참조합니다.',
  },
  fix: {
    en: 'Allow the database port only from the APP security group: db.connections.allowDefaultPortFrom(appSg).',
    ko: 'DB 포트는 APP 보안 그룹에서만 허용하세요: db.connections.allowDefaultPortFrom(appSg).',
  },
  guideUrl: '/docs/labs/vpc-migration#security-groups',
  resources: ['AppSg'],
  durationMs: 2,
};

/** A report with one rule of each status, checked live against LocalStack's free tier. */
export const fixtureReport: CheckReport = {
  schemaVersion: REPORT_SCHEMA_VERSION,
  checkerVersion: '0.1.0',
  lab: {
    id: 'vpc-migration',
    title: { en: 'Move to a VPC across two Availability Zones', ko: '두 가용 영역에 걸친 VPC로 이전하기' },
    stackName: 'ShopVpcMigration',
  },
  source: {
    kind: 'live',
    description: 'stack ShopVpcMigration at http://127.0.0.1:4566',
    target: 'localstack-free',
  },
  lang: 'en',
  startedAt: '2026-11-22T03:30:00.000Z',
  durationMs: 1234,
  results: [pass, fail, skip, error],
  score: { points: 3, maxPoints: 12 },
  summary: { PASS: 1, FAIL: 1, SKIP: 1, ERROR: 1 },
};

/** The same lab fully solved, checked from its synthesized template, reported in Korean. */
export const passingKoreanReport: CheckReport = {
  ...fixtureReport,
  lang: 'ko',
  source: {
    kind: 'template',
    description: 'app labs/vpc-migration',
    templateSha256: 'a'.repeat(64),
  },
  results: [
    {
      ...pass,
      ruleId: 'vpc-cidr',
      title: { en: 'The VPC uses the 10.0.0.0/16 range', ko: 'VPC는 10.0.0.0/16 대역을 씁니다' },
      message: { en: 'VPC Vpc uses 10.0.0.0/16.', ko: 'VPC Vpc가 10.0.0.0/16 대역을 씁니다.' },
    },
    pass,
  ],
  score: { points: 6, maxPoints: 6 },
  summary: { PASS: 2, FAIL: 0, SKIP: 0, ERROR: 0 },
};
