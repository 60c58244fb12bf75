import type {
  ConditionParameter,
  GetBackupPlanOutput,
  GetBackupSelectionOutput,
  ListBackupSelectionsOutput,
  ListBackupVaultsOutput,
} from '@aws-sdk/client-backup';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, type FetchContext, type Fetcher, type StackEntry } from './types';

const NOT_FOUND = ['ResourceNotFoundException'];

/** A backup plan in CloudFormation's shape (GetBackupPlan), with its ARN for the copies and selections that name it. */
async function plan(context: FetchContext, planId: string, entries: readonly StackEntry[]): Promise<Resource | undefined> {
  const found = await context.caller.call<GetBackupPlanOutput | undefined>(
    'backup',
    'GetBackupPlan',
    { BackupPlanId: planId },
    { absent: NOT_FOUND },
  );
  if (!found?.BackupPlan) {
    context.progress(`AWS::Backup::BackupPlan ${planId} listed by the stack but not found`);
    return undefined;
  }
  const lifecycle = (value: { DeleteAfterDays?: number; MoveToColdStorageAfterDays?: number } | undefined) =>
    value ? compact({ DeleteAfterDays: value.DeleteAfterDays, MoveToColdStorageAfterDays: value.MoveToColdStorageAfterDays }) : undefined;
  return {
    id: planId,
    type: 'AWS::Backup::BackupPlan',
    physicalId: planId,
    properties: {
      BackupPlan: compact({
        BackupPlanName: found.BackupPlan.BackupPlanName,
        BackupPlanRule: (found.BackupPlan.Rules ?? []).map((rule) =>
          compact({
            RuleName: rule.RuleName,
            TargetBackupVault: ref(rule.TargetBackupVaultName),
            ScheduleExpression: rule.ScheduleExpression,
            ScheduleExpressionTimezone: rule.ScheduleExpressionTimezone,
            StartWindowMinutes: rule.StartWindowMinutes,
            CompletionWindowMinutes: rule.CompletionWindowMinutes,
            Lifecycle: lifecycle(rule.Lifecycle),
            EnableContinuousBackup: rule.EnableContinuousBackup,
            CopyActions: rule.CopyActions?.length
              ? rule.CopyActions.map((copy) =>
                  compact({ DestinationBackupVaultArn: copy.DestinationBackupVaultArn, Lifecycle: lifecycle(copy.Lifecycle) }),
                )
              : undefined,
          }),
        ),
      }),
    },
    live: liveFacts(entries, planId, { arn: found.BackupPlanArn }),
  };
}

function conditions(
  list: readonly ConditionParameter[] | undefined,
): Array<{ ConditionKey?: string; ConditionValue?: string }> | undefined {
  return list?.length
    ? list.map((condition) => compact({ ConditionKey: condition.ConditionKey, ConditionValue: condition.ConditionValue }))
    : undefined;
}

/** The stack's selections of one plan (ListBackupSelections, then GetBackupSelection for each), in CloudFormation's shape. */
async function selections(
  context: FetchContext,
  planId: string,
  wanted: ReadonlySet<string>,
  entries: readonly StackEntry[],
): Promise<Resource[]> {
  const pages = await context.caller.paginate<ListBackupSelectionsOutput>(
    'backup',
    'ListBackupSelections',
    { BackupPlanId: planId },
    'NextToken',
    (page) => page.NextToken,
    { absent: NOT_FOUND },
  );
  const ids = pages
    .flatMap((page) => page.BackupSelectionsList ?? [])
    .flatMap((item) => (item.SelectionId && wanted.has(item.SelectionId) ? [item.SelectionId] : []));
  const found = await Promise.all(
    ids.map((selectionId) =>
      context.caller.call<GetBackupSelectionOutput | undefined>(
        'backup',
        'GetBackupSelection',
        { BackupPlanId: planId, SelectionId: selectionId },
        { absent: NOT_FOUND },
      ),
    ),
  );
  return found.flatMap((output): Resource[] => {
    const selection = output?.BackupSelection;
    if (!output?.SelectionId || !selection) return [];
    const given = selection.Conditions;
    return [
      {
        id: output.SelectionId,
        type: 'AWS::Backup::BackupSelection',
        physicalId: output.SelectionId,
        properties: {
          BackupPlanId: ref(planId),
          BackupSelection: compact({
            SelectionName: selection.SelectionName,
            IamRoleArn: selection.IamRoleArn,
            Resources: selection.Resources?.length ? selection.Resources : undefined,
            NotResources: selection.NotResources?.length ? selection.NotResources : undefined,
            ListOfTags: selection.ListOfTags?.length
              ? selection.ListOfTags.map((tag) =>
                  compact({ ConditionType: tag.ConditionType, ConditionKey: tag.ConditionKey, ConditionValue: tag.ConditionValue }),
                )
              : undefined,
            Conditions: given
              ? compact({
                  StringEquals: conditions(given.StringEquals),
                  StringNotEquals: conditions(given.StringNotEquals),
                  StringLike: conditions(given.StringLike),
                  StringNotLike: conditions(given.StringNotLike),
                })
              : undefined,
          }),
        },
        live: liveFacts(entries, output.SelectionId),
      },
    ];
  });
}

/** The stack's vaults, found by name in ListBackupVaults (there is no read of one vault that returns its settings by name alone). */
async function vaults(context: FetchContext, names: readonly string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  if (names.length === 0) return [];
  const pages = await context.caller.paginate<ListBackupVaultsOutput>(
    'backup',
    'ListBackupVaults',
    {},
    'NextToken',
    (page) => page.NextToken,
  );
  const listed = pages.flatMap((page) => page.BackupVaultList ?? []);
  const out: Resource[] = [];
  for (const name of names) {
    const vault = listed.find((candidate) => candidate.BackupVaultName === name);
    if (!vault) {
      context.progress(`AWS::Backup::BackupVault ${name} listed by the stack but not found`);
      continue;
    }
    out.push({
      id: name,
      type: 'AWS::Backup::BackupVault',
      physicalId: name,
      properties: compact({ BackupVaultName: name, EncryptionKeyArn: vault.EncryptionKeyArn }),
      live: liveFacts(entries, name, { arn: vault.BackupVaultArn }),
    });
  }
  return out;
}

/** AWS Backup: plans with their rules and copy actions, the stack's selections of them, and vaults. */
export const backupFetcher: Fetcher = {
  service: 'backup',
  types: ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection', 'AWS::Backup::BackupVault'],
  fetch: async (context, entries) => {
    const wanted = new Set(idsOf(entries, 'AWS::Backup::BackupSelection'));
    const planIds = idsOf(entries, 'AWS::Backup::BackupPlan');
    const [plans, chosen, stored] = await Promise.all([
      Promise.all(planIds.map((planId) => plan(context, planId, entries))),
      Promise.all(planIds.map((planId) => selections(context, planId, wanted, entries))),
      vaults(context, idsOf(entries, 'AWS::Backup::BackupVault'), entries),
    ]);
    const found = chosen.flat();
    const missing = [...wanted].filter((id) => !found.some((selection) => selection.id === id));
    if (missing.length) context.progress(`AWS::Backup::BackupSelection ${missing.join(', ')} listed by the stack but not found`);
    return [...plans.filter((resource): resource is Resource => resource !== undefined), ...found, ...stored];
  },
};
