import { Aws, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MediaStorage } from './media';
import { acknowledgeNag } from './nag';
import { RecoveryTarget, replicaBucketName } from './recovery-stack';

/** Props of {@link MediaReplication}. */
export interface MediaReplicationProps {
  /** The shop's media storage in this Region: its bucket is the replication source. */
  readonly media: MediaStorage;
  /** The secondary Region's recovery stack, whose replica bucket receives the media. */
  readonly recovery: RecoveryTarget;
  /**
   * How long this bucket keeps a copy of media that was overwritten or deleted.
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
}

/**
 * The NAS backup the shop asked for, done by S3 itself: every new image and video is replicated
 * to the bucket in the secondary Region, and old versions expire instead of piling up.
 */
export class MediaReplication extends Construct {
  /** The role S3 assumes to read from the media bucket and write into the replica bucket. */
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MediaReplicationProps) {
    const source = props.media.bucket.node.defaultChild as s3.CfnBucket;
    const versioning = source.versioningConfiguration as s3.CfnBucket.VersioningConfigurationProperty | undefined;
    if (versioning?.status !== 'Enabled') {
      throw new Error(
        'MediaReplication: the media bucket is not versioned: S3 replication needs versioning on both buckets, so set versioned: true.',
      );
    }
    const noncurrentVersionExpiration = props.noncurrentVersionExpiration ?? Duration.days(90);
    if (noncurrentVersionExpiration.toDays() < 31) {
      throw new Error(
        'MediaReplication: noncurrentVersionExpiration is under 31 days: old versions move to Standard-IA after 30 days, so expire them later than that.',
      );
    }
    super(scope, id);
    const bucket = props.media.bucket;
    const replicaArn = `arn:${Aws.PARTITION}:s3:::${replicaBucketName(props.recovery, Aws.ACCOUNT_ID)}`;

    // Least privilege: read the versions of this bucket, write replicas into that one, nothing else.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
      description: 'S3 replication: media bucket to the replica bucket in the secondary Region',
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
        resources: [bucket.bucketArn],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
        resources: [bucket.arnForObjects('*')],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
        resources: [`${replicaArn}/*`],
      }),
    );
    const policy = this.role.node.findChild('DefaultPolicy');
    acknowledgeNag(
      policy,
      `AwsSolutions-IAM5[Resource::<${source.logicalId}.Arn>/*]`,
      'Replication reads every object version of the media bucket: all of the shop images and video are backed up.',
    );
    // The partition as the template writes it (<AWS::Partition>) or as a resolved template has it (aws).
    for (const partition of ['<AWS::Partition>', 'aws']) {
      acknowledgeNag(
        policy,
        `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::${replicaBucketName(props.recovery, '<AWS::AccountId>')}/*]`,
        'Replication writes every replica into the one bucket of the recovery stack, whose name is fixed.',
      );
    }
    // S3 reads the media from its own network, not through the VPC endpoint.
    props.media.allowOutsideEndpoint(this.role);

    // Both buckets use S3-managed keys (SSE-S3), so no KMS permission is needed; with SSE-KMS the
    // role would also need kms:Decrypt on the source key and kms:Encrypt on the replica's key.
    source.replicationConfiguration = {
      role: this.role.roleArn,
      rules: [
        {
          id: 'MediaToSecondaryRegion',
          status: 'Enabled',
          priority: 1,
          // An empty filter: every object written from now on. Objects already in the bucket are not
          // copied; S3 Batch Replication copies them once.
          filter: { prefix: '' },
          destination: {
            bucket: replicaArn,
            // The copy is read only after a disaster: Standard-IA stores it for about half the price.
            storageClass: 'STANDARD_IA',
          },
          // A backup must survive a mistaken delete: the delete marker stays in this Region only.
          deleteMarkerReplication: { status: 'Disabled' },
        },
      ],
    };

    // Versioning keeps every overwritten or deleted image; lifecycle rules keep that affordable
    // (and they are not replicated: the replica bucket has its own).
    bucket.addLifecycleRule({
      id: 'ExpireOldVersions',
      noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
      noncurrentVersionExpiration,
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    });
  }
}
