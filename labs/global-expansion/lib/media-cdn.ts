import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
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

    // TODO(global-expansion) step 1: add a behaviour for pathPattern to props.distribution whose origin is
    // the media bucket through origin access control (HTTPS only, cached, GET and HEAD), let the
    // distribution through the bucket's endpoint-only Deny (props.media.allowDistribution), and add a
    // lifecycle rule that moves the objects under the pattern's prefix to Intelligent-Tiering after
    // tieringAfterDays.
  }
}
