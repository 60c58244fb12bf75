import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MediaStorage } from './media';

/** Props of {@link MediaCdn}. */
export interface MediaCdnProps {
  /** The shop's CloudFront distribution, which gains the media behaviour. */
  readonly distribution: cloudfront.Distribution;
  /** The private media storage (images and video, 3 TB and growing). */
  readonly media: MediaStorage;
  /**
   * The path pattern the media answers on; CloudFront passes the whole path on, so the objects
   * live under the same prefix in the bucket (`/media/cat.jpg` reads the key `media/cat.jpg`).
   * @default '/media/*'
   */
  readonly pathPattern?: string;
  /**
   * Days after upload before lifecycle moves media into S3 Intelligent-Tiering.
   * @default 0 (at the first daily lifecycle run)
   */
  readonly tieringAfterDays?: number;
}

/**
 * The media for customers everywhere: a CloudFront behaviour that serves /media/* from the private
 * media bucket through origin access control, and lifecycle tiering so cold media costs less.
 */
export class MediaCdn extends Construct {
  /** The path pattern of the media behaviour. */
  public readonly pathPattern: string;

  constructor(scope: Construct, id: string, props: MediaCdnProps) {
    const pathPattern = props.pathPattern ?? '/media/*';
    if (!/^\/?[A-Za-z0-9._-]+\/\*$/.test(pathPattern)) {
      throw new Error(`MediaCdn: pathPattern "${pathPattern}" is not a folder pattern: use one like /media/*.`);
    }
    const tieringAfterDays = props.tieringAfterDays ?? 0;
    if (!Number.isInteger(tieringAfterDays) || tieringAfterDays < 0) {
      throw new Error(`MediaCdn: tieringAfterDays ${tieringAfterDays} must be a whole number of days, 0 or more.`);
    }
    super(scope, id);
    this.pathPattern = pathPattern;

    // A second behaviour with a second S3 origin: each bucket gets its own origin, and the OAC
    // origin writes a bucket policy statement that trusts this distribution only (AWS:SourceArn).
    // READ only: a missing image is a 403, which reveals nothing about the keys that exist.
    props.distribution.addBehavior(pathPattern, origins.S3BucketOrigin.withOriginAccessControl(props.media.bucket), {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      // Images and video change rarely: long TTLs, no cookies or query strings in the cache key,
      // so one cached copy at each edge location serves every customer near it.
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      // CloudFront compresses only text-like types (SVG icons, JSON): JPEG, PNG and MP4 are
      // compressed already and pass through as they are.
      compress: true,
    });

    // The media bucket denies object requests that do not come through the VPC endpoint;
    // CloudFront is the one other reader it lets in, by this distribution's ARN.
    props.media.allowDistribution(props.distribution);

    // Cold media: most images are looked at in their first weeks, then rarely. Intelligent-Tiering
    // moves an object to the Infrequent Access tier after 30 days without access and to Archive
    // Instant Access after 90, and back to Frequent Access on the next read, with no retrieval fee.
    // It charges a small monitoring fee per object, and objects under 128 KB are never monitored or
    // moved (lifecycle does not even transition them). The optional Archive Access and Deep Archive
    // Access tiers stay off: an object there must be restored before CloudFront can serve it.
    props.media.bucket.addLifecycleRule({
      id: 'MediaIntelligentTiering',
      prefix: pathPattern.replace(/^\//, '').replace(/\*$/, ''),
      transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(tieringAfterDays) }],
    });
  }
}
