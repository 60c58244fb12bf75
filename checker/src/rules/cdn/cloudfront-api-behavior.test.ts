import { addCdn, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudfrontApiBehavior } from './cloudfront-api-behavior';

const run = (options: Parameters<typeof addCdn>[1]) =>
  judge(
    cloudfrontApiBehavior,
    grownShopGraph((shop) => addCdn(shop, options)),
    'cloudfront-cdn',
  );

describe('cloudfront-api-behavior', () => {
  it('passes for /api/* to the external ALB with all methods and AllViewer', () => {
    const outcome = run({});
    expect(outcome.status).toBe('PASS');
    expect(outcome.resources).toEqual([expect.stringMatching(/^Cdn/), expect.stringMatching(/^Alb/)]);
  });

  it('fails without the behaviour, with GET/HEAD only, without forwarded query strings, or to the bucket', () => {
    expect(run({ api: false }).message.en).toContain('no /api/* behaviour');
    expect(run({ api: { methods: 'get-head' } }).message.en).toContain('POST and PUT get 403');
    expect(run({ api: { noOriginRequestPolicy: true } }).message.en).toContain('ALL_VIEWER');
    expect(run({ api: { toBucket: true } }).message.en).toContain('not the internet-facing ALB');
  });

  it('is not applicable without a distribution', () => {
    expect(judge(cloudfrontApiBehavior, grownShopGraph(), 'cloudfront-cdn').status).toBe('SKIP');
  });
});
