import { judge } from '../fixtures/judge';
import { backupDrTemplates, idsOfType, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { backupSelectionCoversData } from './backup-selection-covers-data';

const MAIN = 'ShopBackupDr';

/** The solution with one of its selections (by SelectionName) changed. */
function withSelection(name: string, change: (selection: Record<string, unknown>) => void): StackTemplates {
  const templates = backupDrTemplates();
  const resources = resourcesOf(templates, MAIN);
  const id = idsOfType(templates, MAIN, 'AWS::Backup::BackupSelection').find(
    (candidate) => (resources[candidate].Properties.BackupSelection as { SelectionName: string }).SelectionName === name,
  )!;
  change(resources[id].Properties.BackupSelection as Record<string, unknown>);
  return templates;
}

const verdict = (templates: StackTemplates) => judge(backupSelectionCoversData, labGraph('backup-dr', templates));

describe('backup-selection-covers-data', () => {
  it('passes for the database by ARN and the server volumes by the tag their launch templates give them', () => {
    const outcome = verdict(backupDrTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain(
      'DatabaseInstanceAA8A5FDE (Database), AppGroupASG744D7F67 (ServerVolumes) and WebGroupASG5FD1935A (ServerVolumes)',
    );
  });

  it('passes for one selection of everything ("*")', () => {
    const templates = withSelection('Database', (selection) => (selection.Resources = ['*']));
    expect(verdict(templates).status).toBe('PASS');
  });

  it('passes for the database by the RDS type wildcard and the instances by a legacy ListOfTags', () => {
    let templates = withSelection('Database', (selection) => (selection.Resources = ['arn:aws:rds:*:*:db:*']));
    const resources = resourcesOf(templates, MAIN);
    const [volumes] = idsOfType(templates, MAIN, 'AWS::Backup::BackupSelection').filter((id) => id.includes('ServerVolumes'));
    const selection = resources[volumes].Properties.BackupSelection as Record<string, unknown>;
    delete selection.Conditions;
    delete selection.Resources;
    selection.ListOfTags = [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'workshop:backup', ConditionValue: 'daily' }];
    expect(verdict(templates).status).toBe('PASS');
    templates = withSelection('ServerVolumes', (sel) => (sel.Resources = ['arn:aws:ec2:*:*:instance/*']));
    // The launch templates tag instances too: selecting instances with that tag covers the servers.
    expect(verdict(templates).status).toBe('PASS');
  });

  it('fails when the database is left out', () => {
    const outcome = verdict(withSelection('Database', (selection) => (selection.Resources = ['arn:aws:rds:*:*:db:other-db'])));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Database DatabaseInstanceAA8A5FDE is in no backup selection');
  });

  it('fails when the tag condition matches no server volume', () => {
    const outcome = verdict(
      withSelection('ServerVolumes', (selection) => {
        selection.Conditions = { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'yes' }] };
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('The servers of Auto Scaling group AppGroupASG744D7F67 are in no backup selection');
    expect(outcome.message.en).toContain('workshop:backup=daily');
  });

  it('fails for a role that AWS Backup cannot assume', () => {
    const templates = backupDrTemplates();
    const role = resourcesOf(templates, MAIN).BackupRole4CD139C5.Properties as {
      AssumeRolePolicyDocument: { Statement: Array<{ Principal: unknown }> };
    };
    role.AssumeRolePolicyDocument.Statement[0].Principal = { Service: 'ec2.amazonaws.com' };
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('uses role BackupRole4CD139C5, which does not trust backup.amazonaws.com');
  });

  it('fails for a plan without any selection', () => {
    const templates = backupDrTemplates();
    for (const id of idsOfType(templates, MAIN, 'AWS::Backup::BackupSelection')) delete resourcesOf(templates, MAIN)[id];
    expect(verdict(templates).message.en).toContain('The backup plan has no selection');
  });
});
