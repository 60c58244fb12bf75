import { backupPlans, backupRules, type BackupRule } from '../../model/queries/backup';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { PLAN_REQUIRED } from './backup-things';

/** An AWS Backup plan backs the data up at least once a day and keeps each backup for a set time. */
export const backupPlanDailyRetained: Rule = {
  id: 'backup-plan-daily-retained',
  area: 'backup',
  title: {
    en: 'An AWS Backup plan has a rule that runs at least daily and deletes each backup after a set retention',
    ko: 'AWS Backup 계획에 하루 한 번 이상 도는 규칙이 있고, 백업마다 정해진 보관 기간이 지나면 지운다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'The shop asked for a disaster recovery plan: a backup that does not run every day can lose days of orders, and one kept forever costs more every month without making recovery better. A daily rule with a retention (35 days is common) gives a recovery point at most a day old and a known bill.',
    ko: '쇼핑몰은 재해복구 계획을 요구했습니다. 매일 돌지 않는 백업은 며칠 치 주문을 잃을 수 있고, 영원히 보관하는 백업은 복구를 낫게 하지도 않으면서 매달 비용만 늘립니다. 보관 기간(흔히 35일)을 둔 매일 규칙이면 복구 시점이 길어야 하루 전이고 비용도 예측할 수 있습니다.',
  },
  fix: {
    en: "plan.addRule(new backup.BackupPlanRule({ ruleName: 'Daily', scheduleExpression: events.Schedule.cron({ minute: '0', hour: '3' }), deleteAfter: Duration.days(35) })) (BackupPlanRule.daily() also works); in CloudFormation: a BackupPlanRule with ScheduleExpression and Lifecycle.DeleteAfterDays.",
    ko: "plan.addRule(new backup.BackupPlanRule({ ruleName: 'Daily', scheduleExpression: events.Schedule.cron({ minute: '0', hour: '3' }), deleteAfter: Duration.days(35) }))를 추가하세요(BackupPlanRule.daily()도 됩니다). CloudFormation이라면 BackupPlanRule에 ScheduleExpression과 Lifecycle.DeleteAfterDays를 주세요.",
  },
  guide: { lab: 'backup-dr', section: 'backup-plan' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 별도의 NAS 이미지, 동영상 백업, 이중화 구성 및 재해복구 계획' },
  modes: ['template', 'live'],
  services: ['backup'],
  evaluate({ graph }) {
    const plans = backupPlans(graph);
    if (plans.length === 0) return absent({ required: PLAN_REQUIRED });
    const rules = plans.flatMap((plan) => backupRules(graph, plan));
    const good = rules.filter((rule) => isDaily(rule) && rule.deleteAfterDays !== undefined && rule.deleteAfterDays > 0);
    if (good.length > 0) {
      const described = good.map((rule) => `${rule.plan.id} ${rule.name} (${rule.schedule}, ${rule.deleteAfterDays} days)`).join(', ');
      const describedKo = good.map((rule) => `${rule.plan.id} ${rule.name}(${rule.schedule}, ${rule.deleteAfterDays}일)`).join(', ');
      return {
        status: 'PASS',
        message: {
          en: `Backup rule ${described} runs at least daily and deletes each backup after its retention.`,
          ko: `백업 규칙 ${withParticle(describedKo, '이/가')} 하루 한 번 이상 돌고, 백업을 보관 기간이 지나면 지웁니다.`,
        },
        resources: [...new Set(good.map((rule) => rule.plan.id))],
      };
    }
    if (rules.length === 0) {
      return failWith(
        plans.map((plan) => ({
          en: `Backup plan ${plan.id} has no rule, so it never backs anything up: add a daily rule with a retention.`,
          ko: `백업 계획 ${plan.id}에는 규칙이 없어 아무것도 백업하지 않습니다. 보관 기간이 있는 매일 규칙을 추가하세요.`,
          resources: [plan.id],
        })),
      );
    }
    return failWith(rules.flatMap(ruleProblems));
  },
};

function isDaily(rule: BackupRule): boolean {
  return rule.intervalHours !== undefined && rule.intervalHours <= 24;
}

/** Why one backup rule is not a daily, retained backup. */
function ruleProblems(rule: BackupRule): Problem[] {
  const where = `${rule.plan.id} ${rule.name}`;
  const problems: Problem[] = [];
  if (rule.intervalHours === undefined) {
    problems.push({
      en: `Backup rule ${where} has schedule ${rule.schedule}, which the checker cannot read: write it as cron(...) or rate(...), at least once a day.`,
      ko: `백업 규칙 ${where}의 일정 ${withParticle(rule.schedule, '은/는')} 체커가 읽을 수 없습니다. 하루 한 번 이상 도는 cron(...)이나 rate(...)로 쓰세요.`,
      resources: [rule.plan.id],
    });
  } else if (rule.intervalHours > 24) {
    const days = Math.round(rule.intervalHours / 24);
    problems.push({
      en: `Backup rule ${where} (${rule.schedule}) can leave ${days} days between backups: a failure just before the next run loses up to ${days} days of orders. Run it at least daily.`,
      ko: `백업 규칙 ${where}(${rule.schedule})에서는 백업 사이가 ${days}일까지 벌어집니다. 다음 백업 직전에 장애가 나면 최대 ${days}일 치 주문을 잃습니다. 적어도 매일 돌리세요.`,
      resources: [rule.plan.id],
    });
  }
  if (rule.deleteAfterDays === undefined || rule.deleteAfterDays <= 0) {
    problems.push({
      en: `Backup rule ${where} sets no retention (Lifecycle.DeleteAfterDays), so AWS Backup keeps every backup forever and the storage bill grows every day: set deleteAfter, e.g. Duration.days(35).`,
      ko: `백업 규칙 ${where}에 보관 기간(Lifecycle.DeleteAfterDays)이 없어 AWS Backup이 모든 백업을 영원히 보관하고 저장 비용이 날마다 늘어납니다. deleteAfter를 주세요(예: Duration.days(35)).`,
      resources: [rule.plan.id],
    });
  }
  return problems;
}
