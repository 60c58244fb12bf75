import path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BACKUP_TAG, ShopBackup } from '../lib/backup';
import { MediaStorage } from '../lib/media';
import { MediaReplication } from '../lib/media-replication';
import { RecoveryObjectives, isoDuration } from '../lib/recovery-objectives';
import { RecoveryStack, recoveryVaultName, replicaBucketName } from '../lib/recovery-stack';
import { ShopStack } from '../lib/shop-stack';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

/** A stand-in for the shop API: these tests do not depend on the service's code. */
const serviceDir = path.join(__dirname, 'fixtures', 'service');

/** The lab's two stacks as bin/shop.ts builds them: the recovery side first, in the secondary Region. */
function shopApp(secondaryRegion = 'ap-northeast-1') {
  // Bundling skipped, as the checker synthesizes: no esbuild run for the shop API.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const recovery = new RecoveryStack(app, 'ShopBackupDrRecovery', { env: { region: secondaryRegion } });
  const primary = new ShopStack(app, 'ShopBackupDr', { recovery: recovery.target, serviceDir });
  return { app, recovery, primary };
}

const { app, recovery, primary } = shopApp();
const secondary = Template.fromStack(recovery);
const main = Template.fromStack(primary);
const mainResources = main.toJSON().Resources as Record<string, Resource>;
const account = { Ref: 'AWS::AccountId' };
const partition = { Ref: 'AWS::Partition' };
const replicaArn = { 'Fn::Join': ['', ['arn:', partition, ':s3:::shop-backup-dr-recovery-', account, '-ap-northeast-1']] };

/** The logical id of the only resource of a type whose logical id starts with `prefix`. */
function only(type: string, prefix: string): string {
  const ids = Object.keys(mainResources).filter((id) => mainResources[id].Type === type && id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('the two stacks', () => {
  it('deploys the recovery stack to the secondary Region and leaves the primary stack to the deploy target', () => {
    expect(recovery.region).toBe('ap-northeast-1');
    expect(primary.resolve(primary.region)).toEqual({ Ref: 'AWS::Region' });
  });

  it('shares no cross-stack reference: names are built on both sides from the same plain strings', () => {
    for (const template of [secondary, main]) expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
    expect(primary.dependencies).toEqual([]);
    expect(recovery.target).toEqual({ stackName: 'ShopBackupDrRecovery', region: 'ap-northeast-1' });
    expect(recoveryVaultName(recovery.target)).toBe('shop-backup-dr-recovery-vault');
    expect(replicaBucketName(recovery.target, '123456789012')).toBe('shop-backup-dr-recovery-123456789012-ap-northeast-1');
  });

  it('bin/shop.ts builds the stacks and takes the secondary Region from the secondaryRegion context', () => {
    const apps: App[] = [];
    const hook = Symbol.for('@aws-cdk/core.App#initHook');
    const globals = globalThis as Record<symbol, unknown>;
    globals[hook] = (created: App) => {
      created.node.setContext('secondaryRegion', 'us-west-2');
      created.node.setContext('aws:cdk:bundling-stacks', []);
      apps.push(created);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(__dirname, '..', 'bin', 'shop.ts'));
    } finally {
      delete globals[hook];
    }
    const stacks = apps[0].node.children.filter((child): child is Stack => Stack.isStack(child));
    expect(stacks.map((stack) => [stack.stackName, stack.resolve(stack.region)])).toEqual([
      ['ShopGlobalExpansionRecovery', 'us-west-2'],
      ['ShopGlobalExpansion', { Ref: 'AWS::Region' }],
      ['ShopGlobalExpansionReadRegion', 'us-west-2'],
    ]);
    expect(JSON.stringify(Template.fromStack(stacks[1]).toJSON())).toContain(':backup:us-west-2:');
  });
});

describe('the recovery stack (secondary Region)', () => {
  it('keeps the copies in a vault with a fixed name, encrypted with a rotating key of its own Region', () => {
    secondary.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    secondary.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'shop-backup-dr-recovery-vault',
      EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupKey'), 'Arn'] },
    });
    secondary.hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Retain' });
  });

  it('receives the media in a private, encrypted, versioned bucket named after the account and Region', () => {
    secondary.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketName: { 'Fn::Join': ['', ['shop-backup-dr-recovery-', account, '-ap-northeast-1']] },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } })],
        },
      }),
    });
  });

  it('outputs the vault and bucket names', () => {
    secondary.hasOutput('BackupVaultName', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vault'), 'BackupVaultName'] } });
    secondary.hasOutput('ReplicaBucketName', { Value: { Ref: Match.stringLikeRegexp('^MediaReplica') } });
  });
});

describe('the backup plan (primary Region)', () => {
  it('backs up every night at 03:00 Seoul time, keeps 35 days, and copies each backup to the secondary vault by ARN', () => {
    main.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: 'ShopBackupDr-daily',
        BackupPlanRule: [
          Match.objectLike({
            RuleName: 'Daily',
            ScheduleExpression: 'cron(0 3 * * ? *)',
            ScheduleExpressionTimezone: 'Asia/Seoul',
            Lifecycle: { DeleteAfterDays: 35 },
            TargetBackupVault: { 'Fn::GetAtt': [only('AWS::Backup::BackupVault', 'BackupVault'), 'BackupVaultName'] },
            CopyActions: [
              {
                DestinationBackupVaultArn: {
                  'Fn::Join': ['', ['arn:', partition, ':backup:ap-northeast-1:', account, ':backup-vault:shop-backup-dr-recovery-vault']],
                },
                Lifecycle: { DeleteAfterDays: 35 },
              },
            ],
          }),
        ],
      },
    });
  });

  it('selects the database by its ARN and the server volumes by tag, with one role only AWS Backup may assume', () => {
    const role = only('AWS::IAM::Role', 'BackupRole');
    const plan = { 'Fn::GetAtt': [only('AWS::Backup::BackupPlan', 'BackupPlan'), 'BackupPlanId'] };
    const database = only('AWS::RDS::DBInstance', 'DatabaseInstance');
    main.resourceCountIs('AWS::Backup::BackupSelection', 2);
    main.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupPlanId: plan,
      BackupSelection: {
        SelectionName: 'Database',
        IamRoleArn: { 'Fn::GetAtt': [role, 'Arn'] },
        Resources: [{ 'Fn::Join': ['', ['arn:', partition, ':rds:', { Ref: 'AWS::Region' }, ':', account, ':db:', { Ref: database }]] }],
      },
    });
    main.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupPlanId: plan,
      BackupSelection: {
        SelectionName: 'ServerVolumes',
        IamRoleArn: { 'Fn::GetAtt': [role, 'Arn'] },
        Resources: [{ 'Fn::Join': ['', ['arn:', partition, ':ec2:', { Ref: 'AWS::Region' }, ':', account, ':volume/*']] }],
        Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/workshop:backup', ConditionValue: 'daily' }] },
      },
    });
    expect(mainResources[role].Properties).toEqual({
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } }],
        Version: '2012-10-17',
      },
      Description: expect.any(String),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', partition, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup']] }],
    });
  });

  it('tags the volumes of every WEB and APP server through their launch templates', () => {
    const tierTemplates = Object.entries(mainResources).filter(
      ([id, resource]) => resource.Type === 'AWS::EC2::LaunchTemplate' && /^(Web|App)LaunchTemplate/.test(id),
    );
    expect(tierTemplates).toHaveLength(2);
    for (const [, resource] of tierTemplates) {
      expect((resource.Properties.LaunchTemplateData as { TagSpecifications: unknown }).TagSpecifications).toEqual(
        expect.arrayContaining([
          { ResourceType: 'volume', Tags: expect.arrayContaining([{ Key: BACKUP_TAG.key, Value: BACKUP_TAG.value }]) },
        ]),
      );
    }
  });

  it('keeps the RDS automated backups for point-in-time recovery (7 days)', () => {
    main.hasResourceProperties('AWS::RDS::DBInstance', { BackupRetentionPeriod: 7 });
  });
});

describe('the media replication', () => {
  const media = only('AWS::S3::Bucket', 'MediaBucket');
  const role = only('AWS::IAM::Role', 'MediaReplicationRole');

  it('replicates every new object of the versioned media bucket to the replica bucket, without delete markers', () => {
    main.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      ReplicationConfiguration: {
        Role: { 'Fn::GetAtt': [role, 'Arn'] },
        Rules: [
          {
            Id: 'MediaToSecondaryRegion',
            Status: 'Enabled',
            Priority: 1,
            Filter: { Prefix: '' },
            Destination: { Bucket: replicaArn, StorageClass: 'STANDARD_IA' },
            DeleteMarkerReplication: { Status: 'Disabled' },
          },
        ],
      },
    });
  });

  it('lets the replication role read this bucket and write the replica bucket, nothing else', () => {
    const mediaArn = { 'Fn::GetAtt': [media, 'Arn'] };
    expect(mainResources[role].Properties.AssumeRolePolicyDocument).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' } }],
      Version: '2012-10-17',
    });
    main.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: role }],
      PolicyDocument: {
        Statement: [
          { Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Effect: 'Allow', Resource: mediaArn },
          {
            Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', [mediaArn, '/*']] },
          },
          {
            Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', ['arn:', partition, ':s3:::shop-backup-dr-recovery-', account, '-ap-northeast-1/*']] },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('exempts the replication role from the VPC endpoint condition of the media bucket policy', () => {
    main.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: media },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'DenyOutsideTheVpcEndpoint',
            Condition: Match.objectLike({ ArnNotLike: { 'aws:PrincipalArn': Match.arrayWith([{ 'Fn::GetAtt': [role, 'Arn'] }]) } }),
          }),
        ]),
      },
    });
  });

  it('moves old versions to Standard-IA after 30 days and expires them after 90', () => {
    main.hasResourceProperties('AWS::S3::Bucket', {
      ReplicationConfiguration: Match.anyValue(),
      LifecycleConfiguration: {
        // Next to lab 9's Intelligent-Tiering rule for current media.
        Rules: Match.arrayWith([
          {
            Id: 'ExpireOldVersions',
            Status: 'Enabled',
            NoncurrentVersionTransitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ]),
      },
    });
  });
});

describe('the recovery objectives', () => {
  it('declares RTO and RPO as ISO-8601 stack outputs and stack tags', () => {
    main.hasOutput('RecoveryTimeObjective', { Value: 'PT4H' });
    main.hasOutput('RecoveryPointObjective', { Value: 'PT24H' });
    const tags = app.synth().getStackByName('ShopBackupDr').tags;
    expect(tags).toEqual(expect.objectContaining({ 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H' }));
  });

  it('writes durations in whole hours or minutes', () => {
    expect([Duration.hours(24), Duration.minutes(90), Duration.days(2)].map(isoDuration)).toEqual(['PT24H', 'PT90M', 'PT48H']);
  });
});

describe('invalid props', () => {
  it('refuses a recovery stack without a concrete Region', () => {
    expect(() => new RecoveryStack(new App(), 'Recovery', {})).toThrow(/env.region is "undefined".*such as ap-northeast-1/);
  });

  it('refuses a copy into the primary Region itself', () => {
    const stack = new Stack(new App(), 'Primary', { env: { region: 'ap-northeast-1' } });
    const { database, servers } = backupTargets(stack);
    expect(
      () => new ShopBackup(stack, 'Backup', { database, servers, recovery: { stackName: 'Recovery', region: 'ap-northeast-1' } }),
    ).toThrow(/this stack's own Region: choose another secondaryRegion/);
  });

  it('refuses backups kept less than a week', () => {
    const stack = new Stack();
    const { database, servers } = backupTargets(stack);
    expect(
      () => new ShopBackup(stack, 'Backup', { database, servers, recovery: recovery.target, copyRetention: Duration.days(3) }),
    ).toThrow(/copyRetention is 3 days: keep backups at least 7 days/);
  });

  it('refuses an RPO shorter than the time between copies', () => {
    expect(() => new RecoveryObjectives(new Stack(), 'Objectives', { rto: Duration.hours(4), rpo: Duration.hours(1) })).toThrow(
      /rpo PT1H is shorter than the PT24H between copies/,
    );
  });

  it('refuses to replicate a bucket without versioning', () => {
    const stack = new Stack();
    const endpoint = ec2.GatewayVpcEndpoint.fromGatewayVpcEndpointId(stack, 'S3', 'vpce-0123456789abcdef0');
    const media = new MediaStorage(stack, 'Media', { endpoint, readers: [new iam.AccountRootPrincipal()] });
    (media.bucket.node.defaultChild as s3.CfnBucket).versioningConfiguration = undefined;
    expect(() => new MediaReplication(stack, 'Replication', { media, recovery: recovery.target })).toThrow(
      /not versioned: S3 replication needs versioning on both buckets/,
    );
  });
});

/** A database and a server launch template to hand to ShopBackup in the invalid-props tests. */
function backupTargets(stack: Stack) {
  const database = rds.DatabaseInstance.fromDatabaseInstanceAttributes(stack, 'Db', {
    instanceIdentifier: 'shop',
    instanceEndpointAddress: 'shop.example.internal',
    port: 3306,
    securityGroups: [],
  });
  return { database, servers: [new ec2.LaunchTemplate(stack, 'Servers')] };
}
