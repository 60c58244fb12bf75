import { XMLParser } from 'fast-xml-parser';
import { fixtureReport, passingKoreanReport } from './fixtures';
import { junit } from './junit';

interface Parsed {
  testsuites: {
    name: string;
    tests: number;
    failures: number;
    errors: number;
    skipped: number;
    testsuite: Array<{
      name: string;
      tests: number;
      failures: number;
      errors: number;
      skipped: number;
      timestamp: string;
      time: number;
      properties: { property: Array<{ name: string; value: string }> };
      testcase: Array<{
        classname: string;
        name: string;
        time: number;
        failure?: { message: string; type: string; '#text': string };
        error?: { message: string; type: string; '#text': string };
        skipped?: string;
        'system-out'?: string;
      }>;
    }>;
  };
}

function parse(xml: string): Parsed {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: true,
    htmlEntities: true,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml) as Parsed;
}

describe('junit reporter', () => {
  const xml = junit(fixtureReport, { color: false });
  const { testsuites } = parse(xml);
  const suite = testsuites.testsuite[0]!;
  const byRule = (id: string) => suite.testcase.find((t) => t.name.startsWith(`${id}: `))!;

  it('writes one test suite for the lab with the counts of each status', () => {
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(testsuites.testsuite).toHaveLength(1);
    expect(suite.name).toBe('vpc-migration: Move to a VPC across two Availability Zones');
    expect(suite).toMatchObject({ tests: 4, failures: 1, errors: 1, skipped: 1, time: 1.234 });
    expect(testsuites).toMatchObject({ name: 'checker', tests: 4, failures: 1, errors: 1, skipped: 1 });
    expect(suite.timestamp).toBe(fixtureReport.startedAt);
  });

  it('records the score and where the report came from as properties', () => {
    const properties = Object.fromEntries(suite.properties.property.map((p) => [p.name, String(p.value)]));
    expect(properties).toEqual({
      lab: 'vpc-migration',
      stack: 'ShopVpcMigration',
      source: 'stack ShopVpcMigration at http://127.0.0.1:4566',
      target: 'localstack-free',
      score: '3',
      maxScore: '12',
      checkerVersion: '0.1.0',
    });
  });

  it('writes one test case per rule, named by id and title', () => {
    expect(suite.testcase.map((t) => t.name.split(':')[0])).toEqual(fixtureReport.results.map((r) => r.ruleId));
    expect(suite.testcase.every((t) => t.classname === 'vpc-migration')).toBe(true);
    expect(byRule('nat-gateway-per-az').time).toBe(0.007);
  });

  it('turns FAIL into a failure whose body says how to fix it, with special characters intact', () => {
    const { failure } = byRule('nat-gateway-per-az');
    const message = fixtureReport.results[1]!.message.en;
    expect(failure).toMatchObject({ type: 'FAIL', message });
    expect(failure!['#text']).toBe(
      `${message}\nFix: Set natGateways: 2 on ec2.Vpc so each AZ gets its own NAT gateway in its public subnet.\n` +
        'Guide: https://workshop.example.com/docs/labs/vpc-migration#nat-gateways',
    );
  });

  it('turns ERROR into an error and SKIP into skipped with its reason', () => {
    const error = byRule('security-group-chain');
    expect(error.error).toMatchObject({ type: 'ERROR', message: fixtureReport.results[3]!.message.en });
    expect(error.failure).toBeUndefined();
    const skip = byRule('rds-private');
    expect(skip.skipped).toBe('');
    expect(skip['system-out']).toContain('LocalStack free tier does not emulate RDS');
    const pass = byRule('subnets-span-two-azs');
    expect(pass.failure ?? pass.error ?? pass.skipped).toBeUndefined();
  });

  it('names suites and cases in Korean when asked', () => {
    const korean = parse(junit(passingKoreanReport, { color: false })).testsuites.testsuite[0]!;
    expect(korean.name).toBe('vpc-migration: 두 가용 영역에 걸친 VPC로 이전하기');
    expect(korean.testcase.map((t) => t.name)).toEqual([
      'vpc-cidr: VPC는 10.0.0.0/16 대역을 씁니다',
      'subnets-span-two-azs: 퍼블릭·프라이빗·DB 서브넷이 각각 두 가용 영역(AZ)에 걸쳐 있습니다',
    ]);
    expect(korean).toMatchObject({ tests: 2, failures: 0, errors: 0, skipped: 0 });
    const failure = parse(junit(fixtureReport, { color: false, lang: 'ko' })).testsuites.testsuite[0]!.testcase[1]!.failure!;
    expect(failure['#text']).toContain('고치는 방법: ec2.Vpc에 natGateways: 2를 주어');
  });

  it('keeps the XML well-formed when an error message carries colour codes, control characters or "]]>"', () => {
    const raw = '\x1b[31msynth failed\x1b[39m at a[b[0]]> and c[d[1]]>\x00 end';
    const report = {
      ...fixtureReport,
      results: fixtureReport.results.map((r) => ({ ...r, message: { en: raw, ko: raw } })),
    };
    const cases = parse(junit(report, { color: false })).testsuites.testsuite[0]!.testcase;
    expect(cases[3]!.error!.message).toBe('synth failed at a[b[0]]> and c[d[1]]> end');
    expect(cases[3]!.error!['#text']).toBe('synth failed at a[b[0]] > and c[d[1]] > end');
    expect(cases[1]!.failure!['#text']).toContain('synth failed at a[b[0]] > and c[d[1]] > end\nFix:');
  });
});
