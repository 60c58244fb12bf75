import { catalog, labDir } from '@workshop/catalog';
import { handWrittenShop } from '../rules/fixtures/hand-written-shop';
import { l1ShopTemplate } from '../rules/fixtures/l1-shop';
import { shopTemplate } from '../rules/fixtures/shop';
import { loadSource } from '../sources';
import { graphFromTemplate } from '../sources/template/resolve';
import { biggest, compare, costLines, estimate } from './estimate';
import { estimateLines } from './format';

const byPrice = <T extends { price: string }>(lines: readonly T[]): T[] => [...lines].sort((a, b) => a.price.localeCompare(b.price));
const quantities = (result: ReturnType<typeof estimate>): Record<string, number> =>
  Object.fromEntries(result.lines.map((line) => [line.price, line.quantity]));

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/** The Multi-AZ shop with its MySQL engine at `version`. */
function withMysql(version: string): Template {
  const template = shopTemplate({ database: { multiAz: true } }) as Template;
  Object.values(template.Resources).find((resource) => resource.Type === 'AWS::RDS::DBInstance')!.Properties.EngineVersion = version;
  return template;
}

describe('estimate', () => {
  it('prices the shop: NAT gateways per AZ, ALBs, instances at their minimum size, Multi-AZ RDS, public IPv4', () => {
    const result = estimate(graphFromTemplate(withMysql('8.4.10')), 'us-east-1');
    expect(quantities(result)).toMatchObject({
      'nat-gateway': 2,
      alb: 2,
      'ec2:t3.micro': 4,
      'rds-mysql-multi-az:db.t3.micro': 1,
      'public-ipv4': 4,
    });
    expect(result.hourlyUsd).toBeCloseTo(
      result.lines.reduce((sum, line) => sum + line.usd, 0),
      3,
    );
    expect(result.monthlyUsd).toBeCloseTo(result.hourlyUsd * 730, 0);
    expect(biggest(result).map((line) => line.price)).toEqual(['nat-gateway', 'alb', 'ec2:t3.micro']);
  });

  it('counts three NAT gateways and their addresses in the L1 shop over three AZs, and reads a hand-written template', () => {
    expect(quantities(estimate(graphFromTemplate(l1ShopTemplate()), 'ap-northeast-2'))).toMatchObject({
      'nat-gateway': 3,
      'nat-gateway-data': 15,
    });
    expect(estimate(graphFromTemplate(handWrittenShop()), 'ap-northeast-2').lines.length).toBeGreaterThan(0);
  });

  it('adds RDS Extended Support for MySQL 8.0, past standard support at the table date', () => {
    const template = shopTemplate({ database: { multiAz: true } }) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const db = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::RDS::DBInstance')!;
    db.Properties.EngineVersion = '8.0.43';
    expect(quantities(estimate(graphFromTemplate(template), 'us-east-1'))['rds-extended-support']).toBe(4);
    db.Properties.EngineVersion = '8.4.10';
    expect(quantities(estimate(graphFromTemplate(template), 'us-east-1'))['rds-extended-support']).toBeUndefined();
  });

  it('names what the table cannot price instead of guessing', () => {
    const template = shopTemplate() as Template;
    const launchTemplate = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::EC2::LaunchTemplate')!;
    (launchTemplate.Properties.LaunchTemplateData as Record<string, unknown>).InstanceType = 'x9.huge';
    const result = estimate(graphFromTemplate(template), 'us-east-1');
    expect(result.unpriced.map((item) => item.reason.en)).toContain('instance type x9.huge has no price in the table for us-east-1');
  });

  it('says it is an estimate, its date and what it leaves out, and compares with the solution, in both languages', () => {
    const mine = estimate(graphFromTemplate(shopTemplate({ natGateways: 1 })), 'ap-northeast-2');
    const solution = estimate(graphFromTemplate(shopTemplate({ database: { multiAz: true } })), 'ap-northeast-2');
    expect(compare(mine, solution).map((difference) => difference.price)).toEqual(
      expect.arrayContaining(['nat-gateway', 'rds-mysql-multi-az:db.t3.micro', 'rds-mysql:db.t3.micro']),
    );
    const en = estimateLines(mine, 'en', solution).join('\n');
    expect(en).toContain('This is an estimate: on-demand prices in Asia Pacific (Seoul) from labs/prices.json, checked on');
    // Seoul's EC2 price could not be confirmed: the line and the footnote say so; the confirmed NAT price is not flagged.
    expect(en).toMatch(/t3\.micro: \$[\d.]+\/h \(unconfirmed price\*\)/);
    expect(en).toMatch(/\* Unconfirmed prices:\n(?: {2}- .*\n)*? {2}- EC2 t3\.micro: no public source/);
    expect(en).not.toMatch(/NAT gateway: \$[\d.]+\/h \(unconfirmed/);
    expect(en).toContain("Difference from the lab's solution");
    expect(en).toMatch(/Left out: the free tier/);
    const ko = estimateLines(mine, 'ko', solution).join('\n');
    expect(ko).toContain('추정치입니다');
    expect(ko).toContain('* 확인되지 않은 가격:');
    expect(ko).toContain('실습 솔루션');
  });
});

describe("the catalog's per-lab costs", () => {
  it.each(catalog.labs.map((lab) => [lab.id, lab] as const))(
    'are the estimate of the %s solution, from the same price table',
    async (_id, lab) => {
      const loaded = await loadSource({ kind: 'app', dir: labDir(lab.id, 'solution') }, { lab, stackName: lab.stackName });
      const expected = costLines(estimate(loaded.graph, catalog.pricing.region));
      // On a mismatch, the received list is what labs/catalog.json should say for this lab.
      expect(byPrice(lab.costPerHour)).toEqual(byPrice(expected));
    },
    120_000,
  );
});
