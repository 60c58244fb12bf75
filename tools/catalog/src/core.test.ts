import fs from 'node:fs';
import path from 'node:path';
import { catalog, guideRoute, labFolder, nearestId } from './core';
import { labDir, readCatalog, repoRoot } from './index';

/** The relative modules a file imports, followed through the package's own files. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)) {
    const target = path.resolve(path.dirname(file), match[1]);
    if (match[1].startsWith('.') && fs.existsSync(`${target}.ts`)) reachable(`${target}.ts`, seen);
    else seen.add(match[1]);
  }
  return seen;
}

describe('the catalog core (what the site imports in the browser)', () => {
  it('reads no file when it loads: it imports no Node module, only the catalog and price table as JSON', () => {
    const imports = [...reachable(path.join(__dirname, 'core.ts'))].filter((entry) => !entry.endsWith('.ts'));
    expect(imports.filter((entry) => !entry.endsWith('.json'))).toEqual([]);
    expect(imports.sort()).toEqual(['../../../labs/catalog.json', '../../../labs/prices.json']);
  });

  it('holds the same labs as labs/catalog.json on disk', () => {
    expect(catalog.labs.map((lab) => lab.id)).toEqual(readCatalog().labs.map((lab) => lab.id));
  });

  it('builds the guide route of a lab, with a section and a locale', () => {
    expect(guideRoute('vpc-migration')).toBe('/docs/labs/vpc-migration');
    expect(guideRoute('vpc-migration', { section: 'subnets' })).toBe('/docs/labs/vpc-migration#subnets');
    expect(guideRoute('vpc-migration', { section: 'subnets', lang: 'ko' })).toBe('/ko/docs/labs/vpc-migration#subnets');
    expect(guideRoute('vpc-migration', { lang: 'en' })).toBe('/docs/labs/vpc-migration');
  });

  it('is the only code that builds a guide route: no checker, site or tool file joins /docs/labs/ with an id', () => {
    const roots = ['checker/src', 'checker/testing', 'site/src', 'tools'].map((dir) => path.join(repoRoot, dir));
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
        return /\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
      });
    const byHand = roots
      .flatMap(sources)
      .filter((file) => file !== path.join(__dirname, 'core.ts') && /docs\/labs\/\$\{/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    expect(byHand).toEqual([]);
  });

  it('names the folder of a starter and a solution, which labDir resolves under the repository', () => {
    expect(labFolder('vpc-migration', 'starter')).toBe('labs/vpc-migration');
    expect(labFolder('vpc-migration', 'solution')).toBe('solutions/vpc-migration');
    expect(labDir('vpc-migration', 'solution')).toBe(path.join(repoRoot, 'solutions', 'vpc-migration'));
    expect(fs.existsSync(labDir(catalog.labs[0].id, 'starter'))).toBe(true);
  });

  it('suggests the nearest of any list of ids, and nothing for a far one', () => {
    expect(nearestId('no-open-ingres', ['no-open-ingress', 'rds-private'])).toBe('no-open-ingress');
    expect(nearestId('zzzzzzzzzzzzzzzzzzzzzzzz', ['no-open-ingress', 'rds-private'])).toBeUndefined();
    expect(nearestId('anything', [])).toBeUndefined();
  });
});
