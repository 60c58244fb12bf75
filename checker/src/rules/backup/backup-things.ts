import type { LocalizedText } from '@workshop/catalog';
import { unseen } from '../absent';
import type { Outcome } from '../types';

/** What the backup rules ask for when a stack has no backup plan. */
export const PLAN_REQUIRED: LocalizedText = {
  en: 'No AWS Backup plan: add a backup.BackupPlan with a daily rule (deleteAfter, a copy action to the vault in the secondary Region) and a selection of the database and the servers.',
  ko: 'AWS Backup 계획이 없습니다. 매일 도는 규칙(deleteAfter, 보조 리전 볼트로의 복사 작업)과 데이터베이스와 서버를 고르는 선택을 담은 backup.BackupPlan을 추가하세요.',
};

/**
 * The SKIP of a backup rule in live mode: the checker reads AWS Backup through @aws-sdk/client-backup,
 * which this installation does not have, so plans, selections and vaults cannot be listed live.
 */
export function backupNotReadLive(): Outcome {
  return unseen({
    en: 'AWS Backup is not read live yet: this checker has no AWS Backup client (@aws-sdk/client-backup), so plans, selections and vaults cannot be listed. Check the app or its cdk.out (template mode) for this rule.',
    ko: 'AWS Backup은 아직 라이브로 읽지 않습니다. 이 체커에 AWS Backup 클라이언트(@aws-sdk/client-backup)가 없어 계획, 선택, 볼트를 나열할 수 없습니다. 이 규칙은 앱이나 cdk.out(템플릿 모드)으로 확인하세요.',
  });
}
