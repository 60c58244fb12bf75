import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { addStorage, grownShopGraph, stackGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { mediaBucketPrivate } from './media-bucket-private';

describe('media-bucket-private', () => {
  it('passes for a blocked, versioned, TLS-only media bucket next to a public website bucket', () => {
    const outcome = judge(
      mediaBucketPrivate,
      grownShopGraph((shop) => addStorage(shop)),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.resources).toEqual([expect.stringMatching(/^MediaBucket/)]);
  });

  it('passes for an L1 bucket relying on S3 defaults for Block Public Access and encryption', () => {
    const graph = stackGraph((stack) => {
      const bucket = new s3.CfnBucket(stack, 'Pictures', { versioningConfiguration: { status: 'Enabled' } });
      new s3.CfnBucketPolicy(stack, 'Tls', {
        bucket: bucket.ref,
        policyDocument: {
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [bucket.attrArn, `${bucket.attrArn}/*`],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      });
    });
    const outcome = judge(mediaBucketPrivate, graph);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('AES256 (S3 default)');
  });

  it('fails for a public, unversioned or plain-HTTP media bucket', () => {
    const publicMedia = judge(
      mediaBucketPrivate,
      grownShopGraph((shop) => addStorage(shop, { media: { public: true } })),
    );
    expect(publicMedia.status).toBe('FAIL');
    expect(publicMedia.message.en).toMatch(/is public: its bucket policy lets anyone/);
    expect(
      judge(
        mediaBucketPrivate,
        grownShopGraph((shop) => addStorage(shop, { media: { versioned: false } })),
      ).message.en,
    ).toContain('no versioning');
    expect(
      judge(
        mediaBucketPrivate,
        grownShopGraph((shop) => addStorage(shop, { media: { enforceSSL: false } })),
      ).message.en,
    ).toContain('plain HTTP');
  });

  it('fails when there is no media bucket, and does not mistake a CloudTrail log bucket for one', () => {
    const graph = grownShopGraph((shop) => {
      addStorage(shop, { media: false });
      new cloudtrail.Trail(shop.stack, 'Trail');
    });
    const outcome = judge(mediaBucketPrivate, graph);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No media bucket');
  });
});
