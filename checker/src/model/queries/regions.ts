import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';

/**
 * The resources placed in a Region that holds one of `anchors` (the APP servers next to the cache, say), so a rule
 * about one Region's wiring does not judge a second Region's tier; every resource when no anchor exists.
 */
export function sameRegionAs(graph: ResourceGraph, resources: readonly Resource[], anchors: readonly Resource[]): Resource[] {
  const regions = new Set(anchors.map((anchor) => graph.placement(anchor).region));
  if (regions.size === 0) return [...resources];
  return resources.filter((resource) => regions.has(graph.placement(resource).region));
}
