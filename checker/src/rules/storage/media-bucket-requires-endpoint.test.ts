import { addStorage, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { mediaBucketRequiresEndpoint } from './media-bucket-requires-endpoint';

describe('media-bucket-requires-endpoint', () => {
  it('passes for a Deny on aws:SourceVpce with an aws:PrincipalArn exception', () => {
    expect(
      judge(
        mediaBucketRequiresEndpoint,
        grownShopGraph((shop) => addStorage(shop)),
      ).status,
    ).toBe('PASS');
  });

  it('accepts aws:SourceVpc (any endpoint of the VPC) as an alternative', () => {
    expect(
      judge(
        mediaBucketRequiresEndpoint,
        grownShopGraph((shop) => addStorage(shop, { policy: 'vpc' })),
      ).status,
    ).toBe('PASS');
  });

  it('fails without the Deny, and when administrators are locked out', () => {
    const none = judge(
      mediaBucketRequiresEndpoint,
      grownShopGraph((shop) => addStorage(shop, { policy: false })),
    );
    expect(none.status).toBe('FAIL');
    expect(none.message.en).toContain('no Deny');
    const lockedOut = judge(
      mediaBucketRequiresEndpoint,
      grownShopGraph((shop) => addStorage(shop, { policy: 'no-admin' })),
    );
    expect(lockedOut.status).toBe('FAIL');
    expect(lockedOut.message.ko).toContain('관리자 예외');
  });

  it('is not applicable without a media bucket', () => {
    expect(
      judge(
        mediaBucketRequiresEndpoint,
        grownShopGraph((shop) => addStorage(shop, { media: false })),
      ).status,
    ).toBe('SKIP');
  });
});
