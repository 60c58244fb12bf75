import { ShopStack as Solution } from '../../../../solutions/vpc-migration/lib/shop-stack';
import { ShopStack as Starter } from '../../../../labs/vpc-migration/lib/shop-stack';
import { app, labStatuses } from '../fixtures/labs';

describe('lab vpc-migration', () => {
  it('the solution passes every check, with the optional Route 53 check skipped', () => {
    const statuses = labStatuses('vpc-migration', new Solution(app(), 'ShopVpcMigration'));
    const { 'route53-alias-to-alb': route53, ...required } = statuses;
    expect(route53).toBe('SKIP');
    expect(Object.entries(required).filter(([, status]) => status !== 'PASS')).toEqual([]);
  });

  it('the solution with the Route 53 stretch task passes the alias check', () => {
    const statuses = labStatuses('vpc-migration', new Solution(app(), 'ShopVpcMigration', { domainName: 'shop.example.com' }));
    expect(statuses['route53-alias-to-alb']).toBe('PASS');
  });

  it('the starter (the on-prem baseline) fails the checks of what the learner builds', () => {
    const statuses = labStatuses('vpc-migration', new Starter(app(), 'ShopVpcMigration'));
    expect(statuses).toMatchObject({
      'subnets-span-two-azs': 'FAIL',
      'nat-gateway-per-az': 'FAIL',
      'security-group-chain': 'FAIL',
      'rds-private': 'FAIL',
    });
  });
});
