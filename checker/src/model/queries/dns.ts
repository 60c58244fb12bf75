import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { listProp, stringProp } from './values';

/** A DNS record, from an AWS::Route53::RecordSet or one entry of an AWS::Route53::RecordSetGroup. */
export interface DnsRecord {
  /** The resource that declares it: the record set, or the group holding it. */
  readonly owner: Resource;
  readonly name: string;
  readonly type: string;
  /** AliasTarget.DNSName for an alias record; undefined for a record with plain values. */
  readonly aliasDnsName?: unknown;
}

/** Every Route 53 record of the graph, read through the graph (a deploy-time value throws CannotEvaluate). */
export function dnsRecords(graph: ResourceGraph): DnsRecord[] {
  const single = graph.ofType('AWS::Route53::RecordSet').map((owner) => ({
    owner,
    name: stringProp(graph, owner, 'Name') ?? owner.id,
    type: stringProp(graph, owner, 'Type') ?? '',
    aliasDnsName: graph.prop(owner, 'AliasTarget.DNSName'),
  }));
  const grouped = graph.ofType('AWS::Route53::RecordSetGroup').flatMap((owner) =>
    listProp(graph, owner, 'RecordSets').map((_, i) => ({
      owner,
      name: stringProp(graph, owner, `RecordSets.${i}.Name`) ?? owner.id,
      type: stringProp(graph, owner, `RecordSets.${i}.Type`) ?? '',
      aliasDnsName: graph.prop(owner, `RecordSets.${i}.AliasTarget.DNSName`),
    })),
  );
  return [...single, ...grouped];
}

/** The alias records of the graph. */
export function aliasRecords(graph: ResourceGraph): DnsRecord[] {
  return dnsRecords(graph).filter((record) => record.aliasDnsName !== undefined);
}

/** Lower case, without "dualstack." and the trailing dot, so live DNS names compare. */
export function normalizeDnsName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^dualstack\./, '')
    .replace(/\.$/, '');
}

/**
 * True when an alias DNS name is a resource's: a reference in a template; live, its DNS name
 * (`DNSName`, or the `live.dnsName` the loader keeps).
 */
export function aliasPointsAt(graph: ResourceGraph, aliasDnsName: unknown, target: Resource): boolean {
  if (graph.refsIn(aliasDnsName).includes(target)) return true;
  const known = [target.properties.DNSName, target.properties.DomainName, target.live?.dnsName].filter(
    (name): name is string => typeof name === 'string',
  );
  return typeof aliasDnsName === 'string' && known.some((name) => normalizeDnsName(name) === normalizeDnsName(aliasDnsName));
}
