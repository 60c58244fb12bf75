import { handWrittenShop } from '../rules/fixtures/hand-written-shop';
import { l1ShopTemplate } from '../rules/fixtures/l1-shop';
import { onPremTemplate } from '../rules/fixtures/onprem';
import { shopTemplate } from '../rules/fixtures/shop';
import { graphFromTemplate } from '../sources/template/resolve';
import { architectureOf, missingFrom, type Architecture } from './architecture';
import { htmlReport, mermaidBundle } from './html';
import { missingLines, toMermaid } from './mermaid';
import { committedTarget } from './targets';

const keys = (architecture: Architecture): string[] => architecture.nodes.map((node) => node.key);
const arrows = (architecture: Architecture): string[] => architecture.edges.map((edge) => `${edge.from}>${edge.to}:${edge.label}`);

describe('architectureOf', () => {
  it('draws the three-tier shop by role: AZs, subnets by kind with NAT, tiers, database and the security chain', () => {
    const shop = architectureOf(graphFromTemplate(shopTemplate({ database: { multiAz: true } })));
    expect(shop.azs).toHaveLength(2);
    expect(keys(shop)).toEqual(
      expect.arrayContaining([
        'AZ 1-public',
        'AZ 1-private',
        'AZ 1-isolated',
        'AZ 2-public',
        'alb-external',
        'web',
        'alb-internal',
        'app',
        'database',
      ]),
    );
    expect(shop.nodes.find((node) => node.key === 'AZ 2-public')?.label.en).toBe('public subnet · NAT gateway');
    expect(shop.nodes.find((node) => node.key === 'database')?.label.en).toMatch(/Multi-AZ$/);
    expect(arrows(shop)).toEqual(
      expect.arrayContaining([
        'internet>alb-external:tcp 80',
        'alb-external>web:tcp 80',
        'web>alb-internal:tcp 80',
        'alb-internal>app:tcp 8080',
        'app>database:tcp 3306',
      ]),
    );
  });

  it('reads an L1 shop over three AZs and a hand-written template the same way', () => {
    const l1 = architectureOf(graphFromTemplate(l1ShopTemplate()));
    expect(l1.azs).toHaveLength(3);
    expect(keys(l1)).toEqual(expect.arrayContaining(['AZ 3-public', 'AZ 3-private', 'alb-external', 'web', 'app', 'database']));
    const hand = architectureOf(graphFromTemplate(handWrittenShop()));
    expect(hand.azs).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
    expect(arrows(hand)).toEqual(expect.arrayContaining(['internet>alb-external:tcp 80']));
  });

  it('groups the on-premises servers by security group', () => {
    const onPrem = architectureOf(graphFromTemplate(onPremTemplate()));
    expect(onPrem.nodes.filter((node) => node.key.startsWith('servers-')).map((node) => node.label.en)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^EC2 t3\.micro ×2/)]),
    );
    expect(onPrem.edges.some((edge) => edge.from === 'internet')).toBe(true);
  });
});

describe('missingFrom and toMermaid', () => {
  const target = architectureOf(graphFromTemplate(shopTemplate({ database: { multiAz: true } })));

  it('names nothing when a variant with other ids and three AZs has everything the target has', () => {
    const mine = architectureOf(graphFromTemplate(shopTemplate({ maxAzs: 3, natGateways: 3, database: { multiAz: true } })));
    expect(missingLines(missingFrom(mine, target), 'en')).toEqual([]);
  });

  it.each([
    ['an L1 shop over three AZs', () => l1ShopTemplate()],
    ['a hand-written template with its own ids', () => handWrittenShop()],
    [
      'the CDK shop over three AZs with a NAT gateway in each',
      () => shopTemplate({ maxAzs: 3, natGateways: 3, database: { multiAz: true } }),
    ],
  ])('finds nothing missing in %s compared with the targets drawn from the vpc-migration and multi-az-rds solutions', (_, template) => {
    const mine = architectureOf(graphFromTemplate(template()));
    for (const lab of ['vpc-migration', 'multi-az-rds'])
      expect([lab, missingLines(missingFrom(mine, committedTarget(lab)!.architecture), 'en')]).toEqual([lab, []]);
  });

  it('dashes in red what the target has and the learner lacks', () => {
    const mine = architectureOf(graphFromTemplate(shopTemplate({ noInternalAlb: true, natGateways: 1 })));
    const missing = missingFrom(mine, target);
    // Without the internal ALB, the APP group is an Auto Scaling group behind nothing: the APP role is missing too.
    expect(missing.nodes.map((node) => node.key)).toEqual(['alb-internal', 'app']);
    expect(missing.notes.map((note) => note.en)).toEqual([
      'NAT gateways in 1 AZ(s); the target has one in each of 2',
      'the database is not Multi-AZ',
    ]);
    const mermaid = toMermaid(mine, 'ko', missing);
    expect(mermaid).toMatch(/^flowchart LR\n {2}classDef missing /);
    expect(mermaid).toContain('alb_internal["없음: ALB(내부)');
    expect(mermaid).toContain(':::missing');
    expect(mermaid).toMatch(/web -\.->\|"없음: tcp 80"\| alb_internal/);
    expect(mermaid).toMatch(/linkStyle \d+(,\d+)* stroke:#d1242f/);
  });
});

describe('htmlReport', () => {
  it('inlines Mermaid so the page opens without network', () => {
    const bundle = mermaidBundle();
    expect(bundle.length).toBeGreaterThan(1_000_000);
    const page = htmlReport(
      {
        lang: 'en',
        title: 'Your <shop>',
        subtitle: 's',
        diagrams: [{ heading: 'Yours', mermaid: 'flowchart LR\n a --> b' }],
        sections: [],
      },
      'window.mermaid = {}; "</script>"',
    );
    expect(page).toContain('<title>Your &lt;shop&gt;</title>');
    expect(page).toContain('<pre class="mermaid">flowchart LR\n a --&gt; b</pre>');
    expect(page).toContain('"<\\/script>"');
    expect(page).not.toMatch(/<script src=|https?:\/\//);
  });

  it('says how to get Mermaid when it is not installed', () => {
    expect(() =>
      mermaidBundle(() => {
        throw new Error('not found');
      }),
    ).toThrow(/run npm ci in the workshop folder/);
  });
});
