import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MediaStorage } from './media';
import { RecoveryTarget } from './recovery-stack';

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

    // TODO(backup-dr) step 4: this.role, an IAM role only s3.amazonaws.com may assume, allowed
    // s3:GetReplicationConfiguration and s3:ListBucket on the media bucket, the three
    // s3:GetObjectVersion* replication reads on its objects, and s3:ReplicateObject, ReplicateDelete
    // and ReplicateTags on the objects of the replica bucket (its ARN from replicaBucketName), nothing
    // else; let it past the VPC-endpoint condition (props.media.allowOutsideEndpoint). Set the media
    // bucket's replicationConfiguration (its s3.CfnBucket) with one enabled rule to the replica
    // bucket, and add a lifecycle rule that moves noncurrent versions to Standard-IA after 30 days
    // and expires them after noncurrentVersionExpiration.
  }
}
