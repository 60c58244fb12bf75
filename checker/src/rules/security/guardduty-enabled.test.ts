import { addSecurity, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { guarddutyEnabled } from './guardduty-enabled';

describe('guardduty-enabled', () => {
  it('passes for an enabled detector', () => {
    expect(
      judge(
        guarddutyEnabled,
        grownShopGraph((shop) => addSecurity(shop)),
      ).status,
    ).toBe('PASS');
  });

  it('fails for a disabled detector and for none', () => {
    expect(
      judge(
        guarddutyEnabled,
        grownShopGraph((shop) => addSecurity(shop, { guardDuty: 'disabled' })),
      ).message.en,
    ).toContain('disabled');
    expect(
      judge(
        guarddutyEnabled,
        grownShopGraph((shop) => addSecurity(shop, { guardDuty: false })),
      ).message.en,
    ).toContain('No GuardDuty');
  });
});
