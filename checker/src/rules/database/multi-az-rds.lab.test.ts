import { ShopStack as Solution } from '../../../../solutions/multi-az-rds/lib/shop-stack';
import { ShopStack as Starter } from '../../../../labs/multi-az-rds/lib/shop-stack';
import { app, labStatuses } from '../fixtures/labs';

describe('lab multi-az-rds', () => {
  it('the solution passes every check, with the optional read replica check skipped', () => {
    const statuses = labStatuses('multi-az-rds', new Solution(app(), 'ShopMultiAzRds'));
    const { 'rds-read-replica-private': replica, ...required } = statuses;
    expect(replica).toBe('SKIP');
    expect(Object.entries(required).filter(([, status]) => status !== 'PASS')).toEqual([]);
  });

  it('the solution with the read replica stretch task passes the replica check', () => {
    const statuses = labStatuses('multi-az-rds', new Solution(app(), 'ShopMultiAzRds', { readReplica: true }));
    expect(statuses['rds-read-replica-private']).toBe('PASS');
    expect(statuses['security-group-chain']).toBe('PASS');
  });

  it('the starter (the vpc-migration solution) fails Multi-AZ, backups and encryption', () => {
    const statuses = labStatuses('multi-az-rds', new Starter(app(), 'ShopMultiAzRds'));
    expect(statuses).toMatchObject({
      'rds-multi-az': 'FAIL',
      'rds-backups-retained': 'FAIL',
      'rds-storage-encrypted': 'FAIL',
      'security-group-chain': 'PASS',
    });
  });
});
