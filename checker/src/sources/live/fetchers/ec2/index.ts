import type { Resource } from '../../../../model/types';
import { STACK_NAME_TAG, compact, idsOf, liveFacts, logicalIdFromTags, type FetchContext, type Fetcher, type StackEntry } from '../types';
import type { Ec2Type, Emit, Selector } from './describe';
import { flowLogs } from './flow-log';
import { instances } from './instance';
import { internetGateways } from './internet-gateway';
import { launchTemplates } from './launch-template';
import { natGateways } from './nat-gateway';
import { networkAcls } from './network-acl';
import { routeTables } from './route-table';
import { securityGroups } from './security-group';
import { subnets } from './subnet';
import { vpcEndpoints } from './vpc-endpoint';
import { vpcs } from './vpc';

/** Every EC2 type the fetcher reads, one mapping each. */
const EC2_TYPES: readonly Ec2Type[] = [
  vpcs,
  subnets,
  routeTables,
  internetGateways,
  natGateways,
  securityGroups,
  networkAcls,
  vpcEndpoints,
  flowLogs,
  instances,
  launchTemplates,
];

/** Collects what one type's mapping emits into `out`. */
function emitter(type: string, entries: readonly StackEntry[], out: Resource[]): Emit {
  return {
    resource(id, properties, tags, extra = {}) {
      out.push({
        id,
        type,
        physicalId: id,
        properties: compact(properties),
        live: liveFacts(entries, id, compact({ logicalId: logicalIdFromTags(tags), ...extra })),
      });
    },
    part(id, partType, properties, live) {
      out.push({ id, type: partType, physicalId: id, properties, ...(live ? { live } : {}) });
    },
  };
}

async function load(
  context: FetchContext,
  selectorFor: (type: string) => Selector | undefined,
  entries: readonly StackEntry[],
): Promise<Resource[]> {
  const out: Resource[] = [];
  await Promise.all(
    EC2_TYPES.map(async (ec2) => {
      const selector = selectorFor(ec2.type);
      if (selector) await ec2.load(context, selector, emitter(ec2.type, entries, out));
    }),
  );
  return out;
}

/** Amazon EC2 and VPC: network, security groups, instances and launch templates. */
export const ec2Fetcher: Fetcher = {
  service: 'ec2',
  types: EC2_TYPES.map((ec2) => ec2.type),
  derived: EC2_TYPES.flatMap((ec2) => ec2.parts),
  fetch: (context, entries) =>
    load(
      context,
      (type) => {
        const ids = idsOf(entries, type);
        return ids.length ? { ids } : undefined;
      },
      entries,
    ),
  fetchByTag: (context) => load(context, () => ({ filters: [{ Name: `tag:${STACK_NAME_TAG}`, Values: [context.stackName] }] }), []),
};
