import { priceTable, roundUsd, type CostItem, type PriceTable } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import type { RegionRole } from '../model/types';
import { estimate, type Estimate } from './estimate';

/** The estimate of one of a lab's Regions: undefined when the price table has no prices for that Region. */
export interface RegionEstimate {
  readonly role: RegionRole;
  readonly region: string;
  readonly estimate?: Estimate;
}

/**
 * Estimates a graph of several stacks Region by Region: the lines billed in the primary Region at `primary`'s
 * prices, those billed in the secondary Region at `secondary`'s (a Region the table does not price gets no estimate).
 */
export function estimateRegions(
  graph: ResourceGraph,
  primary: string,
  secondary: string,
  table: PriceTable = priceTable,
): RegionEstimate[] {
  const roles: RegionRole[] = graph.stacks.some((stack) => stack.region === 'secondary') ? ['primary', 'secondary'] : ['primary'];
  return roles.map((role) => {
    const region = role === 'primary' ? primary : secondary;
    return { role, region, ...(table.regions[region] && { estimate: estimate(graph, region, table, role) }) };
  });
}

/**
 * The sum of Regions' estimates per hour and per month (Regions without prices count as nothing), from their
 * lines unrounded, as the catalog sums a lab's cost lines.
 */
export function totalOf(regions: readonly RegionEstimate[], table: PriceTable = priceTable): { hourlyUsd: number; monthlyUsd: number } {
  const hourly = regions.reduce((sum, region) => sum + (region.estimate?.lines ?? []).reduce((lines, line) => lines + line.usd, 0), 0);
  return { hourlyUsd: roundUsd(hourly), monthlyUsd: Math.round(hourly * table.hoursPerMonth * 100) / 100 };
}

/** The lines of Regions' estimates as catalog cost items: price key, quantity, and `region: 'secondary'` for the second Region's. */
export function regionalCostLines(regions: readonly RegionEstimate[]): CostItem[] {
  return regions.flatMap((entry) =>
    (entry.estimate?.lines ?? []).map(({ price, quantity }) => ({
      price,
      quantity,
      ...(entry.role === 'secondary' && { region: entry.role }),
    })),
  );
}
