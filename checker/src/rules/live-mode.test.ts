import { findLab } from '@workshop/catalog';
import { graphFromTemplate } from '../sources/template/resolve';
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
