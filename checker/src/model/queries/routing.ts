import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { booleanProp, listProp, stringProp } from './values';

/** A Route 53 record with a routing policy (latency or failover), from a RecordSet or a RecordSetGroup entry. */
export interface RoutedRecord {
  readonly owner: Resource;
  readonly name: string;
  readonly type: string;
  /** "latency" (Region set) or "failover" (Failover set). */
  readonly policy: 'latency' | 'failover';
  /** The Region of a latency record, or PRIMARY / SECONDARY of a failover record. */
  readonly label: string;
  /** HealthCheckId as written. */
  readonly healthCheck: unknown;
  /** AliasTarget.DNSName, or the record's values. */
  readonly target: unknown;
  readonly evaluateTargetHealth: boolean;
}

/** Every latency or failover record of the graph. */
export function routedRecords(graph: ResourceGraph): RoutedRecord[] {
  const read = (owner: Resource, path: string): RoutedRecord[] => {
    // A latency record's Region may be computed at deploy time (cut out of an ARN): only whether it is set matters here.
    const region = labelOf(raw(owner, `${path}Region`));
    const failover = stringProp(graph, owner, `${path}Failover`);
    if (region === undefined && failover === undefined) return [];
    const alias = graph.prop(owner, `${path}AliasTarget.DNSName`);
    return [
      {
        owner,
        name: (stringProp(graph, owner, `${path}Name`) ?? owner.id).toLowerCase().replace(/\.$/, ''),
        type: stringProp(graph, owner, `${path}Type`) ?? '',
        policy: region !== undefined ? 'latency' : 'failover',
        label: region ?? failover ?? '',
        healthCheck: graph.prop(owner, `${path}HealthCheckId`),
        target: alias ?? graph.prop(owner, `${path}ResourceRecords`),
        evaluateTargetHealth: alias !== undefined && (booleanProp(graph, owner, `${path}AliasTarget.EvaluateTargetHealth`) ?? false),
      },
    ];
  };
  return [
    ...graph.ofType('AWS::Route53::RecordSet').flatMap((owner) => read(owner, '')),
    ...graph
      .ofType('AWS::Route53::RecordSetGroup')
      .flatMap((owner) => listProp(graph, owner, 'RecordSets').flatMap((_, i) => read(owner, `RecordSets.${i}.`))),
  ];
}

/** The health check a record's HealthCheckId names, when it is in the graph. */
export function healthCheckOf(graph: ResourceGraph, record: RoutedRecord): Resource | undefined {
  return graph.refsIn(record.healthCheck).find((target) => target.type === 'AWS::Route53::HealthCheck');
}

/** A property as written, without resolving it (undefined when absent). */
function raw(resource: Resource, path: string): unknown {
  let node: unknown = resource.properties;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function labelOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : 'a deploy-time Region';
}
