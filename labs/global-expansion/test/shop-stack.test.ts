import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { ShopApiService } from '../lib/api-service';
import { Bastion } from '../lib/bastion';
import { ShopCache } from '../lib/cache';
import { ShopDatabase } from '../lib/database';
import { DatabaseSubnetAcl } from '../lib/database-acl';
import { EventScaling } from '../lib/event-scaling';
import { MediaStorage } from '../lib/media';
import { ShopDomain, ShopNetwork } from '../lib/network';
import { SecurityChain } from '../lib/security';
import { CpuAlarmScaling } from '../lib/monitoring';
import { acknowledgeNag } from '../lib/nag';
import { ReadPathConfiguration } from '../lib/read-path';
import { ShopStack, type ShopStackProps } from '../lib/shop-stack';
import { StaticSite } from '../lib/static-site';
import { LoadBalancedTier } from '../lib/tiers';
import { WebFirewall } from '../lib/web-firewall';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

/** A stand-in for the shop API: the stack tests do not depend on the service's code. */
const serviceDir = path.join(__dirname, 'fixtures', 'service');

/** The shop in an app that skips bundling, as the checker synthesizes it: no esbuild run per stack. */
function shopStack(id: string, props: ShopStackProps = {}): ShopStack {
  return new ShopStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), id, { serviceDir, ...props });
}

const template = Template.fromStack(shopStack('ShopBackupDr'));
const resources = template.toJSON().Resources as Record<string, Resource>;
const ref = (id: string) => ({ Ref: id });
const groupIdOf = (id: string) => ({ 'Fn::GetAtt': [id, 'GroupId'] });

/** Logical ids of the subnets CDK tagged with the given subnet group name, in AZ order. */
function subnets(name: string): string[] {
  return Object.keys(
    template.findResources('AWS::EC2::Subnet', {
      Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-name', Value: name }]) },
    }),
  );
}

/** The logical id of the only security group whose description starts with `prefix`. */
function group(prefix: string): string {
  const ids = Object.keys(
    template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp(`^${prefix}`) } }),
  );
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The logical id of a tier's instance role ('App' or 'Web'). */
function roleOf(tier: string): string {
  const ids = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.startsWith(`${tier}InstanceRole`));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The IAM statements of the policies attached to a role. */
function statementsOf(role: string): Array<{ Action: string | string[]; Resource: unknown; Effect: string }> {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([ref(role)]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/** The first-boot script of a tier's launch template, with its references written as JSON. */
function userDataOf(tier: string): string {
  const launchTemplate = Object.entries(template.findResources('AWS::EC2::LaunchTemplate')).find(([id]) =>
    id.startsWith(`${tier}LaunchTemplate`),
  );
  expect(launchTemplate).toBeDefined();
  return JSON.stringify(launchTemplate![1].Properties.LaunchTemplateData.UserData);
}

/** The route table a subnet is associated with. */
function routeTableOf(subnet: string): unknown {
  const association = Object.values(resources).find(
    (r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && JSON.stringify(r.Properties.SubnetId) === JSON.stringify(ref(subnet)),
  );
  return association?.Properties.RouteTableId;
}

/** The routes of the route table a subnet is associated with. */
function routesOf(subnet: string): Array<Record<string, unknown>> {
  const table = JSON.stringify(routeTableOf(subnet));
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::EC2::Route' && JSON.stringify(r.Properties.RouteTableId) === table)
    .map((r) => r.Properties);
}

describe('the network', () => {
  it('is a 10.0.0.0/16 VPC with public, app and database subnets in each of two AZs', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    for (const name of ['Public', 'App', 'Database']) {
      const ids = subnets(name);
      expect(ids).toHaveLength(2);
      expect(ids.map((id) => JSON.stringify(resources[id].Properties.AvailabilityZone))).toEqual([
        JSON.stringify({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }),
        JSON.stringify({ 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }),
      ]);
    }
    template.resourceCountIs('AWS::EC2::Subnet', 6);
  });

  it('routes public subnets to the internet gateway', () => {
    template.resourceCountIs('AWS::EC2::InternetGateway', 1);
    for (const subnet of subnets('Public')) {
      expect(routesOf(subnet)).toEqual([expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: expect.anything() })]);
    }
  });

  it('puts one NAT gateway in each public subnet and routes each app subnet to the NAT gateway of its own AZ', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
    const [public1, public2] = subnets('Public');
    const natIn = (subnet: string) =>
      Object.keys(template.findResources('AWS::EC2::NatGateway', { Properties: { SubnetId: ref(subnet) } }))[0];
    const [app1, app2] = subnets('App');
    expect(routesOf(app1)).toEqual([
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref(natIn(public1)), RouteTableId: routeTableOf(app1) },
    ]);
    expect(routesOf(app2)).toEqual([
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref(natIn(public2)), RouteTableId: routeTableOf(app2) },
    ]);
  });

  it('gives the database subnets no route out of the VPC', () => {
    for (const subnet of subnets('Database')) expect(routesOf(subnet)).toEqual([]);
  });
});

describe('the tiers', () => {
  it('put an internet-facing ALB in the public subnets and an internal ALB in the app subnets', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: subnets('Public').map(ref),
      SecurityGroups: [groupIdOf(group('External ALB'))],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: subnets('App').map(ref),
      SecurityGroups: [groupIdOf(group('Internal ALB'))],
    });
  });

  it('run WEB and APP as Auto Scaling groups of 2 to 4 servers in the app subnets of both AZs', () => {
    template.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 2);
    template.allResourcesProperties('AWS::AutoScaling::AutoScalingGroup', {
      MinSize: '2',
      MaxSize: '4',
      HealthCheckType: 'ELB',
      VPCZoneIdentifier: subnets('App').map(ref),
      LaunchTemplate: Match.objectLike({ LaunchTemplateId: Match.anyValue() }),
    });
  });

  it('build every server from a launch template with instance type, AMI and security group', () => {
    // Two tiers, plus the bastion's (CDK writes its IMDSv2 setting as a launch template).
    template.resourceCountIs('AWS::EC2::LaunchTemplate', 3);
    for (const tier of ['Web', 'App']) {
      template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: Match.objectLike({
          InstanceType: 't3.micro',
          ImageId: { Ref: Match.stringLikeRegexp('^SsmParameterValue.*al2023') },
          SecurityGroupIds: [groupIdOf(group(tier === 'Web' ? 'WEB' : 'APP'))],
        }),
      });
    }
  });

  it('forward port 80 on each ALB to its tier: WEB on 80, APP on 8080', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    template.allResourcesProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 80, HealthCheckPath: '/health' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8080, HealthCheckPath: '/health' });
  });

  it('point the WEB servers at the internal ALB', () => {
    const web = Object.values(
      template.findResources('AWS::EC2::LaunchTemplate', {
        Properties: { LaunchTemplateData: { SecurityGroupIds: [groupIdOf(group('WEB'))] } },
      }),
    )[0];
    const internalAlb = Object.keys(
      template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer', { Properties: { Scheme: 'internal' } }),
    )[0];
    expect(JSON.stringify(web.Properties.LaunchTemplateData)).toContain(JSON.stringify({ 'Fn::GetAtt': [internalAlb, 'DNSName'] }));
  });
});

describe('the security chain', () => {
  /** Every ingress rule as [target group, source], where source is a CIDR or a group's logical id. */
  function ingressRules(): Array<[string, string, number]> {
    const rules: Array<[string, string, number]> = [];
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type === 'AWS::EC2::SecurityGroup') {
        for (const rule of (r.Properties.SecurityGroupIngress ?? []) as Array<{ CidrIp: string; FromPort: number }>)
          rules.push([id, rule.CidrIp, rule.FromPort]);
      }
      if (r.Type === 'AWS::EC2::SecurityGroupIngress') {
        const target = (r.Properties.GroupId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
        const source = (r.Properties.SourceSecurityGroupId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
        rules.push([target, source, r.Properties.FromPort as number]);
      }
    }
    return rules.sort();
  }

  it('has five chain groups, the cache group and the bastion, each open only to the one in front of it', () => {
    template.resourceCountIs('AWS::EC2::SecurityGroup', 7);
    const [externalAlb, web, internalAlb, app, database, cache, bastion] = [
      'External ALB',
      'WEB',
      'Internal ALB',
      'APP',
      'RDS',
      'Cache',
      'Bastion',
    ].map(group);
    expect(ingressRules()).toEqual(
      [
        [externalAlb, '0.0.0.0/0', 80],
        [web, externalAlb, 80],
        [internalAlb, web, 80],
        [app, internalAlb, 8080],
        [database, app, 3306],
        [cache, app, 6379],
        [bastion, { Ref: 'AdminCidr' }, 22],
        [app, bastion, 22],
      ].sort(),
    );
  });

  it('closes outbound traffic of the database group', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^RDS'),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
  });
});

describe('the database', () => {
  it('is a private RDS MySQL instance in the database subnets of both AZs', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'mysql',
      EngineVersion: Match.stringLikeRegexp('^8\\.4\\.\\d+$'),
      DBInstanceClass: 'db.t3.micro',
      PubliclyAccessible: false,
      VPCSecurityGroups: [groupIdOf(group('RDS'))],
    });
    template.hasResourceProperties('AWS::RDS::DBSubnetGroup', { SubnetIds: subnets('Database').map(ref) });
  });

  it('is Multi-AZ, keeps 7 days of automated backups and encrypts its storage', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', { MultiAZ: true, BackupRetentionPeriod: 7, StorageEncrypted: true });
  });

  it('keeps its password in Secrets Manager and lets only the APP role read it', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      MasterUserPassword: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('resolve:secretsmanager')])] },
    });
    const readers = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy).includes('secretsmanager:'))
      .map((policy) => JSON.stringify(policy.Properties.Roles));
    expect(readers).toEqual([JSON.stringify([ref(roleOf('App'))])]);
  });

  it('is deleted with the stack, since a lab is torn down', () => {
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtection: false }) });
  });
});

describe('the read replica', () => {
  it('is on by default, and off on request (reads then go to the writer)', () => {
    template.resourceCountIs('AWS::RDS::DBInstance', 2);
    const without = Template.fromStack(shopStack('ShopBackupDr', { readReplica: false }));
    without.resourceCountIs('AWS::RDS::DBInstance', 1);
    const writer = Object.keys(without.findResources('AWS::RDS::DBInstance'))[0];
    without.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/shop/ShopBackupDr/DB_READER_HOST',
      Value: { 'Fn::GetAtt': [writer, 'Endpoint.Address'] },
    });
  });

  it('is a private replica of the primary in the same subnet group and security group', () => {
    const withReplica = template;
    withReplica.resourceCountIs('AWS::RDS::DBInstance', 2);
    const primary = Object.keys(withReplica.findResources('AWS::RDS::DBInstance', { Properties: { MultiAZ: true } }))[0];
    const subnetGroup = Object.keys(withReplica.findResources('AWS::RDS::DBSubnetGroup'))[0];
    const securityGroup = Object.keys(
      withReplica.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^RDS') } }),
    )[0];
    withReplica.hasResourceProperties('AWS::RDS::DBInstance', {
      SourceDBInstanceIdentifier: { 'Fn::Join': ['', Match.arrayWith([{ Ref: primary }])] },
      DBSubnetGroupName: { Ref: subnetGroup },
      VPCSecurityGroups: [groupIdOf(securityGroup)],
      PubliclyAccessible: false,
    });
  });
});

describe('the optional Route 53 stretch', () => {
  it('is off by default', () => {
    template.resourceCountIs('AWS::Route53::HostedZone', 0);
  });

  it('adds a hosted zone and an alias A record to the distribution, which serves the domain with the given certificate', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
    const withDomain = Template.fromStack(shopStack('ShopBackupDr', { domainName: 'shop.example.com', certificateArn }));
    withDomain.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'shop.example.com.' });
    const distribution = Object.keys(withDomain.findResources('AWS::CloudFront::Distribution'))[0];
    withDomain.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: 'A',
      AliasTarget: Match.objectLike({ DNSName: { 'Fn::GetAtt': [distribution, 'DomainName'] } }),
    });
    withDomain.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['shop.example.com'],
        ViewerCertificate: Match.objectLike({ AcmCertificateArn: certificateArn }),
      }),
    });
  });

  it('refuses a domain without a certificate', () => {
    expect(() => shopStack('Shop', { domainName: 'shop.example.com' })).toThrow(/needs certificateArn/);
  });
});

describe('the optional geo restriction stretch', () => {
  it('is off by default', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Restrictions: Match.absent() }),
    });
  });

  it('admits only the listed countries', () => {
    const limited = Template.fromStack(shopStack('ShopBackupDr', { allowedCountries: ['KR', 'JP'] }));
    limited.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['KR', 'JP'] } } }),
    });
    expect(() => shopStack('Shop', { allowedCountries: ['Korea'] })).toThrow(/allowedCountries holds "Korea"/);
  });
});

/** The logical id of the only resource of a type whose properties match. */
function only(type: string, props: Record<string, unknown> = {}): string {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('the static site bucket', () => {
  const site = () => only('AWS::S3::Bucket', { Tags: Match.arrayWith([{ Key: 'workshop:content', Value: 'site' }]) });

  it('is private: no website hosting, all public access blocked, HTTPS only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([{ Key: 'workshop:content', Value: 'site' }]),
      WebsiteConfiguration: Match.absent(),
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(site()),
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('lets only this distribution read it, through origin access control', () => {
    const distribution = only('AWS::CloudFront::Distribution');
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(site()),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: ['s3:GetObject', 's3:ListBucket'],
            Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', Match.arrayWith([{ Ref: distribution }])] } } },
          }),
        ]),
      },
    });
  });

  it('ships its content in site/ (uploaded by the deploy command, not by a Lambda-backed BucketDeployment)', () => {
    for (const file of ['index.html', 'error.html']) {
      expect(fs.readFileSync(path.join(__dirname, '..', 'site', file), 'utf8')).toMatch(/<html lang="en">/);
    }
    expect(template.toJSON().Outputs).toHaveProperty('SiteBucketName.Value', ref(site()));
  });
});

describe('the CloudFront distribution', () => {
  const config = () => Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
  const originOf = (targetOriginId: string) => config().Origins.find((origin: { Id: string }) => origin.Id === targetOriginId);

  it('serves the site from the bucket: HTTPS redirect, CachingOptimized, compression, index.html for /', () => {
    const defaults = config().DefaultCacheBehavior;
    expect(defaults).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      Compress: true,
      AllowedMethods: ['GET', 'HEAD'],
    });
    expect(originOf(defaults.TargetOriginId)).toMatchObject({
      DomainName: {
        'Fn::GetAtt': [
          only('AWS::S3::Bucket', { Tags: Match.arrayWith([{ Key: 'workshop:content', Value: 'site' }]) }),
          'RegionalDomainName',
        ],
      },
      OriginAccessControlId: expect.anything(),
    });
    expect(config().DefaultRootObject).toBe('index.html');
  });

  it('sends /api/* to the external ALB uncached, with every method and the viewer’s headers, cookies and query strings', () => {
    const [api] = config().CacheBehaviors;
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      ViewerProtocolPolicy: 'https-only',
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: '216adef6-5c7f-47e4-b989-5492eafa07d3',
      AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'DELETE']),
    });
    const externalAlb = only('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    expect(originOf(api.TargetOriginId)).toMatchObject({
      DomainName: { 'Fn::GetAtt': [externalAlb, 'DNSName'] },
      CustomOriginConfig: expect.objectContaining({ OriginProtocolPolicy: 'http-only' }),
    });
  });

  it('answers only a missing file (a 404 from S3) with the error page, and lets CloudFront list the bucket so S3 can say 404', () => {
    expect(config().CustomErrorResponses).toEqual([
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/error.html', ErrorCachingMinTTL: 60 },
    ]);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['s3:ListBucket']), Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('reaches the shop API: WEB cuts /api off the path on the way to the internal ALB', () => {
    expect(userDataOf('Web')).toContain('location /api/ { set $app http://');
    expect(userDataOf('Web')).toContain('rewrite ^/api(/.*)$ $1 break;');
  });
});

describe('the media bucket', () => {
  const media = () => (template.toJSON().Outputs.MediaBucketName.Value as { Ref: string }).Ref;

  it('blocks all public access, encrypts, keeps versions and outlives the stack', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    });
  });

  it('denies plain HTTP, and object access from outside the S3 endpoint except for administrators', () => {
    const endpoint = only('AWS::EC2::VPCEndpoint');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(media()),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [media(), 'Arn'] }, '/*']] },
            Condition: {
              StringNotEquals: { 'aws:SourceVpce': ref(endpoint) },
              ArnNotLike: {
                'aws:PrincipalArn': Match.arrayWith([
                  { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] },
                ]),
              },
            },
          }),
        ]),
      },
    });
  });

  it('lets the administrators in administratorArns past the endpoint-only Deny, in place of the default', () => {
    const administratorArns = [
      'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*AdministratorAccess*',
      'arn:aws:iam::123456789012:user/alice',
    ];
    const withAdmins = Template.fromStack(shopStack('ShopBackupDr', { administratorArns }));
    withAdmins.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            // The administrators, then the S3 replication role (which reads the media from outside the VPC).
            Condition: Match.objectLike({
              ArnNotLike: {
                'aws:PrincipalArn': [...administratorArns, { 'Fn::GetAtt': [Match.stringLikeRegexp('^MediaReplicationRole'), 'Arn'] }],
              },
            }),
          }),
        ]),
      },
    });
  });

  it('is read and written by the APP role only, on that bucket only', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [ref(roleOf('App'))],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: Match.arrayWith(['s3:GetObject*', 's3:DeleteObject*', 's3:PutObject']),
            Resource: [{ 'Fn::GetAtt': [media(), 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [media(), 'Arn'] }, '/*']] }],
          }),
        ]),
      },
    });
    expect(JSON.stringify(statementsOf(roleOf('Web')))).not.toContain('s3:');
  });
});

describe('the S3 gateway endpoint', () => {
  it('is a Gateway endpoint for S3 on the route tables of both app subnets', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      RouteTableIds: Match.arrayWith(subnets('App').map(routeTableOf)),
    });
  });
});

describe('the bastion', () => {
  it('is a t3.micro in a public subnet that requires IMDSv2 and encrypts its disk', () => {
    const bastion = only('AWS::EC2::Instance');
    template.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 't3.micro',
      SubnetId: { Ref: Match.stringLikeRegexp('^NetworkVpcPublicSubnet') },
      BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ Encrypted: true }) })],
    });
    const launchTemplate = resources[bastion].Properties.LaunchTemplate as { LaunchTemplateName: unknown };
    expect(launchTemplate).toBeDefined();
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } },
    });
  });

  it('accepts SSH only from the AdminCidr parameter, whose pattern refuses 0.0.0.0/0', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Bastion'),
      SecurityGroupIngress: [{ CidrIp: { Ref: 'AdminCidr' }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Description: Match.anyValue() }],
    });
    const parameter = template.toJSON().Parameters.AdminCidr;
    expect(parameter.Default).toBe('192.0.2.0/24');
    const pattern = new RegExp(parameter.AllowedPattern);
    expect(['203.0.113.7/32', '10.20.0.0/16'].every((cidr) => pattern.test(cidr))).toBe(true);
    expect(['0.0.0.0/0', '10.0.0.0/8', 'anywhere'].some((cidr) => pattern.test(cidr))).toBe(false);
  });

  it('may open SSH to the APP servers only', () => {
    const bastion = group('Bastion');
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: groupIdOf(bastion),
      DestinationSecurityGroupId: groupIdOf(group('APP')),
      FromPort: 22,
      ToPort: 22,
    });
    const egress = Object.values(template.findResources('AWS::EC2::SecurityGroupEgress', { Properties: { GroupId: groupIdOf(bastion) } }));
    expect(egress).toHaveLength(1);
  });
});

describe('the database subnet network ACL', () => {
  it('guards both database subnets', () => {
    const acl = only('AWS::EC2::NetworkAcl');
    for (const subnet of subnets('Database')) {
      template.hasResourceProperties('AWS::EC2::SubnetNetworkAclAssociation', { NetworkAclId: ref(acl), SubnetId: ref(subnet) });
    }
  });

  it('lets 3306 in from each app subnet and the replies back out, nothing from anywhere', () => {
    for (const subnet of subnets('App')) {
      const cidr = resources[subnet].Properties.CidrBlock;
      template.hasResourceProperties('AWS::EC2::NetworkAclEntry', {
        CidrBlock: cidr,
        Egress: false,
        Protocol: 6,
        PortRange: { From: 3306, To: 3306 },
        RuleAction: 'allow',
      });
      template.hasResourceProperties('AWS::EC2::NetworkAclEntry', {
        CidrBlock: cidr,
        Egress: true,
        Protocol: 6,
        PortRange: { From: 1024, To: 65535 },
        RuleAction: 'allow',
      });
    }
    expect(Object.keys(template.findResources('AWS::EC2::NetworkAclEntry', { Properties: { CidrBlock: '0.0.0.0/0' } }))).toEqual([]);
  });
});

describe('the web firewall', () => {
  it('is a REGIONAL web ACL with three AWS managed rule groups that block', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'].map((name) =>
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } }, OverrideAction: { None: {} } }),
      ),
    });
  });

  it('is attached to the external ALB', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: ref(only('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' })),
      WebACLArn: { 'Fn::GetAtt': [only('AWS::WAFv2::WebACL'), 'Arn'] },
    });
  });
});

describe('audit and detection', () => {
  it('records every Region with CloudTrail log file validation into an encrypted, private bucket', () => {
    const trail = Object.values(template.findResources('AWS::CloudTrail::Trail'))[0].Properties;
    expect(trail).toMatchObject({
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      IncludeGlobalServiceEvents: true,
      IsLogging: true,
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicPolicy: true }),
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(JSON.stringify(trail.S3BucketName)).toMatch(/AuditTrailBucket/);
  });

  it('keeps VPC flow logs of all traffic for a month and turns GuardDuty on (unless told not to)', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::GuardDuty::Detector', { Enable: true });
    const without = Template.fromStack(shopStack('ShopBackupDr', { guardDuty: false }));
    without.resourceCountIs('AWS::GuardDuty::Detector', 0);
  });
});

describe('CPU alarms and scaling', () => {
  it('give each tier a high and a low CPU alarm that trigger its step scaling policies', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period: 300 });
    for (const asg of Object.keys(template.findResources('AWS::AutoScaling::AutoScalingGroup'))) {
      const policies = Object.keys(
        template.findResources('AWS::AutoScaling::ScalingPolicy', {
          Properties: { AutoScalingGroupName: ref(asg), PolicyType: 'StepScaling' },
        }),
      );
      expect(policies).toHaveLength(2);
      for (const policy of policies) template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [ref(policy)] });
    }
  });
});

describe('hardened servers', () => {
  it('require IMDSv2 and encrypt the root volume in both tier launch templates', () => {
    const tiers = Object.values(template.findResources('AWS::EC2::LaunchTemplate')).filter(
      (lt) => (lt.Properties.LaunchTemplateData as { UserData?: unknown }).UserData,
    );
    expect(tiers).toHaveLength(2);
    for (const lt of tiers) {
      expect(lt.Properties.LaunchTemplateData).toMatchObject({
        MetadataOptions: { HttpTokens: 'required' },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeType: 'gp3' } }],
      });
    }
  });
});

describe('the cache', () => {
  const cacheGroup = () => only('AWS::ElastiCache::ReplicationGroup');

  it('is a Valkey 8 replication group of two cache.t4g.micro nodes with Multi-AZ and automatic failover', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'valkey',
      EngineVersion: Match.stringLikeRegexp('^8\\.\\d+$'),
      CacheNodeType: 'cache.t4g.micro',
      NumCacheClusters: 2,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
      Port: 6379,
    });
  });

  it('encrypts traffic (TLS required) and data at rest', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      TransitEncryptionMode: Match.absent(),
    });
  });

  it('lives in the isolated subnets of both AZs behind its own security group', () => {
    const subnetGroup = only('AWS::ElastiCache::SubnetGroup');
    template.hasResourceProperties('AWS::ElastiCache::SubnetGroup', { SubnetIds: subnets('Database').map(ref) });
    expect(resources[cacheGroup()].Properties).toMatchObject({
      CacheSubnetGroupName: ref(subnetGroup),
      SecurityGroupIds: [groupIdOf(group('Cache'))],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Cache'),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
  });

  it('lets 6379 through the isolated subnets network ACL from each app subnet only', () => {
    const cacheEntries = Object.values(
      template.findResources('AWS::EC2::NetworkAclEntry', { Properties: { PortRange: { From: 6379, To: 6379 } } }),
    ).map((entry) => entry.Properties);
    expect(cacheEntries.map((entry) => [entry.CidrBlock, entry.Egress, entry.RuleAction]).sort()).toEqual(
      subnets('App')
        .map((subnet) => [resources[subnet].Properties.CidrBlock, false, 'allow'])
        .sort(),
    );
  });
});

describe('the read path', () => {
  const parameter = (name: string) => only('AWS::SSM::Parameter', { Name: `/shop/ShopBackupDr/${name}` });
  const valueOf = (name: string) => resources[parameter(name)].Properties.Value;
  const primary = () => only('AWS::RDS::DBInstance', { MultiAZ: true });
  const replica = () => only('AWS::RDS::DBInstance', { SourceDBInstanceIdentifier: Match.anyValue() });

  it('names the writer, the replica and the cache by reference in String parameters under /shop/<stack>/', () => {
    template.resourceCountIs('AWS::SSM::Parameter', 9);
    template.allResourcesProperties('AWS::SSM::Parameter', {
      Type: 'String',
      Name: Match.stringLikeRegexp('^/shop/ShopBackupDr/[A-Z_]+$'),
    });
    expect(valueOf('DB_WRITER_HOST')).toEqual({ 'Fn::GetAtt': [primary(), 'Endpoint.Address'] });
    expect(valueOf('DB_READER_HOST')).toEqual({ 'Fn::GetAtt': [replica(), 'Endpoint.Address'] });
    expect(valueOf('DB_PORT')).toEqual({ 'Fn::GetAtt': [primary(), 'Endpoint.Port'] });
    expect(valueOf('DB_NAME')).toBe('shop');
    expect(valueOf('CACHE_HOST')).toEqual({ 'Fn::GetAtt': [only('AWS::ElastiCache::ReplicationGroup'), 'PrimaryEndPoint.Address'] });
    expect([valueOf('CACHE_PORT'), valueOf('CACHE_TLS'), valueOf('CACHE_TTL_SECONDS')]).toEqual(['6379', 'true', '60']);
  });

  it('hands over the secret ARN, never the password, and types no host name into the template', () => {
    // The attachment's Ref is the secret's ARN, once the secret names its database.
    expect(valueOf('DB_SECRET_ARN')).toEqual(ref(only('AWS::SecretsManager::SecretTargetAttachment')));
    expect(JSON.stringify(template.toJSON())).not.toMatch(/\.(rds|cache)\.amazonaws\.com/);
    expect(JSON.stringify(Object.values(template.findResources('AWS::SSM::Parameter')))).not.toContain('resolve:secretsmanager');
  });

  it('lets the APP role read exactly these parameters and the path, and the WEB role none', () => {
    const statements = statementsOf(roleOf('App'));
    const byPath = statements.filter((statement) => JSON.stringify(statement.Action).includes('ssm:GetParametersByPath'));
    expect(byPath).toHaveLength(1);
    expect(JSON.stringify(byPath[0].Resource)).toContain(':parameter/shop/ShopBackupDr"');
    const readable = statements
      .filter((statement) => JSON.stringify(statement.Action).includes('ssm:GetParameter"'))
      .map((statement) => JSON.stringify(statement.Resource));
    expect(readable).toHaveLength(9);
    expect(JSON.stringify(statements)).not.toMatch(/parameter\/\*|"ssm:\*"/);
    expect(JSON.stringify(statementsOf(roleOf('Web')))).not.toContain('ssm:');
  });

  it('starts the APP servers only after their configuration and permissions exist', () => {
    const app = Object.entries(template.findResources('AWS::AutoScaling::AutoScalingGroup')).find(([id]) => id.startsWith('App'))!;
    expect(app[1].DependsOn).toEqual(expect.arrayContaining([parameter('DB_READER_HOST'), parameter('CACHE_HOST')]));
    expect(app[1].DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^AppInstanceRoleDefaultPolicy/)]));
  });
});

describe('the shop API on the APP servers', () => {
  it('is downloaded from the assets bucket, run by Node.js 22 under systemd with its configuration from Parameter Store', () => {
    const userData = userDataOf('App');
    expect(userData).toContain('dnf install -y nodejs22');
    expect(userData).toMatch(
      /aws s3 cp 's3:\/\/",\{"Fn::Sub":"cdk-[a-z0-9]+-assets-\$\{AWS::AccountId\}-\$\{AWS::Region\}"\},"\/[0-9a-f]{64}\.zip'/,
    );
    expect(userData).toContain('python3 -m zipfile -e /opt/shop-api/bundle.zip /opt/shop-api/');
    expect(userData).toContain('aws ssm get-parameters-by-path --region ');
    expect(userData).toContain(' --path /shop/ShopBackupDr/ ');
    expect(userData).toContain("echo 'PORT=8080' >> /etc/shop-api.env");
    expect(userData).toContain('EnvironmentFile=/etc/shop-api.env');
    expect(userData).toContain('ExecStart=/usr/bin/node-22 /opt/shop-api/server.js');
    expect(userData).toContain('DynamicUser=yes');
    expect(userData).not.toContain('http.server');
  });

  it('may download its own bundle and nothing else from the assets bucket', () => {
    const assetReads = statementsOf(roleOf('App')).filter((statement) => JSON.stringify(statement.Resource).includes('-assets-'));
    expect(assetReads).toHaveLength(1);
    expect(assetReads[0].Action).toBe('s3:GetObject');
    expect(JSON.stringify(assetReads[0].Resource)).toMatch(/\/[0-9a-f]{64}\.zip"\]\]\}$/);
  });

  it('bundles the service with esbuild into one server.js when bundling runs', () => {
    const app = new App();
    new ShopStack(app, 'ShopBackupDr', { serviceDir });
    const assembly = app.synth();
    try {
      const bundles = fs
        .readdirSync(assembly.directory)
        .filter((entry) => entry.startsWith('asset.') && fs.existsSync(path.join(assembly.directory, entry, 'server.js')));
      expect(bundles).toHaveLength(1);
      const server = fs.readFileSync(path.join(assembly.directory, bundles[0], 'server.js'), 'utf8');
      expect(server).toContain('createServer');
      expect(fs.readdirSync(path.join(assembly.directory, bundles[0]))).toEqual(['server.js']);
      const bundled = Template.fromJSON(assembly.getStackByName('ShopBackupDr').template).toJSON();
      expect(JSON.stringify(bundled.Resources)).toBe(JSON.stringify(template.toJSON().Resources));
    } finally {
      fs.rmSync(assembly.directory, { recursive: true, force: true });
    }
  });

  it('stops the synth with the reason when the service does not build', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-service-'));
    try {
      expect(() => new ShopStack(new App(), 'Broken', { serviceDir: empty })).toThrow(/esbuild could not bundle .*src\/main\.ts/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('event-day scaling', () => {
  /** The scheduled actions of a tier's Auto Scaling group, as [Recurrence, MinSize, MaxSize, TimeZone]. */
  function schedules(shop: Template, tier: string): unknown[][] {
    const asg = Object.keys(shop.findResources('AWS::AutoScaling::AutoScalingGroup')).find((id) => id.startsWith(`${tier}Group`));
    return Object.values(shop.findResources('AWS::AutoScaling::ScheduledAction'))
      .filter((action) => JSON.stringify(action.Properties.AutoScalingGroupName) === JSON.stringify(ref(asg!)))
      .map(({ Properties: p }) => [p.Recurrence, p.MinSize, p.MaxSize, p.TimeZone])
      .sort();
  }

  it('scales WEB and APP out to 4-8 an hour before the 11.11 sale in Seoul time, and back to 2-4 after a day', () => {
    for (const tier of ['Web', 'App']) {
      expect(schedules(template, tier)).toEqual([
        ['0 0 12 11 *', 2, 4, 'Asia/Seoul'],
        ['0 23 10 11 *', 4, 8, 'Asia/Seoul'],
      ]);
    }
    template.allResourcesProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '2', MaxSize: '4' });
  });

  it('follows the event start and length given as context, across the end of the year', () => {
    const newYear = Template.fromStack(shopStack('ShopBackupDr', { eventStart: '12-31T23:30', eventHours: 2 }));
    expect(schedules(newYear, 'App')).toEqual([
      ['30 1 1 1 *', 2, 4, 'Asia/Seoul'],
      ['30 22 31 12 *', 4, 8, 'Asia/Seoul'],
    ]);
  });
});

describe('the reviewed cdk-nag findings', () => {
  it('are written into the template with a reason each', () => {
    const acknowledged = Object.values(resources).flatMap(
      (r) =>
        (r as { Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string }> } } }).Metadata?.cdk_nag
          ?.rules_to_suppress ?? [],
    );
    expect(acknowledged.length).toBeGreaterThan(20);
    for (const { id, reason } of acknowledged) {
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      expect(reason.length).toBeGreaterThanOrEqual(20);
    }
    expect(acknowledged.map((a) => a.id)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-EC23',
        'AwsSolutions-EC28',
        'AwsSolutions-SMG4',
        'AwsSolutions-CFR2',
        'AwsSolutions-AEC6',
        'AwsSolutions-RDS3',
      ]),
    );
  });
});

it('deploys without Lambda-backed custom resources (no Docker needed locally)', () => {
  const types = Object.values(resources).map((r) => r.Type);
  expect(types.filter((type) => type.startsWith('Custom::') || type.startsWith('AWS::Lambda::'))).toEqual([]);
});

describe('invalid props', () => {
  /** A fresh stack with a two-AZ VPC and one security group, to build a single construct in. */
  function scaffold() {
    const stack = new Stack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    return { stack, vpc, securityGroup: new ec2.SecurityGroup(stack, 'Group', { vpc }) };
  }

  it('rejects a network with one AZ or a CIDR outside /16 to /20', () => {
    expect(() => new ShopNetwork(new Stack(), 'Network', { azCount: 1 })).toThrow(/azCount 1 must be 2 or 3/);
    expect(() => new ShopNetwork(new Stack(), 'Network', { cidr: '10.0.0.0/24' })).toThrow(/cidr "10\.0\.0\.0\/24" is not an IPv4 range/);
  });

  it('rejects a bad port, capacity or domain name', () => {
    const { stack, vpc, securityGroup } = scaffold();
    expect(() => new SecurityChain(stack, 'Security', { vpc, appPort: 0 })).toThrow(/appPort 0 is not a TCP port/);
    const tier = {
      vpc,
      internetFacing: false,
      loadBalancerSecurityGroup: securityGroup,
      instanceSecurityGroup: securityGroup,
      instancePort: 80,
      userData: ec2.UserData.forLinux(),
    };
    expect(() => new LoadBalancedTier(stack, 'One', { ...tier, minCapacity: 1 })).toThrow(/minCapacity 1 is below 2/);
    expect(() => new LoadBalancedTier(stack, 'Small', { ...tier, maxCapacity: 1 })).toThrow(/maxCapacity 1 is below minCapacity 2/);
    const { loadBalancer } = new LoadBalancedTier(stack, 'Tier', tier);
    const target = new targets.LoadBalancerTarget(loadBalancer);
    expect(() => new ShopDomain(stack, 'Domain', { domainName: 'Not A Domain', target })).toThrow(/is not a lower-case DNS name/);
    expect(() => shopStack('Shop', { domainName: 'shop', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/x' })).toThrow(
      /domainName "shop"/,
    );
  });

  it('rejects website documents that are not object keys and a media bucket nobody may use', () => {
    const { stack, vpc } = scaffold();
    expect(() => new StaticSite(stack, 'Site', { indexDocument: '/index.html' })).toThrow(
      /indexDocument "\/index.html" is not an object key/,
    );
    const endpoint = vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    expect(() => new MediaStorage(stack, 'Media', { endpoint, readers: [] })).toThrow(/readers is empty/);
    expect(
      () => new MediaStorage(stack, 'NoAdmins', { endpoint, readers: [new iam.AccountRootPrincipal()], administratorArns: [] }),
    ).toThrow(/administratorArns is empty/);
    expect(
      () => new MediaStorage(stack, 'EmptyAdmin', { endpoint, readers: [new iam.AccountRootPrincipal()], administratorArns: [''] }),
    ).toThrow(/lists an empty ARN/);
  });

  it('rejects a bastion with no target, an empty NACL, a web ACL without rules, crossed CPU thresholds and vague acknowledgements', () => {
    const { stack, vpc, securityGroup } = scaffold();
    expect(() => new Bastion(stack, 'Bastion', { vpc, adminCidr: '203.0.113.7/32', targets: [] })).toThrow(/targets is empty/);
    expect(() => new DatabaseSubnetAcl(stack, 'Acl', { vpc, databaseSubnets: [], clientSubnets: vpc.privateSubnets })).toThrow(
      /must both list/,
    );
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
    expect(() => new WebFirewall(stack, 'Waf', { loadBalancer: alb, managedRuleGroups: [] })).toThrow(/without rules blocks nothing/);
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    expect(() => new CpuAlarmScaling(stack, 'Cpu', { autoScalingGroup: asg, scaleInAt: 80, scaleOutAt: 70 })).toThrow(
      /0 < scaleInAt < scaleOutAt < 100/,
    );
    expect(() => acknowledgeNag(securityGroup, 'EC23', 'A long enough reason for the test.')).toThrow(/not a cdk-nag AwsSolutions rule id/);
    expect(() => acknowledgeNag(securityGroup, 'AwsSolutions-EC23', 'ok')).toThrow(/too short/);
  });

  it('rejects a cache on a bad port or node type, and a network ACL entry for no client subnet', () => {
    const { stack, securityGroup } = scaffold();
    const { vpc } = new ShopNetwork(stack, 'Network');
    expect(() => new ShopCache(stack, 'Port', { vpc, clients: securityGroup, port: 70000 })).toThrow(/port 70000 is not a TCP port/);
    expect(() => new ShopCache(stack, 'Type', { vpc, clients: securityGroup, nodeType: 't4g.micro' })).toThrow(
      /nodeType "t4g.micro" is not an ElastiCache node type/,
    );
    const cache = new ShopCache(stack, 'Cache', { vpc, clients: securityGroup });
    const acl = new ec2.NetworkAcl(stack, 'Acl', { vpc });
    expect(() => cache.admitThrough(acl, [])).toThrow(/clientSubnets is empty/);
  });

  it('rejects a cache TTL outside one second to one day and a configuration path that is not one', () => {
    const { stack, securityGroup } = scaffold();
    const { vpc } = new ShopNetwork(stack, 'Network');
    const database = new ShopDatabase(stack, 'Database', { vpc, securityGroup });
    const config = {
      writer: database.instance,
      databaseName: database.databaseName,
      secret: database.secret,
      cacheHost: 'cache',
      cachePort: 6379,
      grantee: new iam.AccountRootPrincipal(),
    };
    expect(() => new ReadPathConfiguration(stack, 'Zero', { ...config, cacheTtlSeconds: 0 })).toThrow(/cacheTtlSeconds 0 must be/);
    expect(() => new ShopApiService(stack, 'Api', { serviceDir, port: 8080, configurationPath: 'shop/x/' })).toThrow(
      /configurationPath "shop\/x\/" is not a parameter path/,
    );
    expect(() => new ShopApiService(stack, 'Port', { serviceDir, port: 0, configurationPath: '/shop/x' })).toThrow(
      /port 0 is not a TCP port/,
    );
  });

  it('rejects an event start that is not a day of the year, a zero-hour event and capacity that does not grow', () => {
    const { stack, vpc } = scaffold();
    const group = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    const tiers = [{ group, normal: { min: 2, max: 4 }, event: { min: 4, max: 8 } }];
    for (const eventStart of ['2027-11-11T00:00', '02-30T00:00', '11-11T24:00', '11-11']) {
      expect(() => new EventScaling(stack, `Bad${eventStart}`, { tiers, eventStart })).toThrow(/is not a day and time of the year/);
    }
    expect(() => new EventScaling(stack, 'Short', { tiers, eventStart: '11-11T00:00', eventHours: 0 })).toThrow(/eventHours 0/);
    expect(() => new EventScaling(stack, 'Late', { tiers, eventStart: '11-11T00:00', leadMinutes: 5 })).toThrow(/leadMinutes 5/);
    expect(() => new EventScaling(stack, 'None', { tiers: [], eventStart: '11-11T00:00' })).toThrow(/tiers is empty/);
    const flat = [{ group, normal: { min: 2, max: 4 }, event: { min: 2, max: 4 } }];
    expect(() => new EventScaling(stack, 'Flat', { tiers: flat, eventStart: '11-11T00:00' })).toThrow(/must raise the everyday 2-4/);
    expect(() => new EventScaling(stack, 'LeapDay', { tiers, eventStart: '02-29T12:00' })).not.toThrow();
  });

  it('rejects a database name RDS would refuse and a backup window outside 1-35 days', () => {
    const { stack, vpc, securityGroup } = scaffold();
    expect(() => new ShopDatabase(stack, 'Database', { vpc, securityGroup, databaseName: '1shop' })).toThrow(
      /databaseName "1shop" must start with a letter/,
    );
    expect(() => new ShopDatabase(stack, 'NoBackups', { vpc, securityGroup, backupRetentionDays: 0 })).toThrow(
      /backupRetentionDays 0 must be a whole number from 1 to 35/,
    );
  });
});
