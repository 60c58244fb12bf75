import fs from 'node:fs';
import path from 'node:path';
import { labFolder } from './core';
import type { Catalog } from './types';

export type * from './types';
export {
  catalog,
  DEFAULT_SECONDARY_REGION,
  findLab,
  guideRoute,
  hourlyCost,
  labCost,
  labFolder,
  labStacks,
  nearestId,
  nearestLabId,
  priceCatalog,
  regionName,
  secondaryRegion,
  usesSecondaryRegion,
} from './core';
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

/** Folder of a lab's starter (`labs/<id>`) or solution (`solutions/<id>`). */
export function labDir(labId: string, kind: 'starter' | 'solution', root: string = repoRoot): string {
  return path.join(root, ...labFolder(labId, kind).split('/'));
}
