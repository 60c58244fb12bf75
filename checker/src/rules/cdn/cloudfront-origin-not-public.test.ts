import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontOriginNotPublic } from './cloudfront-origin-not-public';

const run = (options: Parameters<typeof addCdn>[1]) =>
  judge(
    cloudfrontOriginNotPublic,
    grownShopGraph((shop) => addCdn(shop, options)),
    'cloudfront-cdn',
  );

describe('cloudfront-origin-not-public', () => {
  it('passes for a blocked bucket behind origin access control', () => {
    expect(run({}).status).toBe('PASS');
  });

  it('passes for a website origin whose bucket admits only requests with the secret Referer', () => {
    expect(run({ origin: 'website-referer' }).status).toBe('PASS');
  });

  it('rejects a public bucket served through the website endpoint or anonymously', () => {
    for (const origin of ['website-public', 'anonymous-public'] as const) {
      const outcome = run({ origin });
      expect(outcome.status).toBe('FAIL');
      expect(outcome.message.en).toContain('Anyone can skip the distribution');
    }
  });

  it('is not applicable without a distribution', () => {
    expect(judge(cloudfrontOriginNotPublic, grownShopGraph(), 'cloudfront-cdn').status).toBe('SKIP');
  });
});
