import { runFetcher } from '../test-transport';
import { rdsFetcher } from './rds';

const primary = {
  DBInstanceIdentifier: 'shopdb',
  DBInstanceArn: 'arn:aws:rds:ap-northeast-2:123456789012:db:shopdb',
  DBInstanceClass: 'db.t3.micro',
  Engine: 'mysql',
  EngineVersion: '8.0.43',
  AllocatedStorage: 20,
  MultiAZ: true,
  PubliclyAccessible: false,
  StorageEncrypted: true,
  BackupRetentionPeriod: 7,
  DBSubnetGroup: { DBSubnetGroupName: 'shopdbsubnets', VpcId: 'vpc-1' },
  VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-db', Status: 'active' }],
  MasterUsername: 'admin',
  MasterUserSecret: { SecretArn: 'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:rds!db-1', SecretStatus: 'active' },
  Endpoint: { Address: 'shopdb.x.rds.amazonaws.com', Port: 3306 },
  AvailabilityZone: 'ap-northeast-2a',
  SecondaryAvailabilityZone: 'ap-northeast-2c',
  ReadReplicaDBInstanceIdentifiers: ['shopdb-replica'],
};
const replica = {
  ...primary,
  DBInstanceIdentifier: 'shopdb-replica',
  MultiAZ: false,
  ReadReplicaSourceDBInstanceIdentifier: 'shopdb',
  ReadReplicaDBInstanceIdentifiers: [],
  MasterUserSecret: undefined,
};

describe('rds fetcher', () => {
  it('maps instances (replicas included) and subnet groups with references', async () => {
    const { byId, requests } = await runFetcher(
      rdsFetcher,
      {
        'rds:DescribeDBInstances': { DBInstances: [primary, replica] },
        'rds:DescribeDBSubnetGroups': {
          DBSubnetGroups: [
            {
              DBSubnetGroupName: 'shopdbsubnets',
              DBSubnetGroupDescription: 'db',
              VpcId: 'vpc-1',
              Subnets: [
                { SubnetIdentifier: 'subnet-da', SubnetAvailabilityZone: { Name: 'ap-northeast-2a' } },
                { SubnetIdentifier: 'subnet-dc', SubnetAvailabilityZone: { Name: 'ap-northeast-2c' } },
              ],
            },
          ],
        },
      },
      [
        { physicalId: 'shopdb', type: 'AWS::RDS::DBInstance' },
        { physicalId: 'shopdb-replica', type: 'AWS::RDS::DBInstance' },
        { physicalId: 'ShopDbSubnets', type: 'AWS::RDS::DBSubnetGroup' },
      ],
    );
    expect(byId('shopdb').properties).toMatchObject({
      MultiAZ: true,
      PubliclyAccessible: false,
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      AllocatedStorage: '20',
      Port: '3306',
      DBSubnetGroupName: { $ref: 'shopdbsubnets' },
      VPCSecurityGroups: [{ $ref: 'sg-db' }],
      Engine: 'mysql',
      MasterUserSecret: { SecretArn: primary.MasterUserSecret.SecretArn },
    });
    expect(byId('shopdb').live).toMatchObject({ secondaryAvailabilityZone: 'ap-northeast-2c', readReplicas: ['shopdb-replica'] });
    expect(byId('shopdb-replica').properties).toMatchObject({ SourceDBInstanceIdentifier: { $ref: 'shopdb' }, MultiAZ: false });
    expect(byId('shopdbsubnets').properties).toEqual({
      DBSubnetGroupName: 'shopdbsubnets',
      DBSubnetGroupDescription: 'db',
      SubnetIds: [{ $ref: 'subnet-da' }, { $ref: 'subnet-dc' }],
    });
    expect(requests.find((request) => request.command === 'DescribeDBInstances')?.input).toEqual({
      Filters: [{ Name: 'db-instance-id', Values: ['shopdb', 'shopdb-replica'] }],
    });
  });
});

describe('rds fetcher, subnet group without a stack entry', () => {
  it('reads the subnet group a stack database uses even when the stack lists none', async () => {
    const { byId, requests } = await runFetcher(
      rdsFetcher,
      {
        'rds:DescribeDBInstances': { DBInstances: [{ ...primary, ReadReplicaDBInstanceIdentifiers: [] }] },
        'rds:DescribeDBSubnetGroups': {
          DBSubnetGroups: [{ DBSubnetGroupName: 'shopdbsubnets', Subnets: [{ SubnetIdentifier: 'subnet-da' }] }],
        },
      },
      [{ physicalId: 'shopdb', type: 'AWS::RDS::DBInstance' }],
    );
    expect(byId('shopdbsubnets').properties.SubnetIds).toEqual([{ $ref: 'subnet-da' }]);
    expect(requests.find((request) => request.command === 'DescribeDBSubnetGroups')?.input).toEqual({ DBSubnetGroupName: 'shopdbsubnets' });
  });
});

describe('rds fetcher, proxies', () => {
  it('maps a proxy (TLS, subnets, security groups) and its default target group with the databases it pools', async () => {
    const { byId, requests } = await runFetcher(
      rdsFetcher,
      {
        'rds:DescribeDBInstances': { DBInstances: [{ ...primary, ReadReplicaDBInstanceIdentifiers: [] }] },
        'rds:DescribeDBSubnetGroups': {
          DBSubnetGroups: [{ DBSubnetGroupName: 'shopdbsubnets', Subnets: [{ SubnetIdentifier: 'subnet-da' }] }],
        },
        'rds:DescribeDBProxies': {
          DBProxies: [
            {
              DBProxyName: 'shop-proxy',
              DBProxyArn: 'arn:aws:rds:ap-northeast-2:123456789012:db-proxy:prx-1',
              EngineFamily: 'MYSQL',
              RequireTLS: true,
              VpcId: 'vpc-1',
              VpcSubnetIds: ['subnet-da', 'subnet-dc'],
              VpcSecurityGroupIds: ['sg-proxy'],
              Auth: [{ AuthScheme: 'SECRETS', SecretArn: primary.MasterUserSecret.SecretArn, IAMAuth: 'DISABLED' }],
              Endpoint: 'shop-proxy.proxy-x.ap-northeast-2.rds.amazonaws.com',
            },
          ],
        },
        'rds:DescribeDBProxyTargets': { Targets: [{ RdsResourceId: 'shopdb', Port: 3306 }] },
      },
      [
        { physicalId: 'shopdb', type: 'AWS::RDS::DBInstance' },
        { physicalId: 'shop-proxy', type: 'AWS::RDS::DBProxy' },
        { physicalId: 'arn:aws:rds:ap-northeast-2:123456789012:target-group:prx-tg-1', type: 'AWS::RDS::DBProxyTargetGroup' },
      ],
    );
    expect(byId('shop-proxy')).toMatchObject({
      type: 'AWS::RDS::DBProxy',
      properties: {
        EngineFamily: 'MYSQL',
        RequireTLS: true,
        VpcSubnetIds: [{ $ref: 'subnet-da' }, { $ref: 'subnet-dc' }],
        VpcSecurityGroupIds: [{ $ref: 'sg-proxy' }],
      },
      live: { endpoint: 'shop-proxy.proxy-x.ap-northeast-2.rds.amazonaws.com' },
    });
    expect(byId('shop-proxy/default').properties).toEqual({
      DBProxyName: { $ref: 'shop-proxy' },
      TargetGroupName: 'default',
      DBInstanceIdentifiers: [{ $ref: 'shopdb' }],
    });
    expect(requests.find((request) => request.command === 'DescribeDBProxyTargets')?.input).toEqual({
      DBProxyName: 'shop-proxy',
      TargetGroupName: 'default',
    });
  });

  it('lists a tracked Aurora cluster once, as the cluster, and an instance target with its Type', async () => {
    const { byId } = await runFetcher(
      rdsFetcher,
      {
        'rds:DescribeDBProxies': { DBProxies: [{ DBProxyName: 'p', EngineFamily: 'MYSQL' }] },
        'rds:DescribeDBProxyTargets': {
          Targets: [
            { Type: 'TRACKED_CLUSTER', TrackedClusterId: 'shop-cluster', RdsResourceId: 'shop-cluster' },
            { Type: 'RDS_INSTANCE', TrackedClusterId: 'shop-cluster', RdsResourceId: 'shop-cluster-writer' },
            { Type: 'RDS_INSTANCE', RdsResourceId: 'shopdb' },
          ],
        },
      },
      [{ physicalId: 'p', type: 'AWS::RDS::DBProxy' }],
    );
    expect(byId('p/default').properties).toMatchObject({
      DBInstanceIdentifiers: [{ $ref: 'shopdb' }],
      DBClusterIdentifiers: [{ $ref: 'shop-cluster' }],
    });
  });
});
