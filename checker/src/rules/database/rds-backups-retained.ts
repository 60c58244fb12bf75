import { numberProp } from '../../model/queries/values';
import type { Rule } from '../types';
import { judgeEachDatabase } from './each-database';

/** Automated backups are kept for at least one day. */
export const rdsBackupsRetained: Rule = {
  id: 'rds-backups-retained',
  area: 'database',
  title: {
    en: 'Automated backups of the database are kept for at least one day',
    ko: '데이터베이스 자동 백업을 하루 이상 보관한다',
  },
  severity: 'medium',
  points: 5,
  why: {
    en: 'Multi-AZ protects against a failed server, not against a bad write: a DELETE without WHERE is copied to the standby at once. Automated backups with point-in-time recovery let you restore the data as it was minutes before the mistake.',
    ko: 'Multi-AZ는 서버 장애는 막아 주지만 잘못된 쓰기는 막지 못합니다. WHERE 없는 DELETE도 대기 인스턴스에 바로 복제됩니다. 자동 백업과 특정 시점 복구(PITR)가 있어야 실수 몇 분 전의 데이터로 되돌릴 수 있습니다.',
  },
  fix: {
    en: 'backupRetention: Duration.days(7) (anything from 1 day) on the rds.DatabaseInstance; never 0, which turns backups off.',
    ko: 'rds.DatabaseInstance에 backupRetention: Duration.days(7)(1일 이상이면 됨)을 주세요. 0은 백업을 끄므로 쓰지 마세요.',
  },
  guide: { lab: 'multi-az-rds', section: 'automated-backups' },
  seed: { seed: '000_0cb1d160706ddd77', section: '3' },
  modes: ['template', 'live'],
  services: ['rds'],
  evaluate({ graph }) {
    return judgeEachDatabase(
      graph,
      (db) => {
        // CloudFormation and RDS keep 1 day when BackupRetentionPeriod is not set.
        const days = numberProp(graph, db, 'BackupRetentionPeriod') ?? 1;
        if (days >= 1) return `${db.id} (${days} day${days === 1 ? '' : 's'})`;
        return {
          en: `Database ${db.id} has BackupRetentionPeriod ${days}, which turns automated backups off: nothing can be restored after a bad write. Keep at least 1 day.`,
          ko: `데이터베이스 ${db.id}의 BackupRetentionPeriod가 ${days}라서 자동 백업이 꺼져 있습니다. 잘못된 쓰기 뒤에 아무것도 복구할 수 없습니다. 1일 이상 보관하세요.`,
          resources: [db.id],
        };
      },
      (kept) => ({ en: `Automated backups are kept: ${kept}.`, ko: `자동 백업을 보관합니다: ${kept}.` }),
    );
  },
};
