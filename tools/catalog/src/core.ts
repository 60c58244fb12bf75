import catalogJson from '../../../labs/catalog.json';
import { priceLine, priceTable, roundUsd, type PriceTable } from './prices';
import type { Catalog, Lab, LabStack, Lang, PricedCatalog, PricedLab, RegionRole } from './types';

/*
 * The catalog's facts that every reader shares, in a module that reads no file when it loads (the
 * catalog and the price table come in by static imports), so the site's browser code imports the
 * same functions as the checker and the tools.
 */

/** The second Region of labs with stacks in two Regions when neither the lab nor the catalog names one (Tokyo). */
export const DEFAULT_SECONDARY_REGION = 'ap-northeast-1';

/** A lab's second Region: its own, else the catalog's, else DEFAULT_SECONDARY_REGION. */
export function secondaryRegion(lab: Pick<Lab, 'secondaryRegion'>, source: Pick<Catalog, 'pricing'> = catalogJson as Catalog): string {
  return lab.secondaryRegion ?? source.pricing.secondaryRegion ?? DEFAULT_SECONDARY_REGION;
}

/** A lab's stacks in deploy order: its `stacks`, or its one stack in the primary Region. */
export function labStacks(lab: Pick<Lab, 'stackName' | 'stacks'>): LabStack[] {
  return lab.stacks ?? [{ name: lab.stackName, region: 'primary' }];
}

/** True when the lab deploys stacks to its second Region. */
export function usesSecondaryRegion(lab: Pick<Lab, 'stackName' | 'stacks'>): boolean {
  return labStacks(lab).some((stack) => stack.region === 'secondary');
}

/**
 * Prices every lab's cost lines from labs/prices.json (or `table`): primary items in the catalog's Region,
 * secondary items in the lab's second Region (the one place hourly costs are computed).
 */
export function priceCatalog(source: Catalog, table: PriceTable = priceTable): PricedCatalog {
  const labs = source.labs.map((lab): PricedLab => {
    const regionOf = (role: RegionRole): string => (role === 'secondary' ? secondaryRegion(lab, source) : source.pricing.region);
    const items = lab.costPerHour.map((item) => {
      const { price, quantity, resource, usd, unverified } = priceLine(item, regionOf(item.region ?? 'primary'), table);
      return { price, quantity, ...(item.region && { region: item.region }), resource, usd, ...(unverified ? { unverified } : {}) };
    });
    const roles: RegionRole[] = items.some((item) => item.region === 'secondary') ? ['primary', 'secondary'] : ['primary'];
    const regions = roles.map((role) => ({
      role,
      region: regionOf(role),
      hourlyUsd: roundUsd(items.filter((item) => (item.region ?? 'primary') === role).reduce((sum, item) => sum + item.usd, 0)),
    }));
    return { ...lab, cost: { items, hourlyUsd: roundUsd(items.reduce((sum, item) => sum + item.usd, 0)), regions } };
  });
  return { ...source, labs, priceDate: table.date };
}

/** The labs in workshop order, each with its cost priced. */
export const catalog: PricedCatalog = priceCatalog(catalogJson as Catalog);

/** A lab's cost on real AWS per hour, in US dollars, from labs/prices.json (every Region together). */
export function hourlyCost(lab: Lab): number {
  return labCost(lab).hourlyUsd;
}

/** A lab's priced cost on real AWS: the items, the total per hour and the sum in each Region. */
export function labCost(lab: Lab): PricedLab['cost'] {
  const priced = catalog.labs.find((candidate) => candidate.id === lab.id);
  return (priced && priced.costPerHour === lab.costPerHour ? priced : priceCatalog({ ...catalog, labs: [lab] }).labs[0]).cost;
}

/** A Region's name in the learner's language from labs/prices.json ("Asia Pacific (Tokyo)"), else its code. */
export function regionName(region: string, lang: Lang): string {
  return priceTable.regions[region]?.[lang] ?? region;
}

/** Finds a lab by id, or undefined. */
export function findLab(id: string, source: Catalog = catalog): Lab | undefined {
  return source.labs.find((lab) => lab.id === id);
}

/** Where a lab's starter (`labs/<id>`) or solution (`solutions/<id>`) lives, relative to the repository root, with `/`. */
export function labFolder(labId: string, kind: 'starter' | 'solution'): string {
  return `${kind === 'starter' ? 'labs' : 'solutions'}/${labId}`;
}

/**
 * The site route of a lab's guide, e.g. "/docs/labs/vpc-migration#subnets" or, in Korean,
 * "/ko/docs/labs/vpc-migration#subnets". Without `lang` the route has no locale prefix (the site's
 * links add the page's own).
 */
export function guideRoute(labId: string, options: { readonly section?: string; readonly lang?: Lang } = {}): string {
  return `${options.lang === 'ko' ? '/ko' : ''}/docs/labs/${labId}${options.section ? `#${options.section}` : ''}`;
}

/** The id in `ids` closest to `input` by edit distance, for "did you mean" messages; undefined when none is close. */
export function nearestId(input: string, ids: readonly string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const distance = editDistance(input, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(3, Math.floor(input.length / 2)) ? best.id : undefined;
}

/** The catalog's lab id closest to `input`, for "did you mean" messages. */
export function nearestLabId(input: string, source: Catalog = catalog): string | undefined {
  return nearestId(
    input,
    source.labs.map((lab) => lab.id),
  );
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
