import { addSecurity, grownShopGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { databaseSubnetNacl } from './database-subnet-nacl';

describe('database-subnet-nacl', () => {
  it('passes for 3306 in from the app subnets and ephemeral ports back', () => {
    const outcome = judge(
      databaseSubnetNacl,
      grownShopGraph((shop) => addSecurity(shop)),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('2 database subnets');
  });

  it('fails for the default ACL, an ACL without replies, and an ACL open to everything', () => {
    expect(
      judge(
        databaseSubnetNacl,
        grownShopGraph((shop) => addSecurity(shop, { nacl: 'none' })),
      ).message.en,
    ).toContain('default network ACL');
    expect(
      judge(
        databaseSubnetNacl,
        grownShopGraph((shop) => addSecurity(shop, { nacl: 'no-replies' })),
      ).message.en,
    ).toContain('stateless');
    expect(
      judge(
        databaseSubnetNacl,
        grownShopGraph((shop) => addSecurity(shop, { nacl: 'open' })),
      ).message.en,
    ).toContain('0.0.0.0/0');
  });

  it('is not applicable without a database', () => {
    expect(judge(databaseSubnetNacl, unrelatedGraph()).status).toBe('SKIP');
  });
});
