// A small backup-dr app for parity.test.ts: what grading judges must be what `check --app` judges.
// The RTO and RPO are declared only as stack tags (the RTO on the main stack, the RPO on the recovery
// stack), and both stacks fix their Regions: the backup plan copies to a vault ARN in the plan's own
// Region, which only a grader that knows the main stack's Region can tell.
const { App, CfnResource, Stack } = require('aws-cdk-lib');

const app = new App();
const recovery = new Stack(app, 'ShopBackupDrRecovery', { env: { region: 'ap-northeast-1' }, tags: { 'workshop:rpo': 'PT24H' } });
new CfnResource(recovery, 'Vault', { type: 'AWS::Backup::BackupVault', properties: { BackupVaultName: 'shop-recovery-vault' } });

const shop = new Stack(app, 'ShopBackupDr', { env: { region: 'ap-northeast-2' }, tags: { 'workshop:rto': 'PT4H' } });
new CfnResource(shop, 'Plan', {
  type: 'AWS::Backup::BackupPlan',
  properties: {
    BackupPlan: {
      BackupPlanName: 'shop-daily',
      BackupPlanRule: [
        {
          RuleName: 'Daily',
          TargetBackupVault: 'Default',
          ScheduleExpression: 'cron(0 5 * * ? *)',
          Lifecycle: { DeleteAfterDays: 35 },
          CopyActions: [{ DestinationBackupVaultArn: 'arn:aws:backup:ap-northeast-2:123456789012:backup-vault:shop-recovery-vault' }],
        },
      ],
    },
  },
});
