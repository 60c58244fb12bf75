import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { addCdn, grownShopGraph, stackGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontStaticOrigin } from './cloudfront-static-origin';

const run = (options: Parameters<typeof addCdn>[1]) =>
  judge(
    cloudfrontStaticOrigin,
    grownShopGraph((shop) => addCdn(shop, options)),
    'cloudfront-cdn',
  );

describe('cloudfront-static-origin', () => {
  it('passes for origin access control with a bucket policy limited to the distribution', () => {
    const outcome = run({});
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('origin access control');
  });

  it('accepts a custom origin to the website endpoint that the bucket lets read (the other valid design)', () => {
    const outcome = run({ origin: 'website-referer' });
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('website endpoint');
  });

  it('accepts a legacy origin access identity, saying OAC is its successor', () => {
    expect(run({ origin: 'oai' }).message.en).toContain('legacy origin access identity');
  });

  it('fails when CloudFront reads the bucket anonymously, and when the website endpoint may read nothing', () => {
    expect(run({ origin: 'anonymous-public' }).message.en).toContain('anonymously');
    const privateWebsite = run({ origin: 'website-private' });
    expect(privateWebsite.status).toBe('FAIL');
    expect(privateWebsite.message.en).toContain('403');
  });

  it('fails for an OAC bucket policy that trusts every distribution (hand-written L1)', () => {
    const graph = stackGraph((stack) => {
      const bucket = new s3.CfnBucket(stack, 'Site');
      const oac = new cloudfront.CfnOriginAccessControl(stack, 'Oac', {
        originAccessControlConfig: {
          name: 'oac',
          originAccessControlOriginType: 's3',
          signingBehavior: 'always',
          signingProtocol: 'sigv4',
        },
      });
      new cloudfront.CfnDistribution(stack, 'Cdn', {
        distributionConfig: {
          enabled: true,
          origins: [{ id: 's3', domainName: bucket.attrRegionalDomainName, originAccessControlId: oac.attrId, s3OriginConfig: {} }],
          defaultCacheBehavior: {
            targetOriginId: 's3',
            viewerProtocolPolicy: 'redirect-to-https',
            cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
          },
        },
      });
      new s3.CfnBucketPolicy(stack, 'Policy', {
        bucket: bucket.ref,
        policyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
              Resource: `${bucket.attrArn}/*`,
            },
          ],
        },
      });
    });
    const outcome = judge(cloudfrontStaticOrigin, graph, 'cloudfront-cdn');
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('AWS:SourceArn');
  });

  it('fails without a distribution', () => {
    expect(judge(cloudfrontStaticOrigin, grownShopGraph(), 'cloudfront-cdn').status).toBe('FAIL');
  });
});
