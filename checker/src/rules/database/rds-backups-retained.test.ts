import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsBackupsRetained } from './rds-backups-retained';

describe('rds-backups-retained', () => {
  it('passes for backupRetention of 7 days, an L1 value and a hand-written string "3"', () => {
    expect(judge(rdsBackupsRetained, shopTemplate({ database: { backupDays: 7 } })).message.en).toMatch(/Orders\w+ \(7 days\)/);
    expect(judge(rdsBackupsRetained, l1ShopTemplate()).status).toBe('PASS');
    expect(judge(rdsBackupsRetained, handWrittenShop()).message.en).toContain('Database (3 days)');
  });

  it('passes when BackupRetentionPeriod is left out: RDS keeps 1 day by default', () => {
    expect(judge(rdsBackupsRetained, shopTemplate()).message.en).toMatch(/\(1 day\)/);
  });

  it('fails for backupRetention of 0 days, which turns backups off', () => {
    const outcome = judge(rdsBackupsRetained, shopTemplate({ database: { backupDays: 0 } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('BackupRetentionPeriod 0, which turns automated backups off');
  });

  it('skips when there is no database, which rds-private reports (one omission, one FAIL)', () => {
    const outcome = judge(rdsBackupsRetained, shopTemplate({ noDatabase: true }));
    expect(outcome).toMatchObject({ status: 'SKIP', message: { en: 'No RDS database yet (rds-private reports it).' } });
    expect(outcome.message.ko).toBe('아직 RDS 데이터베이스가 없습니다(rds-private가 알려 줍니다).');
  });
});
