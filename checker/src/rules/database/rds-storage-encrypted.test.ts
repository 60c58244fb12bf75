import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsStorageEncrypted } from './rds-storage-encrypted';

describe('rds-storage-encrypted', () => {
  it('passes for storageEncrypted: true, an L1 value and a hand-written "true"', () => {
    expect(judge(rdsStorageEncrypted, shopTemplate({ database: { storageEncrypted: true } })).status).toBe('PASS');
    expect(judge(rdsStorageEncrypted, l1ShopTemplate()).status).toBe('PASS');
    expect(judge(rdsStorageEncrypted, handWrittenShop()).message.en).toContain('Database Database encrypts its storage');
  });

  it('fails when storage is left unencrypted (the default)', () => {
    const outcome = judge(rdsStorageEncrypted, shopTemplate());
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Database Orders\w+ stores its data unencrypted/);
  });

  it('fails for a KmsKeyId without StorageEncrypted and says why', () => {
    const template = handWrittenShop();
    delete template.Resources.Database.Properties.StorageEncrypted;
    template.Resources.Database.Properties.KmsKeyId = 'alias/aws/rds';
    expect(judge(rdsStorageEncrypted, template).message.en).toContain('a KmsKeyId alone does not turn encryption on');
  });

  it('skips when there is no database, which rds-private reports (one omission, one FAIL)', () => {
    const outcome = judge(rdsStorageEncrypted, shopTemplate({ noDatabase: true }));
    expect(outcome).toMatchObject({ status: 'SKIP', message: { en: 'No RDS database yet (rds-private reports it).' } });
    expect(outcome.message.ko).toBe('아직 RDS 데이터베이스가 없습니다(rds-private가 알려 줍니다).');
  });
});
