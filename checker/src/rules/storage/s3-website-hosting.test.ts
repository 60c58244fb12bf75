import { addStorage, grownShopGraph, stackGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { s3WebsiteHosting } from './s3-website-hosting';

describe('s3-website-hosting', () => {
  it('passes for a public-read website bucket with index and error documents', () => {
    const outcome = judge(
      s3WebsiteHosting,
      grownShopGraph((shop) => addStorage(shop)),
      's3-static-hosting',
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('"index.html"');
  });

  it('passes for an L1 CfnBucket with a hand-written website configuration and public policy', () => {
    const graph = stackGraph((stack) => {
      const bucket = new s3.CfnBucket(stack, 'Front', {
        websiteConfiguration: { indexDocument: 'home.html', errorDocument: 'oops.html' },
        publicAccessBlockConfiguration: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: false,
          restrictPublicBuckets: false,
        },
      });
      new s3.CfnBucketPolicy(stack, 'Policy', {
        bucket: bucket.ref,
        policyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket.attrArn}/*` }] },
      });
    });
    expect(judge(s3WebsiteHosting, graph).status).toBe('PASS');
  });

  it('fails without a website bucket, without an error document, and when public policies are blocked', () => {
    expect(
      judge(
        s3WebsiteHosting,
        grownShopGraph((shop) => addStorage(shop, { website: false })),
      ).status,
    ).toBe('FAIL');
    const noError = judge(
      s3WebsiteHosting,
      grownShopGraph((shop) => addStorage(shop, { website: { errorDocument: false } })),
    );
    expect(noError.status).toBe('FAIL');
    expect(noError.message.en).toContain('no error document');
    const blocked = judge(
      s3WebsiteHosting,
      grownShopGraph((shop) => addStorage(shop, { website: { blockPolicies: true } })),
    );
    expect(blocked.status).toBe('FAIL');
    expect(blocked.message.ko).toContain('403');
  });

  it('does not count a redirect-only website as hosting', () => {
    const graph = stackGraph((stack) => new s3.Bucket(stack, 'Redirect', { websiteRedirect: { hostName: 'example.com' } }));
    expect(judge(s3WebsiteHosting, graph).status).toBe('FAIL');
  });
});
