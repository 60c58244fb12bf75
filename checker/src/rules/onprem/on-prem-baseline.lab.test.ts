import { ShopStack as Solution } from '../../../../solutions/on-prem-baseline/lib/shop-stack';
import { ShopStack as Starter } from '../../../../labs/on-prem-baseline/lib/shop-stack';
import { app, labStatuses } from '../fixtures/labs';

describe('lab on-prem-baseline', () => {
  it('the solution passes every check', () => {
    const statuses = labStatuses('on-prem-baseline', new Solution(app(), 'ShopOnPremBaseline'));
    expect(Object.values(statuses).every((status) => status === 'PASS')).toBe(true);
  });

  it('the starter fails the checks of what the learner builds', () => {
    const statuses = labStatuses('on-prem-baseline', new Starter(app(), 'ShopOnPremBaseline'));
    expect(statuses).toMatchObject({
      'onprem-load-balancer-server': 'FAIL',
      'onprem-web-app-servers': 'FAIL',
      'onprem-database-server': 'FAIL',
    });
  });
});
