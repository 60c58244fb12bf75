import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontHttpsRedirect } from './cloudfront-https-redirect';

describe('cloudfront-https-redirect', () => {
  it('passes when the site redirects to HTTPS and the API takes HTTPS only', () => {
    expect(
      judge(
        cloudfrontHttpsRedirect,
        grownShopGraph((shop) => addCdn(shop)),
        'cloudfront-cdn',
      ).status,
    ).toBe('PASS');
  });

  it('fails when a behaviour still allows plain HTTP', () => {
    const graph = grownShopGraph((shop) => addCdn(shop, { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL }));
    const outcome = judge(cloudfrontHttpsRedirect, graph, 'cloudfront-cdn');
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('* (allow-all)');
  });

  it('is not applicable without a distribution', () => {
    expect(judge(cloudfrontHttpsRedirect, grownShopGraph(), 'cloudfront-cdn').status).toBe('SKIP');
  });
});
