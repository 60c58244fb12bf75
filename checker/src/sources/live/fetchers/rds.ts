import type {
  DBInstanceMessage,
  DBSubnetGroupMessage,
  DescribeDBProxiesResponse,
  DescribeDBProxyTargetsResponse,
} from '@aws-sdk/client-rds';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, refs, reportMissing, type FetchContext, type Fetcher, type StackEntry } from './types';

async function instances(context: FetchContext, ids: string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  if (!ids.length) return [];
  const pages = await context.caller.paginate<DBInstanceMessage>(
    'rds',
    'DescribeDBInstances',
    { Filters: [{ Name: 'db-instance-id', Values: ids }] },
    'Marker',
    (page) => page.Marker,
  );
  const found = pages.flatMap((page) => page.DBInstances ?? []);
  reportMissing(context, 'AWS::RDS::DBInstance', ids, new Set(found.map((db) => db.DBInstanceIdentifier as string)));
  return found.map((db) => {
    const id = db.DBInstanceIdentifier as string;
    return {
      id,
      type: 'AWS::RDS::DBInstance',
      physicalId: id,
      // CloudFormation declares AllocatedStorage and Port as strings.
      properties: compact({
        DBInstanceIdentifier: id,
        DBInstanceClass: db.DBInstanceClass,
        Engine: db.Engine,
        EngineVersion: db.EngineVersion,
        AllocatedStorage: db.AllocatedStorage === undefined ? undefined : String(db.AllocatedStorage),
        StorageType: db.StorageType,
        MultiAZ: db.MultiAZ,
        PubliclyAccessible: db.PubliclyAccessible,
        StorageEncrypted: db.StorageEncrypted,
        KmsKeyId: db.KmsKeyId,
        BackupRetentionPeriod: db.BackupRetentionPeriod,
        DeletionProtection: db.DeletionProtection,
        DBSubnetGroupName: ref(db.DBSubnetGroup?.DBSubnetGroupName),
        VPCSecurityGroups: refs(db.VpcSecurityGroups?.map((group) => group.VpcSecurityGroupId)),
        SourceDBInstanceIdentifier: ref(db.ReadReplicaSourceDBInstanceIdentifier),
        MasterUsername: db.MasterUsername,
        MasterUserSecret: db.MasterUserSecret
          ? compact({ SecretArn: db.MasterUserSecret.SecretArn, KmsKeyId: db.MasterUserSecret.KmsKeyId })
          : undefined,
        Port: db.Endpoint?.Port === undefined ? undefined : String(db.Endpoint.Port),
        EnableIAMDatabaseAuthentication: db.IAMDatabaseAuthenticationEnabled,
      }),
      live: liveFacts(entries, id, {
        arn: db.DBInstanceArn,
        status: db.DBInstanceStatus,
        availabilityZone: db.AvailabilityZone,
        secondaryAvailabilityZone: db.SecondaryAvailabilityZone,
        readReplicas: db.ReadReplicaDBInstanceIdentifiers?.length ? db.ReadReplicaDBInstanceIdentifiers : undefined,
        endpoint: db.Endpoint?.Address,
        vpcId: db.DBSubnetGroup?.VpcId,
      }),
    };
  });
}

async function subnetGroups(context: FetchContext, names: string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const found = await Promise.all(
    names.map(async (name) => {
      const pages = await context.caller.paginate<DBSubnetGroupMessage>(
        'rds',
        'DescribeDBSubnetGroups',
        { DBSubnetGroupName: name },
        'Marker',
        (page) => page.Marker,
        {
          absent: ['DBSubnetGroupNotFoundFault', 'DBSubnetGroupNotFound'],
        },
      );
      return pages.flatMap((page) => page.DBSubnetGroups ?? []);
    }),
  );
  const groups = found.flat();
  reportMissing(context, 'AWS::RDS::DBSubnetGroup', names, new Set(groups.map((group) => group.DBSubnetGroupName as string)));
  return groups.map((group) => {
    const id = group.DBSubnetGroupName as string;
    return {
      id,
      type: 'AWS::RDS::DBSubnetGroup',
      physicalId: id,
      properties: compact({
        DBSubnetGroupName: id,
        DBSubnetGroupDescription: group.DBSubnetGroupDescription,
        SubnetIds: refs(group.Subnets?.map((subnet) => subnet.SubnetIdentifier)),
      }),
      live: liveFacts(entries, id, {
        arn: group.DBSubnetGroupArn,
        vpcId: group.VpcId,
        availabilityZones: [...new Set(group.Subnets?.map((subnet) => subnet.SubnetAvailabilityZone?.Name))],
      }),
    };
  });
}

async function dbProxies(context: FetchContext, names: string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const found = await Promise.all(
    names.map(async (name) => {
      const pages = await context.caller.paginate<DescribeDBProxiesResponse>(
        'rds',
        'DescribeDBProxies',
        { DBProxyName: name },
        'Marker',
        (page) => page.Marker,
        { absent: ['DBProxyNotFoundFault'] },
      );
      return pages.flatMap((page) => page.DBProxies ?? []);
    }),
  );
  const proxies = found.flat();
  reportMissing(context, 'AWS::RDS::DBProxy', names, new Set(proxies.map((proxy) => proxy.DBProxyName as string)));
  const resources: Resource[] = [];
  for (const proxy of proxies) {
    const id = proxy.DBProxyName as string;
    resources.push({
      id,
      type: 'AWS::RDS::DBProxy',
      physicalId: id,
      properties: compact({
        DBProxyName: id,
        EngineFamily: proxy.EngineFamily,
        RequireTLS: proxy.RequireTLS,
        VpcSubnetIds: refs(proxy.VpcSubnetIds),
        VpcSecurityGroupIds: refs(proxy.VpcSecurityGroupIds),
        RoleArn: proxy.RoleArn,
        Auth: proxy.Auth?.map((auth) => compact({ AuthScheme: auth.AuthScheme, SecretArn: auth.SecretArn, IAMAuth: auth.IAMAuth })),
        IdleClientTimeout: proxy.IdleClientTimeout,
      }),
      live: liveFacts(entries, id, { arn: proxy.DBProxyArn, status: proxy.Status, endpoint: proxy.Endpoint, vpcId: proxy.VpcId }),
    });
    // Every proxy has one target group, "default": the databases it pools connections to.
    const pages = await context.caller.paginate<DescribeDBProxyTargetsResponse>(
      'rds',
      'DescribeDBProxyTargets',
      { DBProxyName: id, TargetGroupName: 'default' },
      'Marker',
      (page) => page.Marker,
      { absent: ['DBProxyNotFoundFault', 'DBProxyTargetGroupNotFoundFault'] },
    );
    const targets = pages.flatMap((page) => page.Targets ?? []);
    const clusters = targets
      .filter((target) => target.Type === 'TRACKED_CLUSTER')
      .map((target) => target.TrackedClusterId ?? target.RdsResourceId);
    // A target without a Type is a DB instance (the only kind some emulators report).
    const instances = targets
      .filter((target) => (target.Type ?? 'RDS_INSTANCE') === 'RDS_INSTANCE' && !target.TrackedClusterId)
      .map((target) => target.RdsResourceId);
    resources.push({
      id: `${id}/default`,
      type: 'AWS::RDS::DBProxyTargetGroup',
      physicalId: `${id}/default`,
      properties: compact({
        DBProxyName: ref(id),
        TargetGroupName: 'default',
        DBInstanceIdentifiers: instances.length ? refs(instances) : undefined,
        DBClusterIdentifiers: clusters.length ? refs(clusters) : undefined,
      }),
    });
  }
  return resources;
}

/** Amazon RDS: database instances (read replicas included), their DB subnet groups, and RDS proxies with their targets. */
export const rdsFetcher: Fetcher = {
  service: 'rds',
  types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBSubnetGroup', 'AWS::RDS::DBProxy'],
  derived: ['AWS::RDS::DBProxyTargetGroup'],
  fetch: async (context, entries) => {
    const databases = await instances(context, idsOf(entries, 'AWS::RDS::DBInstance'), entries);
    // RDS stores subnet group names in lower case. A database's own subnet group is read too: some
    // emulators list the stack's subnet group without a physical id.
    const names = new Set(idsOf(entries, 'AWS::RDS::DBSubnetGroup').map((name) => name.toLowerCase()));
    for (const database of databases) {
      const group = (database.properties.DBSubnetGroupName as { $ref?: string } | undefined)?.$ref;
      if (group) names.add(group);
    }
    const proxies = await dbProxies(context, idsOf(entries, 'AWS::RDS::DBProxy'), entries);
    return [...databases, ...(await subnetGroups(context, [...names], entries)), ...proxies];
  },
};
