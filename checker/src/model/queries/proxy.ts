import type { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource } from '../types';
import { subnetsIn } from './network';
import { listProp, referencedResources, stringProp } from './values';

/** The port clients reach an RDS Proxy on, per engine family. */
const FAMILY_PORTS: Readonly<Record<string, number>> = { MYSQL: 3306, POSTGRESQL: 5432, SQLSERVER: 1433 };

/** Every RDS Proxy of the stack. */
export function proxies(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::RDS::DBProxy');
}

/** The subnets an RDS Proxy runs in (VpcSubnetIds). */
export function proxySubnets(graph: ResourceGraph, proxy: Resource): Resource[] {
  return subnetsIn(graph, proxy, 'VpcSubnetIds');
}

/** The security groups an RDS Proxy wears; empty means the VPC's default group. */
export function proxySecurityGroups(graph: ResourceGraph, proxy: Resource): Resource[] {
  return referencedResources(graph, listProp(graph, proxy, 'VpcSecurityGroupIds'), `security groups of RDS Proxy ${proxy.id}`);
}

/** The port an RDS Proxy listens on (its engine family's database port). */
export function proxyPort(graph: ResourceGraph, proxy: Resource): number {
  const family = stringProp(graph, proxy, 'EngineFamily')?.toUpperCase();
  const port = family ? FAMILY_PORTS[family] : undefined;
  if (port === undefined)
    throw new CannotEvaluate(`RDS Proxy ${proxy.id} has engine family ${family ?? '(none)'}, whose port the checker does not know`);
  return port;
}

/** The databases (DB instances and clusters of the graph) an RDS Proxy's target groups register. */
export function proxyTargets(graph: ResourceGraph, proxy: Resource): Resource[] {
  const groups = graph
    .referencing(proxy, 'AWS::RDS::DBProxyTargetGroup')
    .filter((group) => graph.refsIn(graph.prop(group, 'DBProxyName')).includes(proxy));
  return groups.flatMap((group) =>
    [...listProp(graph, group, 'DBInstanceIdentifiers'), ...listProp(graph, group, 'DBClusterIdentifiers')].flatMap((value) => {
      const target = graph.deref(value, `RDS Proxy target group ${group.id}`);
      if (target) return [target];
      const name = typeof value === 'string' ? value.toLowerCase() : undefined;
      return [...graph.ofType('AWS::RDS::DBInstance'), ...graph.ofType('AWS::RDS::DBCluster')].filter(
        (db) =>
          name !== undefined &&
          (stringProp(graph, db, 'DBInstanceIdentifier') ?? stringProp(graph, db, 'DBClusterIdentifier'))?.toLowerCase() === name,
      );
    }),
  );
}
