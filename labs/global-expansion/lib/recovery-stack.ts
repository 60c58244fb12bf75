import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, StackProps, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/** The Region the shop recovers in when its own Region is lost: Tokyo, a short hop from Seoul. */
export const DEFAULT_SECONDARY_REGION = 'ap-northeast-1';

/**
 * Where the recovery stack lives, as plain strings: the primary stack builds the vault and bucket
 * ARNs from them, because CloudFormation cannot reference a stack in another Region.
 */
export interface RecoveryTarget {
  /** The recovery stack's name (ShopBackupDrRecovery): the vault and bucket names start with it. */
  readonly stackName: string;
  /** The secondary Region the recovery stack is deployed to. */
  readonly region: string;
}

/** The name prefix both stacks derive from the recovery stack's name: ShopBackupDrRecovery → shop-backup-dr-recovery. */
function namePrefix(target: RecoveryTarget): string {
  return target.stackName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The backup vault's name in the secondary Region: the same in both stacks, with no reference between them. */
export function recoveryVaultName(target: RecoveryTarget): string {
  return `${namePrefix(target)}-vault`;
}

/**
 * The replica bucket's name: bucket names are global, so it carries the account id and the Region.
 * `account` is the stack's own account (a token that resolves at deploy time in each stack).
 */
export function replicaBucketName(target: RecoveryTarget, account: string): string {
  return `${namePrefix(target)}-${account}-${target.region}`;
}

/** Props of {@link RecoveryStack}. */
export interface RecoveryStackProps extends StackProps {
  /**
   * How long the replica bucket keeps a copy of media that was overwritten or deleted.
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
}

/**
 * The disaster-recovery side of the shop, deployed first and to the secondary Region: the KMS key
 * and backup vault that receive the daily copies, and the bucket the media is replicated into.
 */
export class RecoveryStack extends Stack {
  /** The stack's name and Region, to hand to the primary stack as plain strings. */
  public readonly target: RecoveryTarget;
  /** The customer managed key that encrypts the copies in the vault. */
  public readonly key: kms.Key;
  /** The vault that holds the copies of the daily backups. */
  public readonly vault: backup.BackupVault;
  /** The bucket that receives every new media object from the primary Region. */
  public readonly replicaBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: RecoveryStackProps) {
    const region = props.env?.region;
    if (region === undefined || Token.isUnresolved(region) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
      throw new Error(`RecoveryStack: env.region is "${region}": give the secondary Region as a name such as ap-northeast-1.`);
    }
    const noncurrentVersionExpiration = props.noncurrentVersionExpiration ?? Duration.days(90);
    if (noncurrentVersionExpiration.toDays() < 1) {
      throw new Error(
        'RecoveryStack: noncurrentVersionExpiration is under a day: S3 lifecycle counts whole days, so use Duration.days(1) or more.',
      );
    }
    super(scope, id, props);
    this.target = { stackName: this.stackName, region };

    // The copies are encrypted with a key of this Region: if the primary Region is lost, its keys
    // are out of reach too. Rotation replaces the key material every year; old copies still open.
    this.key = new kms.Key(this, 'BackupKey', {
      description: 'Encrypts the shop backup copies in the secondary Region',
      enableKeyRotation: true,
      alias: `alias/${recoveryVaultName(this.target)}`,
      // The copies outlive the stack (see the vault): the key that opens them must too.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The vault's name is fixed, so the primary stack can build its ARN for the copy action.
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: recoveryVaultName(this.target),
      encryptionKey: this.key,
      // A vault that still holds recovery points cannot be deleted: the copies are the point of DR.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Replication needs versioning on both buckets: S3 copies object versions, not files.
    this.replicaBucket = new s3.Bucket(this, 'MediaReplica', {
      bucketName: replicaBucketName(this.target, Aws.ACCOUNT_ID),
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Lifecycle rules are not replicated: each bucket needs its own, or old versions pile up.
      lifecycleRules: [
        {
          id: 'ExpireOldVersions',
          noncurrentVersionExpiration,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      // The customer media outlives the stack, as in the primary Region.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    acknowledgeNag(
      this.replicaBucket,
      'AwsSolutions-S1',
      'Server access logs need a third bucket; S3 replication metrics and the source bucket show what arrives. Production turns logging on.',
    );

    new CfnOutput(this, 'BackupVaultName', {
      description: 'The vault in the secondary Region that receives the copies of the daily backups.',
      value: this.vault.backupVaultName,
    });
    new CfnOutput(this, 'ReplicaBucketName', {
      description: 'The bucket in the secondary Region that receives every new media object.',
      value: this.replicaBucket.bucketName,
    });
  }
}
