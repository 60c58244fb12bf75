import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  catalog,
  catalogPath,
  DEFAULT_SECONDARY_REGION,
  hourlyCost,
  labCost,
  labStacks,
  regionName,
  nearestLabId,
  priceCatalog,
  priceLine,
  priceTable,
  unverifiedReason,
  readCatalog,
  repoRoot,
  roundUsd,
  secondaryRegion,
  usesSecondaryRegion,
  validateCatalog,
  type PriceTable,
} from './index';
import { LAB_APP_SHAPE } from './validate';
import type { Catalog } from './types';

const clone = (): Catalog => structuredClone(readCatalog());

/** A throwaway repository with the lab folders and guides the catalog names. */
function fakeRepo(source: Catalog): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
  for (const lab of source.labs) {
    for (const folder of ['labs', 'solutions']) {
      for (const entry of LAB_APP_SHAPE) {
        const target = path.join(root, folder, lab.id, entry);
        if (path.extname(entry)) {
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, '{}');
        } else fs.mkdirSync(target, { recursive: true });
      }
      for (const hint of lab.hints) {
        fs.mkdirSync(path.dirname(path.join(root, folder, lab.id, hint.file)), { recursive: true });
        fs.writeFileSync(path.join(root, folder, lab.id, hint.file), '');
      }
    }
    for (const guide of [`docs/labs/${lab.id}.mdx`, `i18n/ko/docusaurus-plugin-content-docs/current/labs/${lab.id}.mdx`]) {
      fs.mkdirSync(path.dirname(path.join(root, 'site', guide)), { recursive: true });
      fs.writeFileSync(path.join(root, 'site', guide), '# guide');
    }
  }
  return root;
}

describe('labs/catalog.json', () => {
  it('is valid against the schema and the repository', () => {
    expect(validateCatalog(readCatalog(catalogPath), { root: repoRoot })).toEqual([]);
  });

  it('holds the nine labs of the workshop in order', () => {
    expect(catalog.labs.map((lab) => lab.id)).toEqual([
      'on-prem-baseline',
      'vpc-migration',
      'multi-az-rds',
      's3-static-hosting',
      'cloudfront-cdn',
      'security-review',
      'event-ready',
      'backup-dr',
      'global-expansion',
    ]);
  });

  it('gives every lab an hourly cost that names what costs money', () => {
    for (const lab of catalog.labs) expect(hourlyCost(lab)).toBeGreaterThan(0);
  });

  it("computes each lab's hourly cost from labs/prices.json, the one price table", () => {
    const lab = catalog.labs.find((candidate) => candidate.id === 'multi-az-rds')!;
    const region = catalog.pricing.region;
    const expected = lab.costPerHour.reduce((sum, item) => {
      const entry = priceTable.prices[item.price];
      const unit = entry.usd[region];
      return sum + (entry.per === 'hour' ? unit * item.quantity : (unit * item.quantity) / priceTable.hoursPerMonth);
    }, 0);
    expect(lab.cost.hourlyUsd).toBeCloseTo(expected, 3);
    expect(hourlyCost(lab)).toBe(lab.cost.hourlyUsd);
    expect(catalog.priceDate).toBe(priceTable.date);
  });

  it('prices a changed lab again instead of trusting a stale total', () => {
    const data = clone();
    data.labs[0].costPerHour = [{ price: 'nat-gateway', quantity: 3 }];
    expect(hourlyCost(data.labs[0])).toBeCloseTo(3 * priceTable.prices['nat-gateway'].usd[data.pricing.region], 6);
  });
});

describe('labs/prices.json', () => {
  it('is dated and prices every entry in every Region it names', () => {
    expect(priceTable.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [key, entry] of Object.entries(priceTable.prices)) {
      expect([key, Object.keys(entry.usd).sort()]).toEqual([key, Object.keys(priceTable.regions).sort()]);
      for (const usd of Object.values(entry.usd)) expect(usd).toBeGreaterThan(0);
    }
  });

  it('says for every price in every Region when it was checked and against what, or why it is unconfirmed', () => {
    const today = new Date().toISOString().slice(0, 10);
    // A table dated after today claims a check that has not happened.
    expect(priceTable.date <= today).toBe(true);
    for (const [key, entry] of Object.entries(priceTable.prices)) {
      expect([key, Object.keys(entry.check).sort()]).toEqual([key, Object.keys(entry.usd).sort()]);
      for (const [region, check] of Object.entries(entry.check)) {
        if ('checked' in check) {
          expect([key, region, check.checked <= priceTable.date, check.by.length > 0]).toEqual([key, region, true, true]);
        } else {
          expect([key, region, check.unverified.en.length > 0, check.unverified.ko.length > 0]).toEqual([key, region, true, true]);
        }
      }
    }
  });

  it("carries an unconfirmed price's reason into the priced line and the catalog", () => {
    expect(unverifiedReason('nat-gateway', 'ap-northeast-2')).toBeUndefined();
    expect(priceLine({ price: 'ec2:t3.micro', quantity: 1 }, 'ap-northeast-2').unverified?.en).toMatch(/no public source/);
    expect(unverifiedReason('rds-extended-support', 'ap-northeast-2')?.en).toMatch(/^Tokyo's published rate/);
    const unconfirmed = catalog.labs.flatMap((lab) => lab.cost.items).filter((item) => item.unverified);
    expect(unconfirmed.map((item) => item.price)).toContain('ec2:t3.micro');
  });

  it('names a line by count or by volume, in both languages', () => {
    expect(priceLine({ price: 'nat-gateway', quantity: 2 }, 'us-east-1').resource).toEqual({
      en: '2 × NAT gateway',
      ko: 'NAT 게이트웨이 2개',
    });
    const data = priceLine({ price: 'nat-gateway-data', quantity: 10 }, 'us-east-1');
    expect(data.resource.en).toBe('NAT gateway data processing (10 GB a month)');
    expect(data.usd).toBeCloseTo((10 * 0.045) / 730, 9);
  });

  it('refuses a price the table lacks, naming the key', () => {
    expect(() => priceLine({ price: 'ec2:x9.huge', quantity: 1 }, 'us-east-1')).toThrow(
      'labs/prices.json has no price "ec2:x9.huge" for us-east-1: add it or fix the key.',
    );
    expect(() => priceCatalog({ ...clone(), pricing: { ...clone().pricing, region: 'eu-west-9' } })).toThrow(/for eu-west-9/);
  });
});

describe('validateCatalog', () => {
  it('accepts a complete repository', () => {
    const data = clone();
    expect(validateCatalog(data, { root: fakeRepo(data) })).toEqual([]);
  });

  it('names the lab and the fix when a starter folder is missing', () => {
    const data = clone();
    const root = fakeRepo(data);
    fs.rmSync(path.join(root, 'labs', 'vpc-migration'), { recursive: true });
    expect(validateCatalog(data, { root })).toContain(
      'lab "vpc-migration": folder labs/vpc-migration is missing: create it (a cdk init-shaped app) or remove the lab from labs/catalog.json.',
    );
  });

  it('names the lab and the field when a title is empty', () => {
    const data = clone();
    data.labs[2].title.ko = '';
    expect(validateCatalog(data, { root: fakeRepo(data) })).toEqual(['lab "multi-az-rds": title.ko is empty: write it.']);
  });

  it('reports a missing field, a duplicate id and a missing guide', () => {
    const data = clone();
    const root = fakeRepo(data);
    delete (data.labs[0] as Partial<(typeof data.labs)[0]>).stackName;
    expect(validateCatalog(data, { root })).toEqual(['lab "on-prem-baseline": stackName is missing: add it.']);

    const dup = clone();
    dup.labs[1].id = dup.labs[0].id;
    fs.rmSync(path.join(root, 'site', 'docs', 'labs', 'cloudfront-cdn.mdx'));
    const problems = validateCatalog(dup, { root });
    expect(problems).toContain('lab "on-prem-baseline" appears twice: give each lab a unique id.');
    expect(problems).toContain('lab "cloudfront-cdn": the English guide site/docs/labs/cloudfront-cdn.mdx is missing: write it.');
  });

  it('rejects check ids the checker does not define', () => {
    const data = clone();
    data.labs = [data.labs[0]];
    const known = new Set(data.labs[0].checks.slice(1));
    expect(validateCatalog(data, { root: fakeRepo(data), ruleIds: known })).toEqual([
      `lab "on-prem-baseline" lists check(s) ${data.labs[0].checks[0]} that the checker does not define: add the rule under checker/src/rules/ or fix the id.`,
    ]);
  });

  it('names the lab and the key of a cost price the table lacks', () => {
    const data = clone();
    data.labs[4].costPerHour = [{ price: 'ec2:x9.huge', quantity: 1 }];
    expect(validateCatalog(data, { root: fakeRepo(data) })).toEqual([
      'lab "cloudfront-cdn": cost price "ec2:x9.huge" has no ap-northeast-2 price in labs/prices.json: add it there or fix the key.',
    ]);
  });

  it('rejects hints out of order', () => {
    const data = clone();
    data.labs[1].hints[1].step = 7;
    expect(validateCatalog(data, { root: fakeRepo(data) })).toEqual([
      'lab "vpc-migration": hint 2 has step 7: number hints 1, 2, 3... in the order of the starter\'s TODO marks.',
    ]);
  });

  it('rejects a lab id that carries its order as a number', () => {
    const data = clone();
    data.labs[3].id = '4-s3';
    expect(validateCatalog(data, { root: fakeRepo(clone()) })).toEqual([
      'lab "4-s3": id "4-s3" does not match ^[a-z][a-z0-9]*(-[a-z0-9]+)*$.',
    ]);
  });
});

describe('nearestLabId', () => {
  it('suggests the closest lab id for a typo', () => {
    expect(nearestLabId('vpc-migraton')).toBe('vpc-migration');
    expect(nearestLabId('zzzzzzzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });
});

describe('labs with several stacks in two Regions', () => {
  /** The price table with a Tokyo price for every key (twice the US East one, so the Regions' sums differ). */
  const withTokyo: PriceTable = {
    ...priceTable,
    prices: Object.fromEntries(
      Object.entries(priceTable.prices).map(([key, entry]) => [
        key,
        {
          ...entry,
          usd: { ...entry.usd, 'ap-northeast-1': entry.usd['us-east-1'] * 2 },
          check: { ...entry.check, 'ap-northeast-1': { checked: priceTable.date, by: 'test' } },
        },
      ]),
    ),
  };
  /** The price table without Tokyo. */
  const withoutTokyo: PriceTable = {
    ...priceTable,
    prices: Object.fromEntries(
      Object.entries(priceTable.prices).map(([key, entry]) => {
        const { 'ap-northeast-1': _usd, ...usd } = entry.usd;
        return [key, { ...entry, usd }];
      }),
    ),
  };
  /** The catalog's labs up to security-review, whose lab deploys a recovery stack to the second Region before its main stack. */
  const twoRegions = (): Catalog => {
    const data = clone();
    data.labs = data.labs.slice(0, data.labs.findIndex((lab) => lab.id === 'security-review') + 1);
    const lab = data.labs[data.labs.length - 1];
    lab.stacks = [
      { name: 'ShopTestRecovery', region: 'secondary' },
      { name: lab.stackName, region: 'primary', parameters: { VaultName: { stack: 'ShopTestRecovery', output: 'VaultName' } } },
    ];
    lab.costPerHour = [
      { price: 'nat-gateway', quantity: 2 },
      { price: 'nat-gateway', quantity: 1, region: 'secondary' },
    ];
    return data;
  };

  it('accepts stacks in deploy order whose parameters read earlier stacks', () => {
    const data = twoRegions();
    expect(validateCatalog(data, { root: fakeRepo(data), prices: withTokyo })).toEqual([]);
  });

  it('lists one stack, the main one in the primary Region, for a lab without stacks', () => {
    const data = twoRegions();
    expect(labStacks(data.labs[0])).toEqual([{ name: data.labs[0].stackName, region: 'primary' }]);
    expect(usesSecondaryRegion(data.labs[0])).toBe(false);
    expect(labStacks(data.labs[data.labs.length - 1]).map((stack) => stack.name)).toEqual(['ShopTestRecovery', 'ShopSecurityReview']);
    expect(usesSecondaryRegion(data.labs[data.labs.length - 1])).toBe(true);
  });

  it('names a Region from the price table in both languages, else by its code', () => {
    expect(regionName('ap-northeast-2', 'en')).toBe('Asia Pacific (Seoul)');
    expect(regionName('ap-northeast-2', 'ko')).toBe('아시아 태평양(서울)');
    expect(regionName('eu-west-9', 'ko')).toBe('eu-west-9');
  });

  it('takes the second Region from the lab, else the catalog, else Tokyo', () => {
    const data = twoRegions();
    const lab = data.labs[data.labs.length - 1];
    expect(secondaryRegion(lab, data)).toBe(DEFAULT_SECONDARY_REGION);
    expect(DEFAULT_SECONDARY_REGION).toBe('ap-northeast-1');
    expect(secondaryRegion(lab, { pricing: { ...data.pricing, secondaryRegion: 'us-east-1' } })).toBe('us-east-1');
    expect(
      secondaryRegion({ ...lab, secondaryRegion: 'ap-southeast-1' }, { pricing: { ...data.pricing, secondaryRegion: 'us-east-1' } }),
    ).toBe('ap-southeast-1');
  });

  it('names what is wrong: the main stack missing or secondary, a repeated stack, a parameter of a later stack, a stack of another lab', () => {
    const data = twoRegions();
    const lab = data.labs[data.labs.length - 1];
    const root = fakeRepo(data);
    lab.stacks = [
      { name: 'ShopTestRecovery', region: 'secondary', parameters: { Zone: { stack: 'ShopSecurityReview', output: 'ZoneId' } } },
      { name: 'ShopSecurityReview', region: 'secondary' },
      { name: 'ShopTestRecovery', region: 'secondary' },
      { name: 'ShopCloudFrontCdn', region: 'primary' },
    ];
    expect(validateCatalog(data, { root, prices: withTokyo })).toEqual([
      'lab "security-review" reuses stack name "ShopCloudFrontCdn" of lab "cloudfront-cdn": stack names must be unique.',
      'lab "security-review" lists stack(s) ShopTestRecovery more than once in "stacks": list each once.',
      'lab "security-review": its stackName "ShopSecurityReview" is in the secondary Region: the main stack is in the primary Region.',
      'lab "security-review": stack ShopTestRecovery parameter Zone reads stack ShopSecurityReview, which is not deployed before it: list ShopSecurityReview earlier in "stacks" or fix the name.',
    ]);
    lab.stacks = [{ name: 'ShopTestRecovery', region: 'secondary' }];
    expect(validateCatalog(data, { root, prices: withTokyo })).toEqual([
      'lab "security-review": "stacks" does not list its stackName "ShopSecurityReview": add it, in the primary Region.',
    ]);
  });

  it('rejects a malformed stack entry and a secondary cost line without a secondary stack or price', () => {
    const data = twoRegions();
    const lab = data.labs[data.labs.length - 1];
    const root = fakeRepo(data);
    (lab.stacks as unknown as Array<Record<string, unknown>>)[0].region = 'tokyo';
    expect(validateCatalog(data, { root, prices: withTokyo })).toEqual([
      'lab "security-review": stacks.0.region must be equal to one of the allowed values.',
    ]);
    lab.stacks = undefined;
    expect(validateCatalog(data, { root, prices: withTokyo })).toEqual([
      'lab "security-review": cost price "nat-gateway" is in the secondary Region, but the lab has no stack there: list its stacks in "stacks" or drop "region".',
    ]);
    expect(validateCatalog(twoRegions(), { root, prices: withoutTokyo })).toEqual([
      'lab "security-review": cost price "nat-gateway" has no ap-northeast-1 price in labs/prices.json: add it there or fix the key.',
    ]);
  });

  it('prices each cost line in its Region and sums each Region and the total', () => {
    const data = twoRegions();
    const priced = priceCatalog(data, withTokyo);
    const lab = priced.labs[priced.labs.length - 1];
    const seoul = 2 * priceTable.prices['nat-gateway'].usd['ap-northeast-2'];
    const tokyo = 2 * priceTable.prices['nat-gateway'].usd['us-east-1'];
    expect(lab.cost.items.map((item) => [item.region ?? 'primary', item.usd])).toEqual([
      ['primary', seoul],
      ['secondary', tokyo],
    ]);
    expect(lab.cost.regions).toEqual([
      { role: 'primary', region: 'ap-northeast-2', hourlyUsd: roundUsd(seoul) },
      { role: 'secondary', region: 'ap-northeast-1', hourlyUsd: roundUsd(tokyo) },
    ]);
    expect(lab.cost.hourlyUsd).toBe(roundUsd(seoul + tokyo));
    expect(priced.labs[0].cost.regions).toEqual([{ role: 'primary', region: 'ap-northeast-2', hourlyUsd: priced.labs[0].cost.hourlyUsd }]);
  });

  it('gives every lab of the committed catalog its cost per Region, which adds up to its total', () => {
    for (const lab of catalog.labs) {
      expect(lab.cost.regions[0]).toMatchObject({ role: 'primary', region: catalog.pricing.region });
      expect(roundUsd(lab.cost.regions.reduce((sum, region) => sum + region.hourlyUsd, 0))).toBeCloseTo(lab.cost.hourlyUsd, 2);
      expect(labCost(lab)).toBe(lab.cost);
    }
  });
});
