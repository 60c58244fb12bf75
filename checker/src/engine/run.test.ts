import { findLab } from '@workshop/catalog';
import { ResourceGraph } from '../model/graph';
import { CannotEvaluate } from '../model/types';
import type { Rule, RuleMeta } from '../rules/types';
import { ExitCode } from '../errors';
import { exitCodeOf, guideUrl, runChecks } from './run';

const lab = { ...findLab('vpc-migration')!, checks: ['passes', 'fails', 'unresolved', 'crashes', 'live-only', 'rds-thing', 'not-defined'] };
const graph = new ResourceGraph('template', [
  { id: 'Vpc', type: 'AWS::EC2::VPC', properties: { CidrBlock: { $unresolved: 'a parameter' } } },
]);

function rule(id: string, evaluate: Rule['evaluate'], extra: Partial<RuleMeta> = {}): Rule {
  return {
    id,
    area: 'network',
    title: { en: `${id} title`, ko: `${id} 제목` },
    severity: 'high',
    points: 10,
    why: { en: 'why', ko: '이유' },
    fix: { en: 'fix', ko: '고치기' },
    guide: { lab: 'vpc-migration', section: 'subnets' },
    seed: { seed: '000_0cb1d160706ddd77', section: '2' },
    modes: ['template', 'live'],
    services: ['ec2'],
    evaluate,
    ...extra,
  };
}

const rules: Rule[] = [
  rule('passes', () => ({ status: 'PASS', message: { en: 'ok', ko: '좋음' }, resources: ['Vpc'] })),
  rule('fails', () => ({ status: 'FAIL', message: { en: 'no', ko: '아님' } })),
  rule('unresolved', ({ graph: g }) => {
    g.prop(g.get('Vpc')!, 'CidrBlock');
    return { status: 'PASS', message: { en: 'wrong', ko: '틀림' } };
  }),
  rule('crashes', () => {
    throw new TypeError('x is undefined');
  }),
  rule('live-only', () => ({ status: 'PASS', message: { en: '', ko: '' } }), { modes: ['live'] }),
  rule('rds-thing', () => ({ status: 'PASS', message: { en: '', ko: '' } }), { services: ['rds'], points: 5 }),
];

describe('runChecks', () => {
  const report = runChecks({
    lab,
    rules,
    lang: 'ko',
    guideBaseUrl: 'https://workshop.example.com/',
    loaded: {
      graph,
      source: { kind: 'template', description: 'template t.yaml' },
      targetSkip: (r) =>
        r.services.includes('rds') ? { en: 'LocalStack free tier has no RDS', ko: 'LocalStack 무료 티어에는 RDS가 없습니다' } : undefined,
    },
  });
  const byId = Object.fromEntries(report.results.map((result) => [result.ruleId, result]));

  it("runs the lab's checks in catalog order", () => {
    expect(report.results.map((result) => result.ruleId)).toEqual(lab.checks);
  });

  it('turns an unresolved value into ERROR "cannot evaluate", never PASS', () => {
    expect(byId.unresolved.status).toBe('ERROR');
    expect(byId.unresolved.message.en).toBe('cannot evaluate: AWS::EC2::VPC Vpc CidrBlock: a parameter');
    expect(byId.unresolved.message.ko).toMatch(/^평가할 수 없습니다: /);
  });

  it('isolates a crashing rule as ERROR with its message', () => {
    expect(byId.crashes.status).toBe('ERROR');
    expect(byId.crashes.message.en).toContain('x is undefined');
    expect(byId.passes.status).toBe('PASS');
  });

  it('skips modes a rule does not support and services the target lacks, with the reason', () => {
    expect(byId['live-only']).toMatchObject({ status: 'SKIP', maxPoints: 0 });
    expect(byId['live-only'].message.en).toMatch(/--live/);
    expect(byId['rds-thing']).toMatchObject({ status: 'SKIP', maxPoints: 0, message: { en: 'LocalStack free tier has no RDS' } });
  });

  it('turns what a rule cannot see because the target does not create it into SKIP with the target’s reason, else ERROR', () => {
    const gapLab = { ...lab, checks: ['routes', 'other-gap'] };
    const missing = (id: string, needs: string) =>
      rule(id, () => {
        throw new CannotEvaluate('subnet s uses its main route table, which was not loaded', needs);
      });
    const gapReport = runChecks({
      lab: gapLab,
      rules: [missing('routes', 'AWS::EC2::SubnetRouteTableAssociation'), missing('other-gap', 'AWS::EC2::NetworkAcl')],
      lang: 'en',
      loaded: {
        graph,
        source: { kind: 'live', description: 'stack S at http://127.0.0.1:4566' },
        targetSkip: (r) =>
          r.resourceTypes?.includes('AWS::EC2::SubnetRouteTableAssociation')
            ? { en: 'SKIP: moto server does not create it', ko: '건너뜀' }
            : undefined,
      },
    });
    expect(gapReport.results.map((result) => [result.ruleId, result.status, result.message.en])).toEqual([
      ['routes', 'SKIP', 'SKIP: moto server does not create it'],
      ['other-gap', 'ERROR', 'cannot evaluate: subnet s uses its main route table, which was not loaded'],
    ]);
  });

  it('reports a check id the registry lacks as ERROR', () => {
    expect(byId['not-defined'].status).toBe('ERROR');
    expect(byId['not-defined'].message.en).toMatch(/does not define the rule not-defined/);
  });

  it('scores PASS fully, FAIL and ERROR as zero, SKIP out of the total', () => {
    expect(report.score).toEqual({ points: 10, maxPoints: 40 });
    expect(report.summary).toEqual({ PASS: 1, FAIL: 1, SKIP: 2, ERROR: 3 });
    expect(byId.passes).toMatchObject({ points: 10, maxPoints: 10, resources: ['Vpc'], fix: { en: 'fix' } });
    expect(report.lab).toEqual({ id: 'vpc-migration', title: lab.title, stackName: 'ShopVpcMigration' });
  });

  it('links the guide section in the report language', () => {
    expect(byId.passes.guideUrl).toBe('https://workshop.example.com/ko/docs/labs/vpc-migration#subnets');
    expect(guideUrl({ lab: 'multi-az-rds', section: 'backups' }, 'en')).toBe('/docs/labs/multi-az-rds#backups');
  });

  it('asks for exit code 1 on FAIL or ERROR and 0 when everything passed or skipped', () => {
    expect(exitCodeOf(report)).toBe(ExitCode.Fail);
    const clean = runChecks({
      lab: { ...lab, checks: ['passes', 'live-only'] },
      rules,
      lang: 'en',
      loaded: { graph, source: { kind: 'template', description: '' } },
    });
    expect(exitCodeOf(clean)).toBe(ExitCode.Pass);
    expect(clean.summary).toEqual({ PASS: 1, FAIL: 0, SKIP: 1, ERROR: 0 });
  });

  it('keeps the points of a SKIP whose thing is missing at stake, so leaving it out never raises the share', () => {
    const detail = rule('detail', () => ({
      status: 'SKIP',
      message: { en: 'no database yet', ko: '데이터베이스 없음' },
      pointsAtStake: true,
    }));
    const missing = runChecks({
      lab: { ...lab, checks: ['fails', 'detail'] },
      rules: [...rules, detail],
      lang: 'en',
      loaded: { graph, source: { kind: 'template', description: '' } },
    });
    expect(missing.score).toEqual({ points: 0, maxPoints: 20 });
    expect(missing.results.find((result) => result.ruleId === 'detail')).toMatchObject({ status: 'SKIP', points: 0, maxPoints: 10 });
    expect(exitCodeOf(missing)).toBe(ExitCode.Fail);
  });
});
