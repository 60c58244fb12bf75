import type { ResourceGraph } from '../graph';
import { instances } from './compute';
import { allowsPort, ingressRules, isAnywhere, securityGroupsOf, type IngressRule } from './security-groups';
import type { Resource } from '../types';

/** Ports that mark a server as a database: MySQL/MariaDB, PostgreSQL, SQL Server, Oracle. */
export const DATABASE_PORTS: readonly number[] = [3306, 5432, 1433, 1521];

/** The on-premises servers of lab 1, told apart by how their security groups let traffic in. */
export interface OnPremServers {
  /** Every EC2 instance with its security groups and their ingress rules. */
  readonly all: readonly Server[];
  /** Instances open to the internet (0.0.0.0/0 or ::/0) on TCP port 80: the load balancer server(s). */
  readonly loadBalancers: readonly Server[];
  /** Instances the web+app servers can reach, or that accept a database port from an address range. */
  readonly databases: readonly Server[];
  /** Instances the load balancer server can reach, other than the databases. */
  readonly webApp: readonly Server[];
}

/** One EC2 instance and what may reach it. */
export interface Server {
  readonly instance: Resource;
  readonly groups: readonly Resource[];
  readonly rules: readonly IngressRule[];
}

/** Finds lab 1's load balancer, web+app and database servers from the security groups alone. */
export function onPremServers(graph: ResourceGraph): OnPremServers {
  const all = instances(graph).map((instance): Server => {
    const groups = securityGroupsOf(graph, instance);
    return { instance, groups, rules: groups.flatMap((group) => ingressRules(graph, group)) };
  });
  const loadBalancers = all.filter((server) => server.rules.some((rule) => isAnywhere(rule.source) && allowsPort(rule, 80)));
  const others = all.filter((server) => !loadBalancers.includes(server));
  const reachableFrom = (sources: readonly Server[]): Server[] => {
    const groups = sources.flatMap((source) => source.groups);
    return others.filter((server) =>
      server.rules.some(
        (rule) =>
          !isSelf(rule, server) &&
          rule.source.kind === 'security-group' &&
          rule.source.group !== undefined &&
          groups.includes(rule.source.group),
      ),
    );
  };
  // Web+app servers are what the load balancer reaches; the database is what they reach in turn,
  // even when it is (wrongly) also reachable from the load balancer.
  const behindLoadBalancer = reachableFrom(loadBalancers);
  const behindWebApp = reachableFrom(behindLoadBalancer);
  const exposedDatabases = others.filter(
    (server) =>
      !behindLoadBalancer.includes(server) &&
      server.rules.some((rule) => rule.source.kind !== 'security-group' && DATABASE_PORTS.some((port) => allowsPort(rule, port))),
  );
  const databases = others.filter((server) => behindWebApp.includes(server) || exposedDatabases.includes(server));
  const webApp = behindLoadBalancer.filter((server) => !databases.includes(server));
  return { all, loadBalancers, databases, webApp };
}

/** True when a rule's source is one of a server's own groups (a group that allows itself). */
export function isSelf(rule: IngressRule, server: Server): boolean {
  return rule.source.kind === 'security-group' && rule.source.group !== undefined && server.groups.includes(rule.source.group);
}
