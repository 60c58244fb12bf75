import type { LocalizedText } from '@workshop/catalog';

/** What the backup rules ask for when a stack has no backup plan. */
export const PLAN_REQUIRED: LocalizedText = {
  en: 'No AWS Backup plan: add a backup.BackupPlan with a daily rule (deleteAfter, a copy action to the vault in the secondary Region) and a selection of the database and the servers.',
  ko: 'AWS Backup 계획이 없습니다. 매일 도는 규칙(deleteAfter, 보조 리전 볼트로의 복사 작업)과 데이터베이스와 서버를 고르는 선택을 담은 backup.BackupPlan을 추가하세요.',
};
