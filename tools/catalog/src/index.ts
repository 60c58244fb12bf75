import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, Lab } from './types';

export type * from './types';
export { validateCatalog } from './validate';
export { guidePath } from './paths';

/** The repository root: two folders above this package. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Absolute path of labs/catalog.json. */
export const catalogPath = path.join(repoRoot, 'labs', 'catalog.json');

/** Reads labs/catalog.json (or another catalog file) without validating it. */
export function readCatalog(file: string = catalogPath): Catalog {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
}

/** The labs in workshop order. */
export const catalog: Catalog = readCatalog();

/** Folder of a lab's starter (`labs/<id>`) or solution (`solutions/<id>`). */
export function labDir(labId: string, kind: 'starter' | 'solution', root: string = repoRoot): string {
  return path.join(root, kind === 'starter' ? 'labs' : 'solutions', labId);
}

/** Sum of a lab's hourly cost items, in US dollars. */
export function hourlyCost(lab: Lab): number {
  return Math.round(lab.costPerHour.reduce((sum, item) => sum + item.usd, 0) * 1000) / 1000;
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
