import { judge } from '../fixtures/judge';
import { backupDrTemplates, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { mediaBucketReplicated } from './media-bucket-replicated';

const MAIN = 'ShopBackupDr';
const RECOVERY = 'ShopBackupDrRecovery';

const media = (templates: StackTemplates) => resourcesOf(templates, MAIN).MediaBucket4022EBBF.Properties;
const replica = (templates: StackTemplates) => resourcesOf(templates, RECOVERY).MediaReplica0F75757E.Properties;
const rule = (templates: StackTemplates) =>
  (media(templates).ReplicationConfiguration as { Rules: Array<Record<string, unknown>> }).Rules[0];
const verdict = (templates: StackTemplates) => judge(mediaBucketReplicated, labGraph('backup-dr', templates));

describe('media-bucket-replicated', () => {
  it('passes for the media bucket replicated by name into the versioned replica of the recovery stack', () => {
    const outcome = verdict(backupDrTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('MediaBucket4022EBBF → ShopBackupDrRecovery/MediaReplica0F75757E (ap-northeast-1)');
  });

  it('passes for a hand-written destination ARN with the account id written out and a replica named the same way', () => {
    const templates = backupDrTemplates();
    rule(templates).Destination = { Bucket: 'arn:aws:s3:::media-copy-111122223333' };
    replica(templates).BucketName = 'media-copy-111122223333';
    expect(verdict(templates).status).toBe('PASS');
  });

  it('fails without versioning on the media bucket', () => {
    const templates = backupDrTemplates();
    delete media(templates).VersioningConfiguration;
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Media bucket MediaBucket4022EBBF is not versioned');
  });

  it('fails for a replica that is not versioned', () => {
    const templates = backupDrTemplates();
    replica(templates).VersioningConfiguration = { Status: 'Suspended' };
    expect(verdict(templates).message.en).toContain('Replica bucket ShopBackupDrRecovery/MediaReplica0F75757E is not versioned');
  });

  it('fails for a disabled rule', () => {
    const templates = backupDrTemplates();
    rule(templates).Status = 'Disabled';
    expect(verdict(templates).message.en).toContain('none is Enabled');
  });

  it('fails for a destination in the same Region', () => {
    const templates = backupDrTemplates();
    rule(templates).Destination = { Bucket: { 'Fn::GetAtt': ['AuditTrailBucket1FC98696', 'Arn'] } };
    expect(verdict(templates).message.en).toContain('replicates to AuditTrailBucket1FC98696 in the same Region');
  });

  it('fails for a destination no stack creates', () => {
    const templates = backupDrTemplates();
    rule(templates).Destination = { Bucket: 'arn:aws:s3:::somewhere-else' };
    expect(verdict(templates).message.en).toContain("replicates to arn:aws:s3:::somewhere-else, which none of the lab's stacks creates");
  });

  it('fails without replication, and without a role', () => {
    const templates = backupDrTemplates();
    delete media(templates).ReplicationConfiguration;
    expect(verdict(templates).message.en).toContain(
      'is not replicated: a Region-wide outage or a mistaken delete loses the images and video',
    );
    const noRole = backupDrTemplates();
    delete (media(noRole).ReplicationConfiguration as Record<string, unknown>).Role;
    expect(verdict(noRole).message.en).toContain('replicates without a role');
  });
});
