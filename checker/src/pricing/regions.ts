import { priceTable, roundUsd, type PriceTable } from '@workshop/catalog';
import { ResourceGraph } from '../model/graph';
import type { RegionRole } from '../model/types';
import { estimate, type Estimate } from './estimate';

/** The estimate of one of a lab's Regions: undefined when the price table has no prices for that Region. */
export interface RegionEstimate {
  readonly role: RegionRole;
  readonly region: string;
  readonly estimate?: Estimate;
}

/** The resources of a graph that run in one of the lab's Regions, as a graph of their own. */
export function regionGraph(graph: ResourceGraph, role: RegionRole): ResourceGraph {
  const resources = graph.all().filter((resource) => (resource.region ?? 'primary') === role);
  return new ResourceGraph(
    graph.kind,
    resources,
    undefined,
    graph.stacks.filter((stack) => stack.region === role),
  );
}

/**
 * Estimates a graph of several stacks Region by Region: the primary Region's resources at `primary`'s prices,
 * the secondary Region's at `secondary`'s (a Region the table does not price gets no estimate).
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
    return { role, region, ...(table.regions[region] && { estimate: estimate(regionGraph(graph, role), region, table) }) };
  });
}

/** The sum of Regions' estimates per hour and per month (Regions without prices count as nothing). */
export function totalOf(regions: readonly RegionEstimate[]): { hourlyUsd: number; monthlyUsd: number } {
  const hourly = regions.reduce((sum, region) => sum + (region.estimate?.hourlyUsd ?? 0), 0);
  const monthly = regions.reduce((sum, region) => sum + (region.estimate?.monthlyUsd ?? 0), 0);
  return { hourlyUsd: roundUsd(hourly), monthlyUsd: Math.round(monthly * 100) / 100 };
}
