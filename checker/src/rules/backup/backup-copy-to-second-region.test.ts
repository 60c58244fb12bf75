import { judge } from '../fixtures/judge';
import { backupDrTemplates, idsOfType, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { backupCopyToSecondRegion } from './backup-copy-to-second-region';

const MAIN = 'ShopBackupDr';

function withCopy(change: (copy: Record<string, unknown>, rule: Record<string, unknown>) => void): StackTemplates {
  const templates = backupDrTemplates();
  const [plan] = idsOfType(templates, MAIN, 'AWS::Backup::BackupPlan');
  const rule = (resourcesOf(templates, MAIN)[plan].Properties as { BackupPlan: { BackupPlanRule: Array<Record<string, unknown>> } })
    .BackupPlan.BackupPlanRule[0];
  change((rule.CopyActions as Array<Record<string, unknown>>)[0], rule);
  return templates;
}

const verdict = (templates: StackTemplates) => judge(backupCopyToSecondRegion, labGraph('backup-dr', templates));

describe('backup-copy-to-second-region', () => {
  it("passes for the copy to the recovery stack's vault, found by the name in its ARN", () => {
    const outcome = verdict(backupDrTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('BackupPlan14914BEB → ShopBackupDrRecovery/Vault23237E5B (ap-northeast-1)');
  });

  it('passes for a hand-written ARN with the account written out and another vault name the recovery stack uses', () => {
    const templates = withCopy((copy) => {
      copy.DestinationBackupVaultArn = 'arn:aws:backup:ap-northeast-1:111122223333:backup-vault:dr-copies';
    });
    const [vault] = idsOfType(templates, 'ShopBackupDrRecovery', 'AWS::Backup::BackupVault');
    resourcesOf(templates, 'ShopBackupDrRecovery')[vault].Properties.BackupVaultName = 'dr-copies';
    expect(verdict(templates).status).toBe('PASS');
  });

  it('fails for a copy into the vault of its own stack', () => {
    const outcome = verdict(
      withCopy((copy) => (copy.DestinationBackupVaultArn = { 'Fn::GetAtt': ['BackupVaultADF21B19', 'BackupVaultArn'] })),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain("which is in the plan's own Region: the copy dies with the original");
  });

  it('fails for a vault name no stack creates', () => {
    const outcome = verdict(
      withCopy((copy) => (copy.DestinationBackupVaultArn = 'arn:aws:backup:ap-northeast-1:111122223333:backup-vault:typo-vault')),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain("copies to vault typo-vault in ap-northeast-1, which none of the lab's stacks creates");
  });

  it('fails without a copy action', () => {
    const outcome = verdict(withCopy((_, rule) => delete rule.CopyActions));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('keeps its backups in its own Region only (no copy action)');
  });
});
