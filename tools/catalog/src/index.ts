import fs from 'node:fs';
import path from 'node:path';
import { priceLine, priceTable, roundUsd } from './prices';
import type { Catalog, Lab, PricedCatalog, PricedLab } from './types';

export type * from './types';
export { validateCatalog } from './validate';
export { guidePath } from './paths';
export {
  priceLine,
  priceTable,
  roundUsd,
  unitPrice,
  unverifiedReason,
  type CostLine,
  type PriceCheck,
  type PriceEntry,
  type PricedLine,
  type PriceTable,
} from './prices';

/** The repository root: two folders above this package. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Absolute path of labs/catalog.json. */
export const catalogPath = path.join(repoRoot, 'labs', 'catalog.json');

/** Reads labs/catalog.json (or another catalog file) without validating it. */
export function readCatalog(file: string = catalogPath): Catalog {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
}

/** Prices every lab's cost lines from labs/prices.json in the catalog's Region (the one place hourly costs are computed). */
export function priceCatalog(source: Catalog): PricedCatalog {
  const labs = source.labs.map((lab): PricedLab => {
    const items = lab.costPerHour.map((item) => {
      const { price, quantity, resource, usd, unverified } = priceLine(item, source.pricing.region);
      return { price, quantity, resource, usd, ...(unverified ? { unverified } : {}) };
    });
    return { ...lab, cost: { items, hourlyUsd: roundUsd(items.reduce((sum, item) => sum + item.usd, 0)) } };
  });
  return { ...source, labs, priceDate: priceTable.date };
}

/** The labs in workshop order, each with its cost priced. */
export const catalog: PricedCatalog = priceCatalog(readCatalog());

/** Folder of a lab's starter (`labs/<id>`) or solution (`solutions/<id>`). */
export function labDir(labId: string, kind: 'starter' | 'solution', root: string = repoRoot): string {
  return path.join(root, kind === 'starter' ? 'labs' : 'solutions', labId);
}

/** A lab's cost on real AWS per hour, in US dollars, from labs/prices.json. */
export function hourlyCost(lab: Lab): number {
  const priced = catalog.labs.find((candidate) => candidate.id === lab.id);
  return (priced && priced.costPerHour === lab.costPerHour ? priced : priceCatalog({ ...catalog, labs: [lab] }).labs[0]).cost.hourlyUsd;
}

/** Finds a lab by id, or undefined. */
export function findLab(id: string, source: Catalog = catalog): Lab | undefined {
  return source.labs.find((lab) => lab.id === id);
}

/** The catalog id closest to `input` by edit distance, for "did you mean" messages. */
export function nearestLabId(input: string, source: Catalog = catalog): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const { id } of source.labs) {
    const distance = editDistance(input, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(3, Math.floor(input.length / 2)) ? best.id : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
