import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Props of {@link StaticSite}. */
export interface StaticSiteProps {
  /**
   * The page S3 returns for a folder request such as `/` (the web server's index page).
   * @default 'index.html'
   */
  readonly indexDocument?: string;
  /**
   * The page S3 returns when a file is missing (the web server's 404 page).
   * @default 'error.html'
   */
  readonly errorDocument?: string;
}

/**
 * The shop's front end (HTML, CSS, JavaScript) in one private S3 bucket: CloudFront fetches the
 * files with origin access control and serves them from its edge locations.
 */
export class StaticSite extends Construct {
  /** The private bucket that holds the front-end files. */
  public readonly bucket: s3.Bucket;
  /** The page CloudFront returns for `/`. */
  public readonly indexDocument: string;
  /** The page CloudFront returns when a file is missing. */
  public readonly errorDocument: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps = {}) {
    const indexDocument = props.indexDocument ?? 'index.html';
    const errorDocument = props.errorDocument ?? 'error.html';
    for (const [name, key] of [
      ['indexDocument', indexDocument],
      ['errorDocument', errorDocument],
    ] as const) {
      if (key === '' || key.startsWith('/') || key.includes('..')) {
        throw new Error(`StaticSite: ${name} "${key}" is not an object key: use a file name such as index.html.`);
      }
    }
    super(scope, id);
    this.indexDocument = indexDocument;
    this.errorDocument = errorDocument;

    this.bucket = new s3.Bucket(this, 'Bucket', {
      // No website hosting and nothing public: only the CloudFront distribution may read the
      // files (its origin access control adds that one Allow to the bucket policy).
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // CloudFront talks to the bucket's REST endpoint over HTTPS, so plain HTTP can be refused.
      enforceSSL: true,
      // Encryption at rest with keys S3 manages; readers never notice it.
      encryption: s3.BucketEncryption.S3_MANAGED,
      // The files are rebuilt from site/ on every deploy, so the bucket may go with the stack;
      // CloudFormation deletes only empty buckets, which is why the destroy command empties it first.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // The deploy command finds the bucket by this tag and uploads the lab's site/ folder into it.
    Tags.of(this.bucket).add('workshop:content', 'site');
  }
}
