import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, catalogPath, hourlyCost, nearestLabId, readCatalog, repoRoot, validateCatalog } from './index';
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

  it('holds the six labs of the workshop in order', () => {
    expect(catalog.labs.map((lab) => lab.id)).toEqual([
      'on-prem-baseline',
      'vpc-migration',
      'multi-az-rds',
      's3-static-hosting',
      'cloudfront-cdn',
      'security-review',
    ]);
  });

  it('gives every lab an hourly cost that names what costs money', () => {
    for (const lab of catalog.labs) expect(hourlyCost(lab)).toBeGreaterThan(0);
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
