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
 * The shop's front end (HTML, CSS, JavaScript) in one S3 bucket with static website hosting:
 * every WEB server used to keep its own copy of these files; now there is one copy, served by S3.
 */
export class StaticSite extends Construct {
  /** The bucket that holds and serves the front-end files. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StaticSiteProps = {}) {
    for (const [name, key] of [
      ['indexDocument', props.indexDocument ?? 'index.html'],
      ['errorDocument', props.errorDocument ?? 'error.html'],
    ] as const) {
      if (key === '' || key.startsWith('/') || key.includes('..')) {
        throw new Error(`StaticSite: ${name} "${key}" is not an object key: use a file name such as index.html.`);
      }
    }
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      // TODO(s3-static-hosting) step 1: turn on website hosting (index and error documents) and let
      // the website endpoint read the files: a public read policy, with public ACLs still blocked.
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
