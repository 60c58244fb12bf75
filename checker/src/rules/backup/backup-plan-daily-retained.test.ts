import { judge } from '../fixtures/judge';
import { backupDrTemplates, idsOfType, labGraph, liveShaped, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { backupPlanDailyRetained } from './backup-plan-daily-retained';

const MAIN = 'ShopBackupDr';

/** The solution with its backup plan's first rule changed. */
function withRule(change: (rule: Record<string, unknown>) => void): StackTemplates {
  const templates = backupDrTemplates();
  const [plan] = idsOfType(templates, MAIN, 'AWS::Backup::BackupPlan');
  const properties = resourcesOf(templates, MAIN)[plan].Properties as { BackupPlan: { BackupPlanRule: Array<Record<string, unknown>> } };
  change(properties.BackupPlan.BackupPlanRule[0]);
  return templates;
}

const verdict = (templates: StackTemplates) => judge(backupPlanDailyRetained, labGraph('backup-dr', templates));

describe('backup-plan-daily-retained', () => {
  it('passes for the daily rule at 03:00 Seoul time kept 35 days', () => {
    const outcome = verdict(backupDrTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('Daily (cron(0 3 * * ? *), 35 days) runs at least daily');
  });

  it.each([
    ['every 12 hours, kept a week', { ScheduleExpression: 'rate(12 hours)', Lifecycle: { DeleteAfterDays: 7 } }],
    ["AWS Backup's default schedule (no expression)", { ScheduleExpression: undefined }],
    ['twice a day by cron', { ScheduleExpression: 'cron(0 1,13 * * ? *)' }],
  ])('passes for %s', (_, change) => {
    expect(verdict(withRule((rule) => Object.assign(rule, change))).status).toBe('PASS');
  });

  it('fails for a weekly rule, saying how much can be lost', () => {
    const outcome = verdict(withRule((rule) => (rule.ScheduleExpression = 'cron(0 3 ? * SUN *)')));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('can leave 7 days between backups');
  });

  it('fails for weekdays only: the weekend is three days without a backup', () => {
    const outcome = verdict(withRule((rule) => (rule.ScheduleExpression = 'cron(0 3 ? * MON-FRI *)')));
    expect(outcome.message.en).toContain('can leave 3 days between backups');
  });

  it('fails without a retention: every backup is kept forever', () => {
    const outcome = verdict(withRule((rule) => delete rule.Lifecycle));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('sets no retention (Lifecycle.DeleteAfterDays)');
    expect(outcome.message.ko).toContain('deleteAfter를 주세요');
  });

  it('fails without any backup plan, saying what to add', () => {
    const templates = backupDrTemplates();
    const resources = resourcesOf(templates, MAIN);
    for (const type of ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection'])
      for (const id of idsOfType(templates, MAIN, type)) delete resources[id];
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No AWS Backup plan');
  });

  it('reaches the same verdict over physical ids, as the live loader gives them', () => {
    const outcome = judge(backupPlanDailyRetained, liveShaped(labGraph('backup-dr', backupDrTemplates())));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('Daily (cron(0 3 * * ? *), 35 days)');
  });
});
