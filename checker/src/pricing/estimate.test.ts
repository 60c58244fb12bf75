import { catalog, labCost, labDir, secondaryRegion } from '@workshop/catalog';
import { handWrittenShop } from '../rules/fixtures/hand-written-shop';
import { l1ShopTemplate } from '../rules/fixtures/l1-shop';
import { shopTemplate } from '../rules/fixtures/shop';
import { loadSource } from '../sources';
import { graphFromTemplate } from '../sources/template/resolve';
import { biggest, compare, estimate } from './estimate';
import { estimateLines } from './format';
import { estimateRegions, regionalCostLines, totalOf } from './regions';

const byPrice = <T extends { price: string; region?: string }>(lines: readonly T[]): T[] =>
  [...lines].sort((a, b) => `${a.region ?? 'primary'} ${a.price}`.localeCompare(`${b.region ?? 'primary'} ${b.price}`));
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

/** A graph of one template with the given resources. */
const only = (resources: Record<string, { Type: string; Properties: Record<string, unknown> }>) =>
  graphFromTemplate({ Resources: resources });

describe('caches, keys and DNS', () => {
  it('prices replication groups by engine and node count: Valkey at its own price, Redis OSS shards times their nodes', () => {
    const valkey = { Engine: 'valkey', CacheNodeType: 'cache.t4g.micro', NumCacheClusters: 2, ReplicationGroupDescription: 'shop' };
    const redis = {
      Engine: 'redis',
      CacheNodeType: 'cache.t3.micro',
      NumNodeGroups: 2,
      ReplicasPerNodeGroup: 1,
      ReplicationGroupDescription: 'shop',
    };
    const result = estimate(
      only({
        Valkey: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: valkey },
        Redis: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: redis },
      }),
      'ap-northeast-2',
    );
    expect(quantities(result)).toEqual({ 'elasticache-valkey:cache.t4g.micro': 2, 'elasticache:cache.t3.micro': 4 });
    expect(result.unpriced).toEqual([]);
  });

  it('names a cache node type the table lacks for its engine instead of pricing it as another', () => {
    const result = estimate(
      only({
        Cache: {
          Type: 'AWS::ElastiCache::ReplicationGroup',
          Properties: { Engine: 'valkey', CacheNodeType: 'cache.t3.micro', NumCacheClusters: 2, ReplicationGroupDescription: 'shop' },
        },
      }),
      'ap-northeast-2',
    );
    expect(result.lines).toEqual([]);
    expect(result.unpriced.map((item) => item.reason.en)).toEqual([
      'cache node cache.t3.micro has no price in the table for ap-northeast-2',
    ]);
  });

  it('counts customer managed KMS keys, not their aliases', () => {
    const key = { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } };
    const alias = { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/shop', TargetKeyId: 'key-1' } };
    expect(quantities(estimate(only({ Key: key, Alias: alias }), 'ap-northeast-2'))).toEqual({ 'kms-key': 1 });
    expect(quantities(estimate(only({ Alias: alias }), 'ap-northeast-2'))).toEqual({});
  });

  it('prices hosted zones and basic health checks, and names the options a health check pays extra for', () => {
    const check = (config: Record<string, unknown>) => ({
      Type: 'AWS::Route53::HealthCheck',
      Properties: { HealthCheckConfig: { FullyQualifiedDomainName: 'shop.example.com', ResourcePath: '/health', ...config } },
    });
    const basic = estimate(
      only({
        Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'example.com' } },
        Check: check({ Type: 'HTTP', RequestInterval: 30 }),
      }),
      'ap-northeast-2',
    );
    expect(quantities(basic)).toEqual({ 'route53-hosted-zone': 1, 'route53-health-check': 1 });
    expect(basic.unpriced).toEqual([]);
    const fancy = estimate(only({ Check: check({ Type: 'HTTPS_STR_MATCH', RequestInterval: 10, SearchString: 'ok' }) }), 'ap-northeast-2');
    expect(quantities(fancy)).toEqual({ 'route53-health-check': 1 });
    expect(fancy.unpriced.map((item) => item.reason)).toEqual([
      {
        en: 'the table prices the basic health check: HTTPS, string matching, the 10-second interval cost extra and are left out',
        ko: '표에는 기본 상태 확인 가격만 있어 추가 요금(HTTPS, 문자열 일치, 10초 간격)은 빠졌습니다',
      },
    ]);
  });
});

describe("the catalog's per-lab costs", () => {
  it.each(catalog.labs.map((lab) => [lab.id, lab] as const))(
    'are the estimate of the %s solution, from the same price table',
    async (_id, lab) => {
      const loaded = await loadSource({ kind: 'app', dir: labDir(lab.id, 'solution') }, { lab, stackName: lab.stackName });
      const regions = estimateRegions(loaded.graph, catalog.pricing.region, secondaryRegion(lab));
      // On a mismatch, the received list is what labs/catalog.json should say for this lab.
      expect(byPrice(lab.costPerHour)).toEqual(byPrice(regionalCostLines(regions)));
      // `checker price` and the site's cost table give the same totals, Region by Region and together.
      expect(regions.map((entry) => [entry.role, entry.region, entry.estimate?.hourlyUsd])).toEqual(
        labCost(lab).regions.map((entry) => [entry.role, entry.region, entry.hourlyUsd]),
      );
      expect(totalOf(regions).hourlyUsd).toBe(labCost(lab).hourlyUsd);
    },
    120_000,
  );
});
