import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontCompression } from './cloudfront-compression';

describe('cloudfront-compression', () => {
  it('passes when the default behaviour compresses', () => {
    expect(
      judge(
        cloudfrontCompression,
        grownShopGraph((shop) => addCdn(shop)),
        'cloudfront-cdn',
      ).status,
    ).toBe('PASS');
  });

  it('fails when compression is off', () => {
    expect(
      judge(
        cloudfrontCompression,
        grownShopGraph((shop) => addCdn(shop, { compress: false })),
        'cloudfront-cdn',
      ).status,
    ).toBe('FAIL');
  });

  it('is not applicable without a distribution', () => {
    expect(judge(cloudfrontCompression, grownShopGraph(), 'cloudfront-cdn').status).toBe('SKIP');
  });
});
