import { addSecurity, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { bastionReachesAppOnly } from './bastion-reaches-app-only';

describe('bastion-reaches-app-only', () => {
  it('passes when the bastion reaches the APP group only', () => {
    expect(
      judge(
        bastionReachesAppOnly,
        grownShopGraph((shop) => addSecurity(shop)),
      ).status,
    ).toBe('PASS');
  });

  it('fails when the bastion also reaches WEB or the database, or reaches nothing', () => {
    const db = judge(
      bastionReachesAppOnly,
      grownShopGraph((shop) => addSecurity(shop, { bastion: { reach: ['app', 'db'] } })),
    );
    expect(db.status).toBe('FAIL');
    expect(db.message.en).toMatch(/DbSg/);
    expect(
      judge(
        bastionReachesAppOnly,
        grownShopGraph((shop) => addSecurity(shop, { bastion: { reach: ['web'] } })),
      ).status,
    ).toBe('FAIL');
    expect(
      judge(
        bastionReachesAppOnly,
        grownShopGraph((shop) => addSecurity(shop, { bastion: { reach: [] } })),
      ).message.en,
    ).toContain('reaches nothing');
  });

  it('is not applicable without a bastion', () => {
    expect(
      judge(
        bastionReachesAppOnly,
        grownShopGraph((shop) => addSecurity(shop, { bastion: false })),
      ).status,
    ).toBe('SKIP');
  });
});
