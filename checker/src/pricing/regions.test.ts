import { priceTable, type PriceTable } from '@workshop/catalog';
import { graphFromStacks } from '../sources/template/resolve';
import { estimate } from './estimate';
import { regionalLines } from './format';
import { estimateRegions, regionGraph, totalOf } from './regions';

/** A template with `count` NAT gateways. */
const nats = (count: number) => ({
  Resources: Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`Nat${i}`, { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: `subnet-${i}` } }]),
  ),
});

/** Two NAT gateways in the main stack, one in the second Region's stack. */
const graph = graphFromStacks([
  { name: 'ShopDr', template: nats(1), region: 'secondary', regionName: 'ap-northeast-1', main: false },
  { name: 'Shop', template: nats(2), region: 'primary', main: true },
]);

/** The price table with Tokyo priced like US East. */
const withTokyo: PriceTable = {
  ...priceTable,
  regions: { ...priceTable.regions, 'ap-northeast-1': { en: 'Asia Pacific (Tokyo)', ko: '아시아 태평양(도쿄)' } },
  prices: Object.fromEntries(
    Object.entries(priceTable.prices).map(([key, entry]) => [
      key,
      {
        ...entry,
        usd: { ...entry.usd, 'ap-northeast-1': entry.usd['us-east-1'] },
        check: { ...entry.check, 'ap-northeast-1': entry.check['us-east-1'] },
      },
    ]),
  ),
};

describe('estimates of a lab with stacks in two Regions', () => {
  it('splits the graph by Region', () => {
    expect(
      regionGraph(graph, 'primary')
        .all()
        .map((resource) => resource.id),
    ).toEqual(['Nat0', 'Nat1']);
    expect(
      regionGraph(graph, 'secondary')
        .all()
        .map((resource) => resource.id),
    ).toEqual(['ShopDr/Nat0']);
  });

  it("prices each Region's resources at that Region's prices, and sums both", () => {
    const regions = estimateRegions(graph, 'ap-northeast-2', 'ap-northeast-1', withTokyo);
    expect(regions.map((entry) => [entry.role, entry.region, entry.estimate?.lines.map((line) => [line.price, line.quantity])])).toEqual([
      [
        'primary',
        'ap-northeast-2',
        [
          ['nat-gateway', 2],
          ['nat-gateway-data', 2 * priceTable.assumptions.natGatewayGbPerMonth],
        ],
      ],
      [
        'secondary',
        'ap-northeast-1',
        [
          ['nat-gateway', 1],
          ['nat-gateway-data', priceTable.assumptions.natGatewayGbPerMonth],
        ],
      ],
    ]);
    // The test table prices Tokyo like US East: the second Region's estimate is the US East one, not Seoul's.
    const tokyo = estimate(regionGraph(graph, 'secondary'), 'us-east-1').hourlyUsd;
    expect(regions[1].estimate?.hourlyUsd).toBe(tokyo);
    expect(tokyo).not.toBe(estimate(regionGraph(graph, 'secondary'), 'ap-northeast-2').hourlyUsd);
    expect(totalOf(regions).hourlyUsd).toBeCloseTo(estimate(regionGraph(graph, 'primary'), 'ap-northeast-2').hourlyUsd + tokyo, 3);
    const lines = regionalLines(regions, 'en');
    expect(lines[0]).toBe('== Asia Pacific (Seoul) (ap-northeast-2, primary Region) ==');
    expect(lines).toContain('== Asia Pacific (Tokyo) (ap-northeast-1, second Region) ==');
    expect(lines[lines.length - 1]).toMatch(/^Both Regions together: about \$\d+\.\d{3} an hour/);
    expect(regionalLines(regions, 'ko')[lines.length - 1]).toMatch(/^두 리전 합계: 시간당 약/);
  });

  it('says so when the table has no prices for the second Region, and still prices the first', () => {
    const regions = estimateRegions(graph, 'ap-northeast-2', 'eu-west-9');
    expect(regions[1].estimate).toBeUndefined();
    expect(regionalLines(regions, 'en')).toContain('labs/prices.json has no eu-west-9 prices: this Region is not estimated.');
    expect(totalOf(regions).hourlyUsd).toBe(estimate(regionGraph(graph, 'primary'), 'ap-northeast-2').hourlyUsd);
  });
});
