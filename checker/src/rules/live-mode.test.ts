import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { findLab } from '@workshop/catalog';
import { graphFromTemplate } from '../sources/template/resolve';
import { eventShopTemplate } from './fixtures/event-shop';
import { handWrittenShop } from './fixtures/hand-written-shop';
import { l1ShopTemplate } from './fixtures/l1-shop';
import { liveGraphOf } from './fixtures/live';
import { handWrittenOnPrem, onPremTemplate } from './fixtures/onprem';
import { shopTemplate } from './fixtures/shop';
import { judge } from './fixtures/judge';
import { rules } from './index';
import type { ResourceGraph } from '../model/graph';
import type { Status } from './types';

const LABS_1_TO_3 = ['on-prem-baseline', 'vpc-migration', 'multi-az-rds'];

function statuses(graph: ResourceGraph, labId: string): Record<string, Status> {
  const lab = findLab(labId)!;
  return Object.fromEntries(
    lab.checks.map((id) => [
      id,
      judge(
        rules.find((rule) => rule.id === id)!,
        graph,
        labId,
      ).status,
    ]),
  );
}

describe('labs 1-3 rules in live mode', () => {
  const cases: Array<[string, string, unknown, { mainRouteTableOf?: string }]> = [
    [
      'the L2 shop with every stretch task',
      'multi-az-rds',
      shopTemplate({ database: { multiAz: true, storageEncrypted: true }, readReplica: {}, route53: { alias: true } }),
      {},
    ],
    ['the L2 shop with a shortcut and a shared NAT gateway', 'multi-az-rds', shopTemplate({ shortcut: 'web-to-rds', natGateways: 1 }), {}],
    ['the L1 shop, whose database subnets use the main route table', 'multi-az-rds', l1ShopTemplate(), { mainRouteTableOf: 'ShopVpc' }],
    ['the hand-written shop', 'vpc-migration', handWrittenShop(), {}],
    ['the on-prem baseline', 'on-prem-baseline', onPremTemplate(), {}],
    ['the hand-written on-prem baseline', 'on-prem-baseline', handWrittenOnPrem(), {}],
  ];

  it.each(cases)('reach the same verdicts over physical ids as over the template: %s', (_, labId, template, options) => {
    const expected = statuses(graphFromTemplate(template), labId);
    expect(Object.values(expected)).toContain('PASS');
    expect(statuses(liveGraphOf(template, options), labId)).toEqual(expected);
  });

  it('cover every rule of labs 1-3', () => {
    const ids = new Set(LABS_1_TO_3.flatMap((id) => findLab(id)!.checks));
    expect([...ids].filter((id) => !rules.some((rule) => rule.id === id && rule.modes.includes('live')))).toEqual([]);
  });
});

describe('lab 7 (event-ready) rules in live mode', () => {
  const lab7 = rules.filter((rule) => rule.guide.lab === 'event-ready');
  const verdicts = (graph: ResourceGraph): Record<string, Status> =>
    Object.fromEntries(lab7.map((rule) => [rule.id, judge(rule, graph).status]));

  it.each([
    ['the solution shop with an RDS Proxy', eventShopTemplate({ proxy: {} }), 'PASS'],
    ['a one-node cache in public subnets', eventShopTemplate({ cache: { nodes: 1, subnets: ec2.SubnetType.PUBLIC } }), 'FAIL'],
    [
      'hard-coded endpoints, WEB alone scheduled, a proxy without TLS',
      eventShopTemplate({ readPath: 'hard-coded', schedule: 'web-only', proxy: { tls: false } }),
      'FAIL',
    ],
  ])('reach the same verdicts over physical ids as over the template: %s', (_, template, expectedStatus) => {
    const expected = verdicts(graphFromTemplate(template));
    expect(Object.values(expected)).toContain(expectedStatus);
    expect(verdicts(liveGraphOf(template))).toEqual(expected);
  });

  it('cover every rule of the lab in live mode', () => {
    expect(lab7.map((rule) => rule.id).sort()).toEqual([
      'app-read-path-configured',
      'cache-encryption',
      'cache-multi-az-failover',
      'cache-private-app-only',
      'event-scheduled-scaling',
      'rds-proxy-private',
    ]);
    expect(lab7.filter((rule) => !rule.modes.includes('live'))).toEqual([]);
  });
});
