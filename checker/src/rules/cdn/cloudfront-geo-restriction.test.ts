import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontGeoRestriction } from './cloudfront-geo-restriction';

describe('cloudfront-geo-restriction (optional)', () => {
  it('passes for an allow list and for a deny list', () => {
    const allow = judge(
      cloudfrontGeoRestriction,
      grownShopGraph((shop) => addCdn(shop, { geoRestriction: cloudfront.GeoRestriction.allowlist('KR', 'JP') })),
      'cloudfront-cdn',
    );
    expect(allow.status).toBe('PASS');
    expect(allow.message.en).toContain('admits only KR, JP');
    const deny = judge(
      cloudfrontGeoRestriction,
      grownShopGraph((shop) => addCdn(shop, { geoRestriction: cloudfront.GeoRestriction.denylist('AQ') })),
      'cloudfront-cdn',
    );
    expect(deny.message.en).toContain('refuses AQ');
  });

  it('skips (does not fail) when the stretch was not attempted or there is no distribution', () => {
    expect(
      judge(
        cloudfrontGeoRestriction,
        grownShopGraph((shop) => addCdn(shop)),
        'cloudfront-cdn',
      ).status,
    ).toBe('SKIP');
    expect(judge(cloudfrontGeoRestriction, grownShopGraph(), 'cloudfront-cdn').status).toBe('SKIP');
  });

  it('fails for a restriction that lists no country (hand-written template)', () => {
    const graph = grownShopGraph((shop) => {
      const distribution = addCdn(shop);
      (distribution.node.defaultChild as cloudfront.CfnDistribution).addPropertyOverride('DistributionConfig.Restrictions.GeoRestriction', {
        RestrictionType: 'whitelist',
        Locations: [],
      });
    });
    expect(judge(cloudfrontGeoRestriction, graph, 'cloudfront-cdn').status).toBe('FAIL');
  });
});
