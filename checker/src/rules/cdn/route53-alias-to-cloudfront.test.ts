import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { route53AliasToCloudfront } from './route53-alias-to-cloudfront';

describe('route53-alias-to-cloudfront (optional)', () => {
  it('passes for an alias A record to the distribution', () => {
    expect(
      judge(
        route53AliasToCloudfront,
        grownShopGraph((shop) => addCdn(shop, { route53: 'cloudfront' })),
        'cloudfront-cdn',
      ).status,
    ).toBe('PASS');
  });

  it('fails when the domain still points at the ALB', () => {
    const outcome = judge(
      route53AliasToCloudfront,
      grownShopGraph((shop) => addCdn(shop, { route53: 'alb' })),
      'cloudfront-cdn',
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('skip the edge');
  });

  it('skips when the stretch was not attempted', () => {
    expect(
      judge(
        route53AliasToCloudfront,
        grownShopGraph((shop) => addCdn(shop)),
        'cloudfront-cdn',
      ).status,
    ).toBe('SKIP');
  });
});
