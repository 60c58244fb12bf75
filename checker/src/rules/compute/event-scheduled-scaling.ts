import { shopTiers } from '../../model/queries/chain';
import { groupCapacity, raisesCapacity, scheduledActionsOf, type ScheduledAction } from '../../model/queries/schedule';
import type { Resource } from '../../model/types';
import type { ResourceGraph } from '../../model/graph';
import { absent } from '../absent';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** Both server tiers grow on a schedule before a known event starts. */
export const eventScheduledScaling: Rule = {
  id: 'event-scheduled-scaling',
  area: 'compute',
  title: {
    en: 'Scheduled actions raise the capacity of both the WEB and the APP Auto Scaling groups before the event',
    ko: '예약된 작업이 이벤트 전에 WEB과 APP Auto Scaling 그룹의 용량을 모두 늘린다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'CPU alarms react after the load has arrived: a new server needs minutes to boot, and the first minutes of a sale are when the shop is slowest. The event start is known, so a scheduled action raises MinSize (or DesiredCapacity) of both tiers beforehand, and another brings it back afterwards. WEB alone is not enough: the APP tier behind it takes the same requests.',
    ko: 'CPU 경보는 부하가 온 뒤에 반응합니다. 새 서버가 부팅하는 데 몇 분이 걸리고, 할인 행사의 첫 몇 분이 쇼핑몰이 가장 느린 때입니다. 이벤트 시작 시각은 미리 알고 있으니, 예약된 작업으로 두 계층의 MinSize(또는 DesiredCapacity)를 미리 올리고 끝난 뒤 다른 작업으로 되돌립니다. WEB만으로는 부족합니다. 뒤의 APP 계층도 같은 요청을 받습니다.',
  },
  fix: {
    en: "asg.scaleOnSchedule('EventStart', { schedule: autoscaling.Schedule.cron({ hour: '8', minute: '30' }), timeZone: 'Asia/Seoul', minCapacity: 4 }) on the WEB and the APP group, and an 'EventEnd' action with the usual minCapacity (a one-time startTime works too).",
    ko: "WEB과 APP 그룹 모두에 asg.scaleOnSchedule('EventStart', { schedule: autoscaling.Schedule.cron({ hour: '8', minute: '30' }), timeZone: 'Asia/Seoul', minCapacity: 4 })를 추가하고, 평소 minCapacity로 되돌리는 'EventEnd' 작업도 두세요(한 번만 실행하는 startTime도 됩니다).",
  },
  guide: { lab: 'event-ready', section: 'scheduled-scaling' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 이벤트 기간 시 미들웨어 부하로 사이트 지연 방지(WAS-DB)' },
  modes: ['template', 'live'],
  services: ['autoscaling', 'elbv2', 'ec2'],
  evaluate({ graph }) {
    const tiers = shopTiers(graph);
    const groups = [
      ...tiers.web.members.map((asg) => ({ asg, tier: tiers.web.name })),
      ...tiers.app.members.map((asg) => ({ asg, tier: tiers.app.name })),
    ];
    if (tiers.web.members.length === 0 || tiers.app.members.length === 0) {
      return absent({
        required: {
          en: 'The WEB and APP tiers were not both found (Auto Scaling groups behind the internet-facing and the internal load balancer), so there is nothing to scale for the event.',
          ko: 'WEB과 APP 계층(인터넷 연결 로드 밸런서와 내부 로드 밸런서 뒤의 Auto Scaling 그룹)을 모두 찾지 못해 이벤트에 맞춰 늘릴 것이 없습니다.',
        },
      });
    }
    const verdicts = groups.map(({ asg, tier }) => ({ asg, tier, ...schedule(graph, asg) }));
    const problems: Problem[] = verdicts.flatMap(({ asg, tier, actions, raising, usualMin }) => {
      if (actions.length === 0) {
        return [
          {
            en: `${tier.en} group ${asg.id} has no scheduled action: it grows only after CPU alarms fire, minutes into the event. Schedule a scale-out before the start.`,
            ko: `${tier.ko} 그룹 ${asg.id}에 예약된 작업이 없습니다. CPU 경보가 울린 뒤에야, 이벤트가 시작되고 몇 분 지나서야 커집니다. 시작 전에 늘리는 작업을 예약하세요.`,
            resources: [asg.id],
          },
        ];
      }
      if (raising.length === 0) {
        return [
          {
            en: `The scheduled actions of ${tier.en} group ${asg.id} (${actions.map((action) => action.resource.id).join(', ')}) never raise its capacity above MinSize ${usualMin}: set a higher minCapacity (or desiredCapacity) for the event.`,
            ko: `${tier.ko} 그룹 ${asg.id}의 예약된 작업(${actions.map((action) => action.resource.id).join(', ')})이 용량을 MinSize ${usualMin}보다 늘리지 않습니다. 이벤트용으로 더 큰 minCapacity(또는 desiredCapacity)를 주세요.`,
            resources: [asg.id, ...actions.map((action) => action.resource.id)],
          },
        ];
      }
      return [];
    });
    if (problems.length > 0) return failWith(problems);
    const described = verdicts.map(({ asg, tier, raising, lowering }) => {
      const first = raising[0];
      const size = first.minSize !== undefined ? `MinSize ${first.minSize}` : `DesiredCapacity ${first.desiredCapacity}`;
      const when = first.recurrence ? `cron ${first.recurrence}` : (first.startTime ?? '');
      const zone = first.timeZone ?? 'UTC';
      const back =
        lowering.length > 0 ? { en: ', and back after', ko: ', 끝나면 되돌림' } : { en: ', never back down', ko: ', 되돌리는 작업 없음' };
      return {
        en: `${tier.en} ${asg.id}: ${size} at ${when} (${zone})${back.en}`,
        ko: `${tier.ko} ${asg.id}: ${when}(${zone})에 ${size}${back.ko}`,
      };
    });
    return {
      status: 'PASS',
      message: {
        en: `Both tiers scale out on schedule: ${described.map((entry) => entry.en).join('; ')}.`,
        ko: `두 계층이 모두 예약대로 늘어납니다: ${described.map((entry) => entry.ko).join('; ')}.`,
      },
      resources: verdicts.flatMap(({ asg, raising }) => [asg.id, ...raising.map((action) => action.resource.id)]),
    };
  },
};

/** A group's scheduled actions, those that raise it for the event, those that bring it back, and its usual MinSize. */
function schedule(
  graph: ResourceGraph,
  asg: Resource,
): { actions: ScheduledAction[]; raising: ScheduledAction[]; lowering: ScheduledAction[]; usualMin: number } {
  const actions = scheduledActionsOf(graph, asg);
  const own = groupCapacity(graph, asg);
  // A live group may be checked during the event, with the raised sizes in force: its usual
  // capacity is the lowest the group or any of its actions sets.
  const usual = {
    min: Math.min(own.min, ...actions.flatMap((action) => action.minSize ?? [])),
    desired: Math.min(own.desired, ...actions.flatMap((action) => action.desiredCapacity ?? [])),
  };
  const raising = actions.filter((action) => raisesCapacity(action, usual));
  return { actions, raising, lowering: actions.filter((action) => !raising.includes(action)), usualMin: usual.min };
}
