import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Props of {@link MediaStorage}. */
export interface MediaStorageProps {
  /** The gateway VPC endpoint for S3 that every request to the media must come through. */
  readonly endpoint: ec2.IGatewayVpcEndpoint;
  /** Who reads and writes the media: the APP servers' instance role. */
  readonly readers: iam.IGrantable[];
  /**
   * IAM principals (ARN patterns) that may still use the media from outside the VPC: the
   * account's administrators, so the bucket can be inspected and emptied from the console or CLI.
   * @default - the account root user and roles whose name starts with "Admin"
   */
  readonly administratorArns?: string[];
}

/**
 * The shop's images and video (3 TB and growing) in a private bucket: no public access, encrypted,
 * versioned, HTTPS only, and usable only through the VPC's S3 gateway endpoint.
 */
export class MediaStorage extends Construct {
  /** The private media bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: MediaStorageProps) {
    if (props.readers.length === 0) {
      throw new Error('MediaStorage: readers is empty: pass the APP tier role that reads and writes the media.');
    }
    if (props.administratorArns?.length === 0 || props.administratorArns?.some((arn) => arn.trim() === '')) {
      throw new Error(
        'MediaStorage: administratorArns is empty or lists an empty ARN: name at least one administrator, or nobody can manage the media.',
      );
    }
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      // TODO(s3-static-hosting) step 2: make the bucket private and safe: block all public access,
      // encrypt at rest, keep versions and refuse plain HTTP.
      // Customer media outlives a stack: deleting the stack leaves the bucket and its files.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // TODO(s3-static-hosting) step 4: deny object requests that do not come through props.endpoint
    // (aws:SourceVpce), except for the administrators (aws:PrincipalArn, default: the account root
    // and roles named Admin*); then let each of props.readers read and write this bucket only.
  }
}
