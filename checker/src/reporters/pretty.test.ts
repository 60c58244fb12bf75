import { fixtureReport, passingKoreanReport } from './fixtures';
import { pretty } from './pretty';

// eslint-disable-next-line no-control-regex -- ANSI colour codes are what these tests look for
const ANSI = /\x1b\[[0-9;]*m/;

function lineWith(output: string, text: string): string {
  const line = output.split('\n').find((l) => l.includes(text));
  if (line === undefined) throw new Error(`no line contains ${JSON.stringify(text)} in:\n${output}`);
  return line;
}

describe('pretty reporter', () => {
  const plain = pretty(fixtureReport, { color: false });

  it('without colour writes plain ASCII status words and no escape codes', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain).not.toMatch(/[✔✖○]/);
    expect(lineWith(plain, 'subnets-span-two-azs')).toMatch(/^ {2}PASS {2}Public, private and database subnets/);
    expect(lineWith(plain, 'nat-gateway-per-az')).toMatch(/^ {2}FAIL {2}Each private subnet/);
    expect(lineWith(plain, 'rds-private')).toMatch(/^ {2}SKIP {2}The database/);
    expect(lineWith(plain, 'security-group-chain')).toMatch(/^ {2}ERROR Security groups chain/);
  });

  it('heads the report with the lab and the source and target', () => {
    const [title, source] = plain.split('\n');
    expect(title).toBe('Move to a VPC across two Availability Zones (vpc-migration)');
    expect(source).toBe('  Source: stack ShopVpcMigration at http://127.0.0.1:4566 · target: localstack-free');
  });

  it('gives every rule its message, and a FAIL its fix and guide link', () => {
    expect(plain).toContain('      Found 6 subnets in 2 AZs');
    expect(plain).toContain('      LocalStack free tier does not emulate RDS');
    expect(plain).toContain('      cannot evaluate: the ingress rule of AppSg');
    // A message over two lines keeps its indentation.
    expect(plain).toContain('\n      If AZ#1 fails, AZ#2 loses its internet access.\n');
    expect(plain).toContain('      Fix: Set natGateways: 2 on ec2.Vpc');
    expect(plain).toContain('      Guide: https://workshop.example.com/docs/labs/vpc-migration#nat-gateways');
    // Fixes are only shown where something failed.
    expect(plain).not.toContain('Give ec2.Vpc maxAzs: 2');
    expect(plain).not.toContain('Place rds.DatabaseInstance');
  });

  it('ends with the score, the counts, the verdict and how to learn more', () => {
    expect(plain).toContain('Score 3/12  1 passed, 1 failed, 1 error, 1 skipped  (1.2 s)');
    expect(plain).toContain('\nSome checks failed\n');
    expect(plain).toContain('More about a rule: npx checker explain nat-gateway-per-az');
  });

  it('with colour uses symbols and ANSI colours', () => {
    const coloured = pretty(fixtureReport, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(lineWith(coloured, 'subnets-span-two-azs')).toContain('\x1b[32m✔\x1b[39m');
    expect(lineWith(coloured, 'nat-gateway-per-az')).toContain('\x1b[31m✖\x1b[39m');
    expect(lineWith(coloured, 'rds-private')).toContain('○');
    expect(lineWith(coloured, 'security-group-chain')).toContain('\x1b[33m!\x1b[39m');
    // Stripped of colour, the text is the same words as the plain report apart from the marks.
    expect(coloured.replace(new RegExp(ANSI, 'g'), '')).toContain('Score 3/12  1 passed');
  });

  it('speaks Korean, labels included', () => {
    const korean = pretty(fixtureReport, { color: false, lang: 'ko' });
    expect(korean.split('\n')[0]).toBe('두 가용 영역에 걸친 VPC로 이전하기 (vpc-migration)');
    expect(korean).toContain('  검사 대상: stack ShopVpcMigration at http://127.0.0.1:4566 · 환경: localstack-free');
    expect(korean).toContain('FAIL  각 프라이빗 서브넷은 같은 AZ의 NAT 게이트웨이로 라우팅합니다');
    expect(korean).toContain('      고치는 방법: ec2.Vpc에 natGateways: 2를 주어');
    expect(korean).toContain('      가이드: https://workshop.example.com/docs/labs/vpc-migration#nat-gateways');
    expect(korean).toContain('점수 3/12  통과 1, 실패 1, 오류 1, 건너뜀 1  (1.2초)');
    expect(korean).toContain('통과하지 못한 검사가 있습니다');
    expect(korean).not.toMatch(/Score|Fix:|Guide:|passed/);
  });

  it('reports a full pass without a pointer to explain', () => {
    const output = pretty(passingKoreanReport, { color: false });
    expect(output).toContain('  검사 대상: app labs/vpc-migration\n');
    expect(output).toContain('점수 6/6  통과 2  (1.2초)');
    expect(output).toContain('모든 검사를 통과했습니다');
    expect(output).not.toContain('checker explain');
  });

  it('says so when a lab has no rules', () => {
    const empty = { ...fixtureReport, results: [], score: { points: 0, maxPoints: 0 }, summary: { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 } };
    expect(pretty(empty, { color: false })).toContain('No rules were run for this lab.');
  });
});
