import { backupPlans, backupRules } from '../../model/queries/backup';
import type { ResourceGraph } from '../../model/graph';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** One declared objective: where it was found and its value. */
interface Declared {
  readonly where: string;
  readonly whereKo: string;
  readonly value: unknown;
}

const OBJECTIVES = {
  rto: { pattern: /(^|[^a-z])rto([^a-z]|$)|recovery.?time/i, en: 'RTO (recovery time objective)', ko: 'RTO(목표 복구 시간)' },
  rpo: { pattern: /(^|[^a-z])rpo([^a-z]|$)|recovery.?point/i, en: 'RPO (recovery point objective)', ko: 'RPO(목표 복구 시점)' },
} as const;

/** The shop's RTO and RPO are written down as ISO-8601 durations, and the RPO is one the backups can meet. */
export const recoveryObjectivesDeclared: Rule = {
  id: 'recovery-objectives-declared',
  area: 'backup',
  title: {
    en: 'The RTO and RPO are declared as stack outputs or tags in ISO-8601 durations, and the RPO is no shorter than the backups allow',
    ko: 'RTO와 RPO가 스택 출력이나 태그에 ISO-8601 기간으로 선언되어 있고, RPO가 백업 주기가 허용하는 것보다 짧지 않다',
  },
  severity: 'medium',
  points: 5,
  why: {
    en: 'A disaster recovery plan starts with two numbers the business agrees to: how long the shop may be down (RTO) and how much recent data it may lose (RPO). Written on the stack, they are where operators and tools look. A daily backup means a Region-wide outage can lose up to a day of orders: promising an RPO of one hour with it is a promise the architecture cannot keep, unless continuous backup (point-in-time recovery) is on.',
    ko: '재해복구 계획은 비즈니스가 합의한 두 숫자에서 시작합니다. 쇼핑몰이 얼마나 멈춰도 되는지(RTO), 최근 데이터를 얼마나 잃어도 되는지(RPO)입니다. 스택에 적어 두면 운영자와 도구가 그곳에서 찾습니다. 하루 한 번 백업이면 리전 전체 장애로 최대 하루 치 주문을 잃을 수 있습니다. 그런 백업으로 RPO 1시간을 약속하면 아키텍처가 지킬 수 없는 약속이 됩니다. 연속 백업(특정 시점 복구)을 켰다면 다릅니다.',
  },
  fix: {
    en: "new CfnOutput(this, 'RecoveryTimeObjective', { value: 'PT4H' }) and new CfnOutput(this, 'RecoveryPointObjective', { value: 'PT24H' }), and/or stack tags workshop:rto / workshop:rpo with the same values; with a daily plan, declare an RPO of PT24H or longer (or turn on enableContinuousBackup).",
    ko: "new CfnOutput(this, 'RecoveryTimeObjective', { value: 'PT4H' })와 new CfnOutput(this, 'RecoveryPointObjective', { value: 'PT24H' })를 만들거나, 같은 값으로 스택 태그 workshop:rto / workshop:rpo를 다세요. 매일 백업이라면 RPO를 PT24H 이상으로 선언하세요(또는 enableContinuousBackup을 켜세요).",
  },
  guide: { lab: 'backup-dr', section: 'recovery-objectives' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 별도의 NAS 이미지, 동영상 백업, 이중화 구성 및 재해복구 계획' },
  modes: ['template', 'live'],
  services: ['cloudformation'],
  evaluate({ graph }) {
    const problems: Problem[] = [];
    const hours: Partial<Record<keyof typeof OBJECTIVES, number>> = {};
    const shown: Partial<Record<keyof typeof OBJECTIVES, string>> = {};
    for (const key of ['rto', 'rpo'] as const) {
      const objective = OBJECTIVES[key];
      const found = declarations(graph, objective.pattern);
      if (found.length === 0) {
        problems.push({
          en: `No ${objective.en} is declared: add a stack output ${key === 'rto' ? 'RecoveryTimeObjective' : 'RecoveryPointObjective'} (or a stack tag workshop:${key}) with an ISO-8601 duration such as ${key === 'rto' ? 'PT4H' : 'PT24H'}.`,
          ko: `${withParticle(objective.ko, '이/가')} 선언되어 있지 않습니다. ${key === 'rto' ? 'PT4H' : 'PT24H'} 같은 ISO-8601 기간으로 스택 출력 ${key === 'rto' ? 'RecoveryTimeObjective' : 'RecoveryPointObjective'}(또는 스택 태그 workshop:${key}) 항목을 추가하세요.`,
          resources: [],
        });
        continue;
      }
      for (const declared of found) {
        const value = typeof declared.value === 'string' ? isoHours(declared.value) : undefined;
        if (value === undefined || value <= 0) {
          problems.push({
            en: `${declared.where} declares the ${objective.en} as ${JSON.stringify(declared.value)}, which is not a positive ISO-8601 duration: write it like PT4H (4 hours), PT30M or P1D, so tools can compare it.`,
            ko: `${declared.whereKo}에 선언한 ${objective.ko} 값 ${withParticle(JSON.stringify(declared.value), '은/는')} 0보다 큰 ISO-8601 기간이 아닙니다. 도구가 비교할 수 있게 PT4H(4시간), PT30M, P1D처럼 쓰세요.`,
            resources: [],
          });
        } else if (hours[key] === undefined) {
          hours[key] = value;
          shown[key] = declared.value as string;
        }
      }
    }
    const rules = backupPlans(graph).flatMap((plan) => backupRules(graph, plan));
    const continuous = rules.some((rule) => rule.continuous);
    const intervals = rules.map((rule) => rule.intervalHours).filter((value): value is number => value !== undefined);
    const every = intervals.length > 0 ? Math.min(...intervals) : undefined;
    if (hours.rpo !== undefined && every !== undefined && !continuous && hours.rpo < every) {
      problems.push({
        en: `The RPO ${shown.rpo} is shorter than the ${every} hours between backups: a failure just before the next backup loses up to ${every} hours of data. Declare an RPO of at least PT${every}H, back up more often, or turn on continuous backup (point-in-time recovery).`,
        ko: `${withParticle(`RPO ${shown.rpo}`, '이/가')} 백업 간격 ${every}시간보다 짧습니다. 다음 백업 직전에 장애가 나면 최대 ${every}시간 치 데이터를 잃습니다. RPO를 PT${every}H 이상으로 선언하거나, 더 자주 백업하거나, 연속 백업(특정 시점 복구)을 켜세요.`,
        resources: backupPlans(graph).map((plan) => plan.id),
      });
    }
    if (problems.length > 0) return failWith(problems);
    const basis =
      every === undefined
        ? { en: 'no backup schedule was seen to compare the RPO with', ko: 'RPO와 비교할 백업 일정은 보이지 않았습니다' }
        : continuous
          ? { en: 'continuous backup allows a short RPO', ko: '연속 백업이 짧은 RPO를 허용합니다' }
          : { en: `the backups run every ${every} hours at most`, ko: `백업은 길어야 ${every}시간마다 돕니다` };
    return {
      status: 'PASS',
      message: {
        en: `The recovery objectives are declared: RTO ${shown.rto}, RPO ${shown.rpo} (${basis.en}).`,
        ko: `복구 목표가 선언되어 있습니다: RTO ${shown.rto}, RPO ${shown.rpo}(${basis.ko}).`,
      },
    };
  },
};

/** Stack outputs and tags whose key names the objective, over every stack (the main one first). */
function declarations(graph: ResourceGraph, pattern: RegExp): Declared[] {
  const found: Declared[] = [];
  for (const stack of graph.stacks) {
    for (const [key, value] of Object.entries(stack.outputs ?? {})) {
      if (pattern.test(key)) found.push({ where: `Output ${key} of ${stack.name}`, whereKo: `${stack.name}의 출력 ${key}`, value });
    }
    for (const [key, value] of Object.entries(stack.tags ?? {})) {
      if (pattern.test(key)) found.push({ where: `Tag ${key} of ${stack.name}`, whereKo: `${stack.name}의 태그 ${key}`, value });
    }
  }
  return found;
}

/** Hours in an ISO-8601 duration (P1D, PT4H, PT30M, P1DT12H, P1W); undefined when it is not one. */
export function isoHours(text: string): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    text.trim(),
  );
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [, weeks, days, h, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return weeks * 168 + days * 24 + h + minutes / 60 + seconds / 3600;
}
