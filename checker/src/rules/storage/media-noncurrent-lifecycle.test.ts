import { judge } from '../fixtures/judge';
import { backupDrTemplates, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { mediaNoncurrentLifecycle } from './media-noncurrent-lifecycle';

const verdict = (templates: StackTemplates) => judge(mediaNoncurrentLifecycle, labGraph('backup-dr', templates));
const media = (templates: StackTemplates) => resourcesOf(templates, 'ShopBackupDr').MediaBucket4022EBBF.Properties;
const replica = (templates: StackTemplates) => resourcesOf(templates, 'ShopBackupDrRecovery').MediaReplica0F75757E.Properties;

describe('media-noncurrent-lifecycle', () => {
  it('passes when both buckets expire old versions', () => {
    const outcome = verdict(backupDrTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain(
      'MediaBucket4022EBBF (STANDARD_IA 30d, expire 90d), ShopBackupDrRecovery/MediaReplica0F75757E (expire 90d)',
    );
  });

  it('passes for the legacy NoncurrentVersionExpirationInDays form', () => {
    const templates = backupDrTemplates();
    media(templates).LifecycleConfiguration = { Rules: [{ Status: 'Enabled', NoncurrentVersionExpirationInDays: 60 }] };
    expect(verdict(templates).status).toBe('PASS');
  });

  it('fails when the media bucket keeps every old version', () => {
    const templates = backupDrTemplates();
    delete media(templates).LifecycleConfiguration;
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Media bucket MediaBucket4022EBBF is versioned but no lifecycle rule touches noncurrent versions');
  });

  it('fails when only the replica has no rule: lifecycle rules are not replicated', () => {
    const templates = backupDrTemplates();
    delete replica(templates).LifecycleConfiguration;
    const outcome = verdict(templates);
    expect(outcome.message.en).toContain(
      'Replica bucket ShopBackupDrRecovery/MediaReplica0F75757E has no lifecycle rule for noncurrent versions',
    );
  });

  it('fails for a disabled rule', () => {
    const templates = backupDrTemplates();
    (media(templates).LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules[0].Status = 'Disabled';
    expect(verdict(templates).status).toBe('FAIL');
  });
});
