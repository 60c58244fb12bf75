import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct, IConstruct } from 'constructs';
import { RecoveryTarget } from './recovery-stack';

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

    // TODO(backup-dr) step 2: this.plan, a backup.BackupPlan named `${stackName}-daily` that stores
    // into this.vault, with one daily rule (backup.BackupPlanRule): every night at 03:00
    // Asia/Seoul (events.Schedule.cron with scheduleExpressionTimezone), deleteAfter retention, and a
    // copy action to the secondary vault. That vault lives in another Region, so build its ARN from
    // recoveryVaultName(props.recovery) and props.recovery.region (backup.BackupVault.fromBackupVaultArn),
    // and keep the copies copyRetention.

    // TODO(backup-dr) step 3: this.role, an IAM role only backup.amazonaws.com may assume, with the
    // AWS managed policy service-role/AWSBackupServiceRolePolicyForBackup (acknowledge its cdk-nag
    // AwsSolutions-IAM4 finding). Select the database by its ARN (backup.BackupSelection), tag the
    // launch templates of props.servers with BACKUP_TAG, and select EBS volumes that carry the tag
    // (backup.CfnBackupSelection with Resources and Conditions).
  }
}
