import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontCachePolicies } from './cloudfront-cache-policies';

describe('cloudfront-cache-policies', () => {
  it('passes for CachingOptimized on the site and CachingDisabled on the API', () => {
    const outcome = judge(
      cloudfrontCachePolicies,
      grownShopGraph((shop) => addCdn(shop)),
      'cloudfront-cdn',
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('*: CachingOptimized, /api/*: CachingDisabled');
  });

  it('accepts a custom cache policy with a TTL for the static files', () => {
    const graph = grownShopGraph((shop) =>
      addCdn(shop, {
        staticCachePolicy: new cloudfront.CachePolicy(shop.stack, 'Static', { defaultTtl: Duration.hours(1), maxTtl: Duration.days(1) }),
      }),
    );
    expect(judge(cloudfrontCachePolicies, graph, 'cloudfront-cdn').status).toBe('PASS');
  });

  it('fails when the API is cached or the site is not', () => {
    expect(
      judge(
        cloudfrontCachePolicies,
        grownShopGraph((shop) => addCdn(shop, { api: { cached: true } })),
        'cloudfront-cdn',
      ).message.en,
    ).toContain('customers may see');
    const uncached = grownShopGraph((shop) => addCdn(shop, { staticCachePolicy: cloudfront.CachePolicy.CACHING_DISABLED }));
    expect(judge(cloudfrontCachePolicies, uncached, 'cloudfront-cdn').message.en).toContain('caches nothing');
  });

  it('is not applicable without a distribution', () => {
    expect(judge(cloudfrontCachePolicies, grownShopGraph(), 'cloudfront-cdn').status).toBe('SKIP');
  });
});
