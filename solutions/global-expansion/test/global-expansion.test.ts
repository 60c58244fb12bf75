import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { LatencyRouting } from '../lib/latency-routing';
import { MediaStorage } from '../lib/media';
import { MediaCdn } from '../lib/media-cdn';
import { ReadRegionStack } from '../lib/read-region-stack';
import { ShopStack } from '../lib/shop-stack';

type Resource = { Type: string; Properties: Record<string, unknown> };

interface SynthesizedApp {
  synth(): { stacks: Array<{ stackName: string; environment: { region: string }; template: Record<string, unknown> }> };
  node: { setContext(key: string, value: unknown): void };
}

/** The stacks bin/shop.ts creates, synthesized from the same App the CDK CLI would run: name → region and template. */
function binStacks(context: Record<string, string> = {}): Map<string, { region: string; template: Template }> {
  const hook = Symbol.for('@aws-cdk/core.App#initHook');
  const apps: SynthesizedApp[] = [];
  const globals = globalThis as Record<symbol, unknown>;
  globals[hook] = (app: SynthesizedApp) => {
    for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
    apps.push(app);
  };
  try {
    // A fresh module registry: bin/shop.ts runs again with this context.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => require(path.join(__dirname, '..', 'bin', 'shop.ts')));
  } finally {
    delete globals[hook];
  }
  expect(apps).toHaveLength(1);
  return new Map(
    apps[0]
      .synth()
      .stacks.map((stack) => [stack.stackName, { region: stack.environment.region, template: Template.fromJSON(stack.template) }]),
  );
}

const stacks = binStacks();
const primary = stacks.get('ShopGlobalExpansion')!.template;
const readRegion = stacks.get('ShopGlobalExpansionReadRegion')!.template;
const primaryResources = primary.toJSON().Resources as Record<string, Resource>;
const logicalId = (template: Template, type: string, props: Record<string, unknown> = {}): string => {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  expect(ids).toHaveLength(1);
  return ids[0];
};

describe('the app', () => {
  it('creates the recovery, primary and read Region stacks, the recovery and read Region ones in the second Region', () => {
    expect([...stacks.keys()].sort()).toEqual(['ShopGlobalExpansion', 'ShopGlobalExpansionReadRegion', 'ShopGlobalExpansionRecovery']);
    expect(stacks.get('ShopGlobalExpansionRecovery')!.region).toBe('ap-northeast-1');
    expect(stacks.get('ShopGlobalExpansion')!.region).toBe('unknown-region');
    expect(stacks.get('ShopGlobalExpansionReadRegion')!.region).toBe('ap-northeast-1');
    const moved = binStacks({ secondaryRegion: 'us-west-2' });
    expect([moved.get('ShopGlobalExpansionRecovery')!.region, moved.get('ShopGlobalExpansionReadRegion')!.region]).toEqual([
      'us-west-2',
      'us-west-2',
    ]);
  });

  it('keeps lab 8: the primary copies its backups into the vault of the recovery stack, by name', () => {
    const recovery = stacks.get('ShopGlobalExpansionRecovery')!.template;
    recovery.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'shop-global-expansion-recovery-vault' });
    expect(JSON.stringify(primary.findResources('AWS::Backup::BackupPlan'))).toContain(':backup:ap-northeast-1:');
    expect(JSON.stringify(primary.findResources('AWS::Backup::BackupPlan'))).toContain('backup-vault:shop-global-expansion-recovery-vault');
  });

  it('replicates the database secret into the second Region and names it in an output for the read Region', () => {
    primary.hasResourceProperties('AWS::SecretsManager::Secret', { ReplicaRegions: [{ Region: 'ap-northeast-1' }] });
    expect(primary.toJSON().Outputs.DatabaseSecretName).toBeDefined();
    binStacks({ secondaryRegion: 'us-west-2' })
      .get('ShopGlobalExpansion')!
      .template.hasResourceProperties('AWS::SecretsManager::Secret', { ReplicaRegions: [{ Region: 'us-west-2' }] });
  });

  it('uses one zone name in both stacks, and no cross-stack reference between the Regions', () => {
    primary.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'shop-global-workshop.com.' });
    readRegion.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.shop-global-workshop.com.' });
    expect(JSON.stringify(readRegion.toJSON())).not.toMatch(/Fn::ImportValue/);
    const custom = binStacks({ zoneName: 'shop.my-domain.net' });
    custom.get('ShopGlobalExpansionReadRegion')!.template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.shop.my-domain.net.',
    });
  });
});

describe('the primary stack: media at the edge', () => {
  const distribution = logicalId(primary, 'AWS::CloudFront::Distribution');
  const mediaBucket = Object.keys(primaryResources).find(
    (id) => id.startsWith('MediaBucket') && primaryResources[id].Type === 'AWS::S3::Bucket',
  )!;

  it('serves /media/* from the private media bucket through origin access control, cached and HTTPS only', () => {
    const config = primaryResources[distribution].Properties.DistributionConfig as {
      Origins: Array<{
        Id: string;
        DomainName: unknown;
        OriginAccessControlId?: unknown;
        S3OriginConfig?: { OriginAccessIdentity: string };
      }>;
      CacheBehaviors: Array<Record<string, unknown>>;
    };
    const behavior = config.CacheBehaviors.find((candidate) => candidate.PathPattern === '/media/*')!;
    expect(behavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      Compress: true,
      CachePolicyId: cloudfront.CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
    });
    const origin = config.Origins.find((candidate) => candidate.Id === behavior.TargetOriginId)!;
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [mediaBucket, 'RegionalDomainName'] });
    expect(origin.OriginAccessControlId).toBeDefined();
    // OAC, not the legacy origin access identity.
    expect(origin.S3OriginConfig?.OriginAccessIdentity ?? '').toBe('');
  });

  it('lets only this distribution read the media from outside the VPC endpoint', () => {
    const policy = Object.values(
      primary.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: mediaBucket } } }),
    )[0] as Resource;
    const statements = (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
        }),
      ]),
    );
    const deny = statements.find((statement) => statement.Sid === 'DenyOutsideTheVpcEndpoint')! as {
      Condition: { StringNotEquals: Record<string, unknown> };
    };
    expect(Object.keys(deny.Condition.StringNotEquals).sort()).toEqual(['aws:SourceArn', 'aws:SourceVpce']);
    expect(JSON.stringify(deny.Condition.StringNotEquals['aws:SourceArn'])).toContain(`:distribution/",{"Ref":"${distribution}"}`);
    const allow = statements.find((statement) => statement.Effect === 'Allow')! as { Condition: { StringEquals: Record<string, unknown> } };
    expect(allow.Condition.StringEquals['AWS:SourceArn']).toEqual(deny.Condition.StringNotEquals['aws:SourceArn']);
  });

  it('moves media into Intelligent-Tiering, without the archive tiers CloudFront cannot read', () => {
    const rules = (primaryResources[mediaBucket].Properties.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'media/',
          Status: 'Enabled',
          Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 }],
        }),
      ]),
    );
    expect(primaryResources[mediaBucket].Properties.IntelligentTieringConfigurations).toBeUndefined();
  });

  it('outputs what the read Region needs', () => {
    const outputs = primary.toJSON().Outputs as Record<string, { Value: unknown }>;
    // The writer, not lab 7's same-Region replica: a cross-Region replica copies the writer.
    const database = logicalId(primary, 'AWS::RDS::DBInstance', { MultiAZ: true });
    const zone = logicalId(primary, 'AWS::Route53::HostedZone');
    const alb = logicalId(primary, 'AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    expect(JSON.stringify(outputs.DatabaseArn.Value)).toContain(`"Ref":"${database}"`);
    expect(JSON.stringify(outputs.DatabaseArn.Value)).toContain(':db:');
    expect(outputs.AlbDnsName.Value).toEqual({ 'Fn::GetAtt': [alb, 'DNSName'] });
    expect(outputs.AlbCanonicalHostedZoneId.Value).toEqual({ 'Fn::GetAtt': [alb, 'CanonicalHostedZoneID'] });
    expect(outputs.HostedZoneId.Value).toEqual({ Ref: zone });
    expect(JSON.stringify(outputs.HostedZoneNameServers.Value)).toContain('NameServers');
  });

  it('uses the domain zone when a domain is given, and refuses a zone name that is not a DNS name or differs from it', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
    const withDomain = new ShopStack(new App(), 'Shop', { domainName: 'shop.my-domain.net', certificateArn });
    expect(withDomain.zoneName).toBe('shop.my-domain.net');
    Template.fromStack(withDomain).resourceCountIs('AWS::Route53::HostedZone', 1);
    expect(() => new ShopStack(new App(), 'Shop', { zoneName: 'Shop Zone' })).toThrow(/not a lower-case DNS name/);
    expect(
      () => new ShopStack(new App(), 'Shop', { domainName: 'shop.my-domain.net', certificateArn, zoneName: 'other.my-domain.net' }),
    ).toThrow(/set only one of them/);
  });
});

describe('the read Region stack', () => {
  const parameters = readRegion.toJSON().Parameters as Record<string, { AllowedPattern?: string; Default?: unknown }>;
  const pattern = (name: string): RegExp => new RegExp(parameters[name].AllowedPattern!);

  it('takes the primary values as constrained parameters without defaults', () => {
    for (const name of ['PrimaryDatabaseArn', 'PrimaryDatabaseSecretName', 'PrimaryAlbDnsName', 'PrimaryAlbHostedZoneId', 'HostedZoneId']) {
      expect(parameters[name]).toMatchObject({ Type: 'String', AllowedPattern: expect.any(String) });
      expect(parameters[name].Default).toBeUndefined();
    }
    expect(pattern('PrimaryDatabaseArn').test('arn:aws:rds:ap-northeast-2:123456789012:db:shopglobalexpansion-db-1a2b3c')).toBe(true);
    expect(pattern('PrimaryDatabaseArn').test('arn:aws:rds:ap-northeast-2:123456789012:cluster:shop')).toBe(false);
    expect(pattern('PrimaryAlbDnsName').test('ShopGl-WebLo-AbC123-1234567890.ap-northeast-2.elb.amazonaws.com')).toBe(true);
    expect(pattern('PrimaryAlbDnsName').test('shop.example.com')).toBe(false);
    expect(pattern('HostedZoneId').test('Z0123456789ABCDEFGHIJ')).toBe(true);
    expect(pattern('HostedZoneId').test('/hostedzone/Z01')).toBe(false);
    expect(pattern('PrimaryDatabaseSecretName').test('ShopGlobalExpansionDatabaseInstanceSecret-AbCdEfGhIjKl')).toBe(true);
    expect(pattern('PrimaryDatabaseSecretName').test('a secret')).toBe(false);
  });

  it('builds a VPC over two AZs with public, private and isolated subnets and a NAT gateway per AZ', () => {
    readRegion.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.1.0.0/16' });
    readRegion.resourceCountIs('AWS::EC2::Subnet', 6);
    readRegion.resourceCountIs('AWS::EC2::NatGateway', 2);
    for (const type of ['Public', 'Private', 'Isolated']) {
      readRegion.resourcePropertiesCountIs('AWS::EC2::Subnet', { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: type }]) }, 2);
    }
    readRegion.resourceCountIs('AWS::EC2::FlowLog', 1);
  });

  it('serves through an internet-facing ALB and WEB and APP Auto Scaling groups of at least two servers', () => {
    readRegion.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' }, 1);
    readRegion.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' }, 1);
    readRegion.resourcePropertiesCountIs('AWS::AutoScaling::AutoScalingGroup', { MinSize: '2' }, 2);
    readRegion.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/health' }, 2);
    const userData = JSON.stringify(readRegion.findResources('AWS::EC2::LaunchTemplate'));
    expect(userData).toContain('location = /health { return 200');
    // Scaled out before the yearly event like the primary: a scale-out and a scale-back per group, in Seoul time.
    readRegion.resourcePropertiesCountIs('AWS::AutoScaling::ScheduledAction', { TimeZone: 'Asia/Seoul' }, 4);
  });

  it('replicates the primary database across Regions, encrypted with a key of this Region, reachable from APP only', () => {
    const key = logicalId(readRegion, 'AWS::KMS::Key', { EnableKeyRotation: true });
    const databaseGroup = logicalId(readRegion, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^RDS database') });
    const replica = logicalId(readRegion, 'AWS::RDS::DBInstance');
    readRegion.hasResourceProperties('AWS::RDS::DBInstance', {
      SourceDBInstanceIdentifier: { Ref: 'PrimaryDatabaseArn' },
      SourceRegion: { 'Fn::Select': [3, { 'Fn::Split': [':', { Ref: 'PrimaryDatabaseArn' }] }] },
      KmsKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
      PubliclyAccessible: false,
      VPCSecurityGroups: [{ 'Fn::GetAtt': [databaseGroup, 'GroupId'] }],
      // Inherited from the source: setting them on a replica is an error (CloudFormation's F3020 for StorageEncrypted).
      StorageEncrypted: Match.absent(),
      MasterUsername: Match.absent(),
      DBName: Match.absent(),
      BackupRetentionPeriod: Match.absent(),
      Engine: Match.absent(),
    });
    const subnetGroup = readRegion.toJSON().Resources[replica].Properties.DBSubnetGroupName;
    const isolated = Object.keys(
      readRegion.findResources('AWS::EC2::Subnet', {
        Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Isolated' }]) },
      }),
    );
    readRegion.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: isolated.map((id) => ({ Ref: id })),
    });
    expect(subnetGroup).toEqual({ Ref: logicalId(readRegion, 'AWS::RDS::DBSubnetGroup') });
  });

  it('routes by latency to both Regions through health-checked alias records in the shop zone', () => {
    const checks = readRegion.findResources('AWS::Route53::HealthCheck');
    expect(Object.keys(checks)).toHaveLength(2);
    const alb = logicalId(readRegion, 'AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    const targets = Object.values(checks).map(
      (check) => (check.Properties as { HealthCheckConfig: Record<string, unknown> }).HealthCheckConfig,
    );
    for (const config of targets) expect(config).toMatchObject({ Type: 'HTTP', Port: 80, ResourcePath: '/health' });
    expect(targets.map((config) => config.FullyQualifiedDomainName)).toEqual(
      expect.arrayContaining([{ Ref: 'PrimaryAlbDnsName' }, { 'Fn::GetAtt': [alb, 'DNSName'] }]),
    );

    const records = Object.values(readRegion.findResources('AWS::Route53::RecordSet')).map(
      (record) => record.Properties as Record<string, unknown>,
    );
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record).toMatchObject({
        HostedZoneId: { Ref: 'HostedZoneId' },
        Type: 'A',
        Name: 'api.shop-global-workshop.com.',
        AliasTarget: expect.objectContaining({ EvaluateTargetHealth: true }),
      });
      expect(Object.keys(checks)).toContainEqual((record.HealthCheckId as { Ref: string }).Ref);
    }
    expect(records.map((record) => record.Region)).toEqual(
      expect.arrayContaining(['ap-northeast-1', { 'Fn::Select': [3, { 'Fn::Split': [':', { Ref: 'PrimaryDatabaseArn' }] }] }]),
    );
    expect(new Set(records.map((record) => JSON.stringify(record.SetIdentifier))).size).toBe(2);
    expect(records.map((record) => (record.AliasTarget as { HostedZoneId: unknown }).HostedZoneId)).toEqual(
      expect.arrayContaining([{ Ref: 'PrimaryAlbHostedZoneId' }, { 'Fn::GetAtt': [alb, 'CanonicalHostedZoneID'] }]),
    );
  });

  it('runs the shop API read-only: its configuration names this Region replica and the replicated secret, no writer, no cache', () => {
    const userData = JSON.stringify(readRegion.findResources('AWS::EC2::LaunchTemplate'));
    expect(userData).toContain('/usr/bin/node-22 /opt/shop-api/server.js');
    expect(userData).toContain('--path /shop/ShopGlobalExpansionReadRegion/');
    expect(userData).not.toContain('http.server');
    const replica = logicalId(readRegion, 'AWS::RDS::DBInstance');
    const values = Object.fromEntries(
      Object.values(readRegion.findResources('AWS::SSM::Parameter')).map((parameter) => [
        (parameter.Properties.Name as string).replace('/shop/ShopGlobalExpansionReadRegion/', ''),
        parameter.Properties.Value,
      ]),
    );
    expect(values).toEqual({
      DB_READER_HOST: { 'Fn::GetAtt': [replica, 'Endpoint.Address'] },
      DB_PORT: { 'Fn::GetAtt': [replica, 'Endpoint.Port'] },
      DB_NAME: 'shop',
      DB_SECRET_ARN: { Ref: 'PrimaryDatabaseSecretName' },
    });
    readRegion.resourceCountIs('AWS::ElastiCache::ReplicationGroup', 0);
  });

  it('lets the APP role read exactly its parameters and the replica secret of this Region; WEB neither', () => {
    const policies = Object.values(readRegion.findResources('AWS::IAM::Policy'));
    const statementsOf = (role: string) =>
      policies
        .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
        .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Array<{ Action: unknown; Resource: unknown }> }).Statement);
    const app = statementsOf('AppInstanceRole');
    const secretReads = app.filter((statement) => JSON.stringify(statement.Action).includes('secretsmanager:'));
    expect(secretReads).toEqual([
      expect.objectContaining({
        Action: 'secretsmanager:GetSecretValue',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':secretsmanager:ap-northeast-1:',
              { Ref: 'AWS::AccountId' },
              ':secret:',
              { Ref: 'PrimaryDatabaseSecretName' },
              '-??????',
            ],
          ],
        },
      }),
    ]);
    const parameterReads = app.filter((statement) => JSON.stringify(statement.Action).includes('ssm:'));
    expect(parameterReads).toHaveLength(5);
    expect(JSON.stringify(parameterReads)).toContain(':parameter/shop/ShopGlobalExpansionReadRegion"');
    expect(JSON.stringify(statementsOf('WebInstanceRole'))).not.toMatch(/secretsmanager:|ssm:/);
  });

  it('refuses a zone name or record name that is not DNS', () => {
    expect(() => new ReadRegionStack(new App(), 'Read', { zoneName: 'Shop Zone' })).toThrow(/not a lower-case DNS name/);
    expect(() => new ReadRegionStack(new App(), 'Read', { zoneName: 'shop.my-domain.net', recordName: 'a.b' })).toThrow(
      /not one DNS label/,
    );
  });
});

describe('invalid props of the new constructs', () => {
  it('rejects a media path that is not a folder pattern and negative tiering days', () => {
    const stack = new Stack();
    const endpoint = new ec2.Vpc(stack, 'Vpc').addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    const media = new MediaStorage(stack, 'Media', {
      endpoint,
      readers: [new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') })],
    });
    const distribution = new cloudfront.Distribution(stack, 'Cdn', {
      defaultBehavior: { origin: new origins.HttpOrigin('shop.my-domain.net') },
    });
    expect(() => new MediaCdn(stack, 'A', { distribution, media, pathPattern: '*.jpg' })).toThrow(/not a folder pattern/);
    expect(() => new MediaCdn(stack, 'B', { distribution, media, tieringAfterDays: -1 })).toThrow(/0 or more/);
  });

  it('rejects latency routing with one Region or a relative health check path', () => {
    const stack = new Stack();
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z1', zoneName: 'shop.my-domain.net' });
    const endpoint = { region: 'ap-northeast-2', dnsName: 'a.elb.amazonaws.com', canonicalHostedZoneId: 'Z2' };
    expect(() => new LatencyRouting(stack, 'A', { zone, recordName: 'api', endpoints: [endpoint] })).toThrow(/at least two Regions/);
    expect(
      () =>
        new LatencyRouting(stack, 'B', {
          zone,
          recordName: 'api',
          endpoints: [endpoint, { ...endpoint, region: 'ap-northeast-1' }],
          healthCheckPath: 'health',
        }),
    ).toThrow(/must start with \//);
  });
});
