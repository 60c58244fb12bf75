import type { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource, parametersIn } from '../types';
import { internetGatewaysOf, subnetsIn, vpcOf } from './network';
import { booleanProp, describeValue, numberProp, stringProp } from './values';

const DEFAULT_PORTS: ReadonlyArray<[RegExp, number]> = [
  [/^(mysql|mariadb|aurora|aurora-mysql)$/, 3306],
  [/^(postgres|aurora-postgresql)$/, 5432],
  [/^oracle/, 1521],
  [/^sqlserver/, 1433],
  [/^db2/, 50000],
];

/** Every RDS DB instance (primaries, read replicas and Aurora cluster members). */
export function dbInstances(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::RDS::DBInstance');
}

/** True for a read replica (an instance created from SourceDBInstanceIdentifier). */
export function isReadReplica(db: Resource): boolean {
  return db.type === 'AWS::RDS::DBInstance' && db.properties.SourceDBInstanceIdentifier !== undefined;
}

/** The read replicas in the graph. */
export function readReplicas(graph: ResourceGraph): Resource[] {
  return dbInstances(graph).filter(isReadReplica);
}

/** The Aurora / Multi-AZ DB cluster an instance belongs to, if any. */
export function clusterOf(graph: ResourceGraph, db: Resource): Resource | undefined {
  if (db.type !== 'AWS::RDS::DBInstance') return undefined;
  const value = graph.prop(db, 'DBClusterIdentifier');
  if (value === undefined) return undefined;
  const cluster = graph.deref(value, `DB instance ${db.id} DBClusterIdentifier`);
  if (cluster) return cluster;
  const name = typeof value === 'string' ? value.toLowerCase() : undefined;
  const byName = graph
    .ofType('AWS::RDS::DBCluster')
    .find((candidate) => stringProp(graph, candidate, 'DBClusterIdentifier')?.toLowerCase() === name);
  if (!byName)
    throw new CannotEvaluate(
      `DB instance ${db.id} belongs to cluster ${describeValue(value)}, which is not in this stack`,
      undefined,
      parametersIn(value),
    );
  return byName;
}

/**
 * The databases the shop writes to: stand-alone DB instances that are not read replicas, and DB
 * clusters (whose member instances are represented by the cluster).
 */
export function primaryDatabases(graph: ResourceGraph): Resource[] {
  const instances = dbInstances(graph).filter((db) => !isReadReplica(db) && clusterOf(graph, db) === undefined);
  return [...instances, ...graph.ofType('AWS::RDS::DBCluster')];
}

/** The source instance of a read replica when it is part of the graph. */
export function replicaSource(graph: ResourceGraph, replica: Resource): Resource | undefined {
  return graph.refsIn(graph.prop(replica, 'SourceDBInstanceIdentifier')).find((source) => source.type === 'AWS::RDS::DBInstance');
}

/**
 * The DB subnet group a database launches in: its own DBSubnetGroupName, the cluster's for a
 * cluster member, the source's for a same-Region read replica that names none. Undefined means
 * none: RDS then uses the default VPC.
 */
export function dbSubnetGroup(graph: ResourceGraph, db: Resource): Resource | undefined {
  const value = graph.prop(db, 'DBSubnetGroupName');
  if (value === undefined) {
    const cluster = clusterOf(graph, db);
    if (cluster) return dbSubnetGroup(graph, cluster);
    const source = isReadReplica(db) ? replicaSource(graph, db) : undefined;
    return source ? dbSubnetGroup(graph, source) : undefined;
  }
  const group = graph.deref(value, `${db.type} ${db.id} DBSubnetGroupName`);
  if (group) return group;
  const name = typeof value === 'string' ? value.toLowerCase() : undefined;
  const byName = graph
    .ofType('AWS::RDS::DBSubnetGroup')
    .find((candidate) => stringProp(graph, candidate, 'DBSubnetGroupName')?.toLowerCase() === name);
  if (!byName)
    throw new CannotEvaluate(
      `${db.type} ${db.id} uses DB subnet group ${describeValue(value)}, which is not in this stack`,
      undefined,
      parametersIn(value),
    );
  return byName;
}

/** The subnets a database can be placed in (those of its DB subnet group). */
export function dbSubnets(graph: ResourceGraph, db: Resource): Resource[] {
  const group = dbSubnetGroup(graph, db);
  return group ? subnetsIn(graph, group, 'SubnetIds') : [];
}

/** The database engine ("mysql", "aurora-postgresql"...); a replica's comes from its source. */
export function dbEngine(graph: ResourceGraph, db: Resource): string {
  const engine = stringProp(graph, db, 'Engine');
  if (engine) return engine.toLowerCase();
  const cluster = clusterOf(graph, db);
  if (cluster) return dbEngine(graph, cluster);
  const source = isReadReplica(db) ? replicaSource(graph, db) : undefined;
  if (source) return dbEngine(graph, source);
  throw new CannotEvaluate(`${db.type} ${db.id} has no Engine`);
}

/** The port a database listens on: its Port, or the engine's default (3306 for MySQL). */
export function dbPort(graph: ResourceGraph, db: Resource): number {
  const port = numberProp(graph, db, 'Port');
  if (port !== undefined) return port;
  const cluster = clusterOf(graph, db);
  if (cluster) return dbPort(graph, cluster);
  const engine = dbEngine(graph, db);
  const known = DEFAULT_PORTS.find(([pattern]) => pattern.test(engine));
  if (!known) throw new CannotEvaluate(`${db.type} ${db.id} has no Port and engine ${engine} has no known default port`);
  return known[1];
}

/**
 * Whether RDS gives the database a public address. When PubliclyAccessible is not set, RDS
 * decides: public if the subnet group's VPC has an internet gateway attached (or there is no
 * subnet group, so the default VPC is used), private otherwise.
 */
export function publicAccess(graph: ResourceGraph, db: Resource): { readonly public: boolean; readonly explicit: boolean } {
  const value = booleanProp(graph, db, 'PubliclyAccessible');
  if (value !== undefined) return { public: value, explicit: true };
  const subnets = dbSubnets(graph, db);
  if (subnets.length === 0) return { public: true, explicit: false };
  const vpc = vpcOf(graph, subnets[0]);
  return { public: vpc !== undefined && internetGatewaysOf(graph, vpc).length > 0, explicit: false };
}
