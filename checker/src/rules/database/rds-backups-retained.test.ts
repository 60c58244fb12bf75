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

  it('fails when there is no database', () => {
    expect(judge(rdsBackupsRetained, shopTemplate({ noDatabase: true })).status).toBe('FAIL');
  });
});
