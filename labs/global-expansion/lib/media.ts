import { Aws, Lazy, RemovalPolicy } from 'aws-cdk-lib';
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
  /** Who may use the objects from outside the VPC endpoint: the administrators, then any service role allowed later. */
  private readonly outsideEndpointArns: string[];

  constructor(scope: Construct, id: string, props: MediaStorageProps) {
    if (props.readers.length === 0) {
      throw new Error('MediaStorage: readers is empty: pass the APP tier role that reads and writes the media.');
    }
    const administratorArns = props.administratorArns ?? [
      `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`,
      `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/Admin*`,
    ];
    if (administratorArns.length === 0 || administratorArns.some((arn) => arn.trim() === '')) {
      throw new Error(
        'MediaStorage: administratorArns is empty or lists an empty ARN: name at least one administrator, or nobody can manage the media.',
      );
    }
    super(scope, id);
    this.outsideEndpointArns = [...administratorArns];

    this.bucket = new s3.Bucket(this, 'Bucket', {
      // Nobody on the internet may read the media, whatever a policy or an ACL says later.
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Versioning keeps the previous copy when an image is overwritten or deleted by mistake.
      versioned: true,
      // Deny any request that does not use HTTPS.
      enforceSSL: true,
      // Customer media outlives a stack: deleting the stack leaves the bucket and its files.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A bucket policy Deny beats every Allow: object requests that do not arrive through the
    // endpoint fail, even with valid credentials copied off a server. Bucket-level calls (policy,
    // listing) stay open to IAM so CloudFormation can still manage the bucket.
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyOutsideTheVpcEndpoint',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:*'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: {
          StringNotEquals: { 'aws:SourceVpce': props.endpoint.vpcEndpointId },
          // Without this exception the administrators would be locked out of their own media.
          ArnNotLike: { 'aws:PrincipalArn': Lazy.list({ produce: () => this.outsideEndpointArns }) },
        },
      }),
    );

    // Least privilege: read and write on this bucket only, nothing else in S3.
    for (const reader of props.readers) this.bucket.grantReadWrite(reader);
  }

  /**
   * Lets a service role (such as S3 replication's) use the objects from outside the VPC endpoint:
   * AWS services reach S3 from their own network, so the endpoint condition would deny them.
   */
  public allowOutsideEndpoint(role: iam.IRole): void {
    this.outsideEndpointArns.push(role.roleArn);
  }

  // TODO(global-expansion) step 1 (continued): keep the Deny statement above in a field and add
  // allowDistribution(distribution), which adds { 'aws:SourceArn': distribution.distributionArn } to its
  // StringNotEquals condition: CloudFront's signed requests come from the edge, not the VPC endpoint.
}
