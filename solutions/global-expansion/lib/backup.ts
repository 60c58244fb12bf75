import { Aws, Duration, Stack, Tags, TimeZone, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeNag } from './nag';
import { RecoveryTarget, recoveryVaultName } from './recovery-stack';

/** The tag that puts a server's EBS volumes into the daily backup. */
export const BACKUP_TAG = { key: 'workshop:backup', value: 'daily' } as const;

/** Props of {@link ShopBackup}. */
export interface ShopBackupProps {
  /** The database to back up every day. */
  readonly database: rds.IDatabaseInstance;
  /** The server tiers (or launch templates) whose EBS volumes are backed up: they get {@link BACKUP_TAG}. */
  readonly servers: IConstruct[];
  /** The secondary Region's recovery stack, whose vault receives a copy of every backup. */
  readonly recovery: RecoveryTarget;
  /**
   * How long the backups are kept in this Region.
   * @default Duration.days(35)
   */
  readonly retention?: Duration;
  /**
   * How long the copies are kept in the secondary Region.
   * @default Duration.days(35)
   */
  readonly copyRetention?: Duration;
}

/**
 * AWS Backup for the shop's data: a plan with a daily rule, its retention and a copy of every
 * backup to the vault in the secondary Region, and a selection covering the database and the
 * servers' EBS volumes.
 */
export class ShopBackup extends Construct {
  /** The vault in this Region that holds the daily backups. */
  public readonly vault: backup.BackupVault;
  /** The backup plan. */
  public readonly plan: backup.BackupPlan;
  /** The role AWS Backup uses to snapshot and copy the selected resources. */
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ShopBackupProps) {
    const retention = props.retention ?? Duration.days(35);
    const copyRetention = props.copyRetention ?? Duration.days(35);
    for (const [name, value] of [
      ['retention', retention],
      ['copyRetention', copyRetention],
    ] as const) {
      if (value.toDays() < 7) {
        throw new Error(
          `ShopBackup: ${name} is ${value.toDays()} days: keep backups at least 7 days, or a problem found after a week cannot be undone.`,
        );
      }
    }
    if (props.servers.length === 0) {
      throw new Error('ShopBackup: servers is empty: pass the WEB and APP tiers so their EBS volumes are backed up too.');
    }
    const untaggable = props.servers.find((server) => !server.node.findAll().some((child) => child instanceof ec2.CfnLaunchTemplate));
    if (untaggable !== undefined) {
      throw new Error(
        `ShopBackup: ${untaggable.node.path} has no launch template to tag its volumes: pass the tiers whose Auto Scaling groups use one.`,
      );
    }
    const { region } = Stack.of(scope);
    if (!Token.isUnresolved(region) && region === props.recovery.region) {
      throw new Error(`ShopBackup: the copy goes to ${props.recovery.region}, this stack's own Region: choose another secondaryRegion.`);
    }
    super(scope, id);

    this.vault = new backup.BackupVault(this, 'Vault');

    // The copy action names the secondary vault by ARN, built from its fixed name: CloudFormation
    // cannot reference a stack in another Region.
    const secondaryVault = backup.BackupVault.fromBackupVaultArn(
      this,
      'SecondaryVault',
      `arn:${Aws.PARTITION}:backup:${props.recovery.region}:${Aws.ACCOUNT_ID}:backup-vault:${recoveryVaultName(props.recovery)}`,
    );

    this.plan = new backup.BackupPlan(this, 'Plan', { backupPlanName: `${Stack.of(this).stackName}-daily`, backupVault: this.vault });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        // Every night at 03:00 Seoul time, when the shop is quiet; the job must start within an hour.
        scheduleExpression: events.Schedule.cron({ minute: '0', hour: '3' }),
        scheduleExpressionTimezone: TimeZone.ASIA_SEOUL,
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: retention,
        // Every finished backup is copied to the other Region: a Region-wide outage leaves a copy
        // at most a day old (the recovery point objective of a daily plan).
        copyActions: [{ destinationBackupVault: secondaryVault, deleteAfter: copyRetention }],
      }),
    );

    // Only AWS Backup may use this role, and it may back up but not restore: a restore is a
    // deliberate act, started by an administrator with a role that has the restore policy.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: snapshot the shop database and server volumes, and copy them to the secondary Region',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup')],
    });
    // cdk-nag names the finding after the policy ARN with the partition as the template writes it
    // (<AWS::Partition>) or as a resolved template has it (aws): acknowledge both spellings.
    for (const partition of ['<AWS::Partition>', 'aws']) {
      acknowledgeNag(
        this.role,
        `AwsSolutions-IAM4[Policy::arn:${partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]`,
        'The AWS Backup service policy (backup only, no restore) follows every change AWS makes to snapshots and copies; only AWS Backup may assume the role.',
      );
    }

    // The database by its ARN: an RDS snapshot every day, next to RDS's own automated backups.
    new backup.BackupSelection(this, 'Database', {
      backupPlan: this.plan,
      backupSelectionName: 'Database',
      resources: [backup.BackupResource.fromRdsDatabaseInstance(props.database)],
      role: this.role,
      disableDefaultBackupPolicy: true,
    });

    // The servers' volumes by tag: Auto Scaling starts and replaces the servers, so their volume
    // ids are unknown until they run. The launch templates tag every volume they create.
    for (const server of props.servers) {
      Tags.of(server).add(BACKUP_TAG.key, BACKUP_TAG.value, { includeResourceTypes: ['AWS::EC2::LaunchTemplate'] });
    }
    // Resources and Conditions must both match: EBS volumes, and only those with the tag.
    new backup.CfnBackupSelection(this, 'ServerVolumes', {
      backupPlanId: this.plan.backupPlanId,
      backupSelection: {
        selectionName: 'ServerVolumes',
        iamRoleArn: this.role.roleArn,
        resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:volume/*`],
        conditions: { StringEquals: [{ ConditionKey: `aws:ResourceTag/${BACKUP_TAG.key}`, ConditionValue: BACKUP_TAG.value }] },
      },
    });
  }
}
