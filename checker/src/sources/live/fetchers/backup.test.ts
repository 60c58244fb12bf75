import { awsError, runFetcher } from '../test-transport';
import { backupFetcher } from './backup';

const entries = [
  { logicalId: 'Plan', physicalId: 'plan-1', type: 'AWS::Backup::BackupPlan' },
  { logicalId: 'Volumes', physicalId: 'sel-volumes', type: 'AWS::Backup::BackupSelection' },
  { logicalId: 'Vault', physicalId: 'shop-vault', type: 'AWS::Backup::BackupVault' },
];

const answers = {
  'backup:GetBackupPlan': {
    BackupPlanId: 'plan-1',
    BackupPlanArn: 'arn:aws:backup:ap-northeast-2:111122223333:backup-plan:plan-1',
    BackupPlan: {
      BackupPlanName: 'daily',
      Rules: [
        {
          RuleName: 'Daily',
          TargetBackupVaultName: 'shop-vault',
          ScheduleExpression: 'cron(0 3 * * ? *)',
          Lifecycle: { DeleteAfterDays: 35 },
          EnableContinuousBackup: false,
          CopyActions: [
            { DestinationBackupVaultArn: 'arn:aws:backup:ap-northeast-1:111122223333:backup-vault:dr', Lifecycle: { DeleteAfterDays: 35 } },
          ],
        },
      ],
    },
  },
  'backup:ListBackupSelections': (input: Record<string, unknown>) =>
    input.NextToken
      ? { BackupSelectionsList: [{ SelectionId: 'sel-volumes', BackupPlanId: 'plan-1' }] }
      : { BackupSelectionsList: [{ SelectionId: 'sel-of-another-stack', BackupPlanId: 'plan-1' }], NextToken: 'page2' },
  'backup:GetBackupSelection': {
    SelectionId: 'sel-volumes',
    BackupPlanId: 'plan-1',
    BackupSelection: {
      SelectionName: 'ServerVolumes',
      IamRoleArn: 'arn:aws:iam::111122223333:role/backup',
      Resources: ['arn:aws:ec2:ap-northeast-2:111122223333:volume/*'],
      ListOfTags: [],
      Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/workshop:backup', ConditionValue: 'daily' }], StringLike: [] },
    },
  },
  'backup:ListBackupVaults': {
    BackupVaultList: [
      { BackupVaultName: 'shop-vault', BackupVaultArn: 'arn:aws:backup:ap-northeast-2:111122223333:backup-vault:shop-vault' },
    ],
  },
};

describe('backupFetcher', () => {
  it("maps the plan, the stack's own selections (every page) and its vaults to CloudFormation's shape", async () => {
    const { byId, resources, requests } = await runFetcher(backupFetcher, answers, entries);
    expect(resources.map((resource) => resource.id)).toEqual(['plan-1', 'sel-volumes', 'shop-vault']);
    expect(byId('plan-1').properties).toEqual({
      BackupPlan: {
        BackupPlanName: 'daily',
        BackupPlanRule: [
          {
            RuleName: 'Daily',
            TargetBackupVault: { $ref: 'shop-vault' },
            ScheduleExpression: 'cron(0 3 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            EnableContinuousBackup: false,
            CopyActions: [
              {
                DestinationBackupVaultArn: 'arn:aws:backup:ap-northeast-1:111122223333:backup-vault:dr',
                Lifecycle: { DeleteAfterDays: 35 },
              },
            ],
          },
        ],
      },
    });
    expect(byId('plan-1').live).toMatchObject({ arn: 'arn:aws:backup:ap-northeast-2:111122223333:backup-plan:plan-1', logicalId: 'Plan' });
    expect(byId('sel-volumes').properties).toEqual({
      BackupPlanId: { $ref: 'plan-1' },
      BackupSelection: {
        SelectionName: 'ServerVolumes',
        IamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        Resources: ['arn:aws:ec2:ap-northeast-2:111122223333:volume/*'],
        Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/workshop:backup', ConditionValue: 'daily' }] },
      },
    });
    expect(byId('shop-vault').live).toMatchObject({ arn: 'arn:aws:backup:ap-northeast-2:111122223333:backup-vault:shop-vault' });
    // Only the stack's selection is read in full.
    expect(requests.filter((request) => request.command === 'GetBackupSelection').map((request) => request.input)).toEqual([
      { BackupPlanId: 'plan-1', SelectionId: 'sel-volumes' },
    ]);
  });

  it('reports what the stack lists but AWS Backup no longer has', async () => {
    const gone = awsError('ResourceNotFoundException', 'x', 404);
    const { resources, progress } = await runFetcher(
      backupFetcher,
      { 'backup:GetBackupPlan': gone, 'backup:ListBackupSelections': gone, 'backup:ListBackupVaults': { BackupVaultList: [] } },
      entries,
    );
    expect(resources).toEqual([]);
    expect([...progress].sort()).toEqual(
      [
        'AWS::Backup::BackupVault shop-vault listed by the stack but not found',
        'AWS::Backup::BackupPlan plan-1 listed by the stack but not found',
        'AWS::Backup::BackupSelection sel-volumes listed by the stack but not found',
      ].sort(),
    );
  });
});
