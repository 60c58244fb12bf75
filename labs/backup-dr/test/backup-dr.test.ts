import path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ShopBackup } from '../lib/backup';
import { MediaStorage } from '../lib/media';
import { MediaReplication } from '../lib/media-replication';
import { RecoveryObjectives, isoDuration } from '../lib/recovery-objectives';
import { RecoveryStack, recoveryVaultName, replicaBucketName } from '../lib/recovery-stack';
import { ShopStack } from '../lib/shop-stack';

// The starter is the event-ready solution plus a second stack and the DR constructs to finish.
// These tests describe what it already has and what stays true after your steps; add tests for the
// vault and the replica bucket, the backup plan and its selections, the media replication and the
// recovery objectives.

/** A stand-in for the shop API: these tests do not depend on the service's code. */
const serviceDir = path.join(__dirname, 'fixtures', 'service');
// Bundling skipped, as the checker synthesizes: no esbuild run for the shop API.
const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const recovery = new RecoveryStack(app, 'ShopBackupDrRecovery', { env: { region: 'ap-northeast-1' } });
const primary = new ShopStack(app, 'ShopBackupDr', { recovery: recovery.target, serviceDir });
const secondary = Template.fromStack(recovery);
const main = Template.fromStack(primary);

describe('the two stacks', () => {
  it('deploys the recovery stack to the secondary Region and leaves the primary stack to the deploy target', () => {
    expect(recovery.region).toBe('ap-northeast-1');
    expect(primary.resolve(primary.region)).toEqual({ Ref: 'AWS::Region' });
  });

  it('shares no cross-stack reference: names are built on both sides from the same plain strings', () => {
    for (const template of [secondary, main]) expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
    expect(primary.dependencies).toEqual([]);
    expect(recoveryVaultName(recovery.target)).toBe('shop-backup-dr-recovery-vault');
    expect(replicaBucketName(recovery.target, '123456789012')).toBe('shop-backup-dr-recovery-123456789012-ap-northeast-1');
  });

  it('bin/shop.ts builds both stacks and takes the secondary Region from the secondaryRegion context', () => {
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
      ['ShopBackupDrRecovery', 'us-west-2'],
      ['ShopBackupDr', { Ref: 'AWS::Region' }],
    ]);
  });
});

describe('the recovery stack (secondary Region)', () => {
  it('has a rotating key of its own Region for the copies', () => {
    secondary.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    secondary.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/shop-backup-dr-recovery-vault' });
  });
});

describe('the primary stack', () => {
  it('has a backup vault for the daily backups in its own Region', () => {
    main.resourceCountIs('AWS::Backup::BackupVault', 1);
  });

  it('keeps the RDS automated backups for point-in-time recovery (7 days)', () => {
    main.hasResourceProperties('AWS::RDS::DBInstance', { BackupRetentionPeriod: 7 });
  });

  it('writes durations in whole hours or minutes', () => {
    expect([Duration.hours(24), Duration.minutes(90), Duration.days(2)].map(isoDuration)).toEqual(['PT24H', 'PT90M', 'PT48H']);
  });
});

describe('invalid props', () => {
  /** A database and a server launch template to hand to ShopBackup. */
  function backupTargets(stack: Stack) {
    const database = rds.DatabaseInstance.fromDatabaseInstanceAttributes(stack, 'Db', {
      instanceIdentifier: 'shop',
      instanceEndpointAddress: 'shop.example.internal',
      port: 3306,
      securityGroups: [],
    });
    return { database, servers: [new ec2.LaunchTemplate(stack, 'Servers')] };
  }

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
    expect(() => new ShopBackup(stack, 'Backup', { database, servers, recovery: recovery.target, retention: Duration.days(3) })).toThrow(
      /retention is 3 days: keep backups at least 7 days/,
    );
  });

  it('refuses servers without a launch template to carry the backup tag', () => {
    const stack = new Stack();
    const { database } = backupTargets(stack);
    const bare = new Construct(stack, 'Bare');
    expect(() => new ShopBackup(stack, 'Backup', { database, servers: [bare], recovery: recovery.target })).toThrow(
      /Default\/Bare has no launch template to tag its volumes/,
    );
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
