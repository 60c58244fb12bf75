import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { applicationLoadBalancers, autoScalingGroupsBehind, listenerPorts, targetGroupPort, targetGroupsOf } from './compute';
import { dbInstances, dbPort } from './database';
import { securityGroupsOf } from './security-groups';
import { distinct } from './values';

/** One tier of the three-tier shop, found by what it does rather than by its name. */
export interface Tier {
  /** The tier's name in reports: ELB, WEB, internal ALB, APP, RDS. */
  readonly name: LocalizedText;
  /** The load balancers, Auto Scaling groups or databases that make up the tier. */
  readonly members: readonly Resource[];
  /** The security groups the members wear. */
  readonly groups: readonly Resource[];
  /** The ports the tier receives traffic on: listener ports, target group ports, database ports. */
  readonly ports: readonly number[];
}

/** The security chain's tiers, front to back. */
export interface ShopTiers {
  /** Internet-facing Application Load Balancers. */
  readonly externalAlb: Tier;
  /** Auto Scaling groups behind an internet-facing ALB. */
  readonly web: Tier;
  /** Internal Application Load Balancers. */
  readonly internalAlb: Tier;
  /** Auto Scaling groups behind an internal ALB. */
  readonly app: Tier;
  /** RDS DB instances (read replicas included) and DB clusters. */
  readonly database: Tier;
}

/**
 * Finds the shop's tiers semantically: the internet-facing ALBs, the Auto Scaling groups they
 * forward to (WEB), the internal ALBs, the Auto Scaling groups those forward to (APP), and the
 * RDS databases. Construct ids and names play no part.
 */
export function shopTiers(graph: ResourceGraph): ShopTiers {
  const [externalAlb, web] = albsAndGroups(graph, 'internet-facing', { en: 'ELB', ko: 'ELB' }, { en: 'WEB', ko: 'WEB' });
  const [internalAlb, app] = albsAndGroups(graph, 'internal', { en: 'internal ALB', ko: '내부 ALB' }, { en: 'APP', ko: 'APP' });
  const databases = [...dbInstances(graph), ...graph.ofType('AWS::RDS::DBCluster')];
  return {
    externalAlb,
    web,
    internalAlb,
    app,
    database: tier(
      graph,
      { en: 'RDS', ko: 'RDS' },
      databases,
      databases.map((db) => dbPort(graph, db)),
    ),
  };
}

/** The ALBs of one scheme as a tier, and the Auto Scaling groups they forward to as the next. */
function albsAndGroups(
  graph: ResourceGraph,
  scheme: 'internet-facing' | 'internal',
  albName: LocalizedText,
  groupName: LocalizedText,
): [Tier, Tier] {
  const albs = applicationLoadBalancers(graph, scheme);
  return [
    tier(
      graph,
      albName,
      albs,
      albs.flatMap((lb) => listenerPorts(graph, lb)),
    ),
    tier(graph, groupName, distinct(albs.flatMap((lb) => autoScalingGroupsBehind(graph, lb))), targetPorts(graph, albs)),
  ];
}

function tier(graph: ResourceGraph, name: LocalizedText, members: Resource[], ports: number[]): Tier {
  return {
    name,
    members,
    groups: distinct(members.flatMap((member) => securityGroupsOf(graph, member))),
    ports: distinct(ports).sort((a, b) => a - b),
  };
}

function targetPorts(graph: ResourceGraph, lbs: Resource[]): number[] {
  return lbs.flatMap((lb) => targetGroupsOf(graph, lb).flatMap((group) => targetGroupPort(graph, group) ?? []));
}
