import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { ResourceGraph } from '../../model/graph';
import { booleanProp, numberProp, stringProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

/** EC2 publishes CPUUtilization every 300 s with basic monitoring; a shorter alarm period needs detailed monitoring. */
const BASIC_MONITORING_SECONDS = 300;

/** Every Auto Scaling group scales on CPU through CloudWatch alarms (step/simple) or target tracking. */
export const cpuAlarmsDriveScaling: Rule = {
  id: 'cpu-alarms-drive-scaling',
  area: 'monitoring',
  title: {
    en: 'CloudWatch CPU alarms drive the scaling of every Auto Scaling group',
    ko: 'CloudWatch CPU 경보가 모든 Auto Scaling 그룹의 스케일링을 움직인다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: "The review's first question: CloudWatch watches the servers' CPU, an alarm fires past the threshold, and the scaling policy it triggers starts or stops servers; without it the group never grows during a sale. An alarm period shorter than 5 minutes only works with detailed monitoring: with basic monitoring EC2 publishes CPU every 5 minutes.",
    ko: '리뷰의 첫 질문입니다. CloudWatch가 서버 CPU를 지켜보다가 임계치를 넘으면 경보가 울리고, 그 경보가 실행하는 스케일링 정책이 서버를 늘리거나 줄입니다. 이것이 없으면 할인 행사 때도 그룹이 커지지 않습니다. 기본 모니터링에서는 EC2가 CPU를 5분마다 보내므로, 5분보다 짧은 경보 주기는 세부 모니터링을 켜야 제대로 동작합니다.',
  },
  fix: {
    en: "asg.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 }) (target tracking, what AWS recommends: alarms AWS manages) or asg.scaleOnMetric('Cpu', { metric: CPUUtilization of the group with period Duration.minutes(5), scalingSteps: [...] }) (alarms you can see); for 1-minute periods set detailedMonitoring: true on the launch template.",
    ko: "asg.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 })(AWS가 권장하는 대상 추적, AWS가 관리하는 경보)나 asg.scaleOnMetric('Cpu', { metric: 주기가 Duration.minutes(5)인 그룹의 CPUUtilization, scalingSteps: [...] })(눈에 보이는 경보)를 쓰세요. 1분 주기를 쓰려면 Launch Template에 detailedMonitoring: true를 주세요.",
  },
  guide: { lab: 'security-review', section: 'cloudwatch-alarms' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: CloudWatch를 넣은 이유? 임계치를 CloudWatch로 볼 수 있는가?' },
  modes: ['template', 'live'],
  services: ['autoscaling', 'cloudwatch'],
  evaluate({ graph }) {
    const groups = graph.ofType('AWS::AutoScaling::AutoScalingGroup');
    if (groups.length === 0)
      return absent({ thing: { en: 'Auto Scaling group to scale', ko: '스케일링할 Auto Scaling 그룹' }, nothingToCheck: true });
    const verdicts = groups.map((asg) => ({ asg, how: cpuScaling(graph, asg) }));
    const missing = verdicts.filter((v) => v.how === undefined);
    const tooFast = verdicts.filter((v) => v.how?.fasterThanBasic === true);
    if (missing.length === 0 && tooFast.length > 0) {
      return failWith([
        {
          en: `${tooFast.map((v) => v.asg.id).join(', ')}: CPU alarms with a period under ${BASIC_MONITORING_SECONDS} s, but the launch template keeps basic monitoring, which publishes CPUUtilization every ${BASIC_MONITORING_SECONDS} s: set detailedMonitoring: true on the launch template or use a ${BASIC_MONITORING_SECONDS} s period.`,
          ko: `${tooFast.map((v) => v.asg.id).join(', ')}: CPU 경보의 주기가 ${BASIC_MONITORING_SECONDS}초보다 짧은데 Launch Template은 기본 모니터링이라 CPUUtilization이 ${BASIC_MONITORING_SECONDS}초마다만 들어옵니다. Launch Template에 detailedMonitoring: true를 주거나 주기를 ${BASIC_MONITORING_SECONDS}초로 바꾸세요.`,
          resources: tooFast.map((v) => v.asg.id),
        },
      ]);
    }
    if (missing.length > 0) {
      return failWith([
        {
          en: `${missing.map((v) => v.asg.id).join(', ')} never scales on CPU: no CPU alarm triggers a scaling policy of the group.`,
          ko: `${withParticle(missing.map((v) => v.asg.id).join(', '), '은/는')} CPU로 스케일링하지 않습니다. 그룹의 스케일링 정책을 실행하는 CPU 경보가 없습니다.`,
          resources: missing.map((v) => v.asg.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: {
        en: `Every group scales on CPU: ${verdicts.map((v) => `${v.asg.id} (${v.how!.en})`).join(', ')}.`,
        ko: `모든 그룹이 CPU로 스케일링합니다: ${verdicts.map((v) => `${v.asg.id}(${v.how!.ko})`).join(', ')}.`,
      },
      resources: groups.map((g) => g.id),
    };
  },
};

/** How the group scales on CPU, in words, or undefined when it does not. */
function cpuScaling(graph: ResourceGraph, asg: Resource): { en: string; ko: string; fasterThanBasic?: boolean } | undefined {
  const policies = graph
    .referencing(asg, 'AWS::AutoScaling::ScalingPolicy')
    .filter((policy) => graph.refsIn(graph.prop(policy, 'AutoScalingGroupName')).includes(asg));
  for (const policy of policies) {
    const predefined = stringProp(graph, policy, 'TargetTrackingConfiguration.PredefinedMetricSpecification.PredefinedMetricType');
    const custom = stringProp(graph, policy, 'TargetTrackingConfiguration.CustomizedMetricSpecification.MetricName');
    if (predefined === 'ASGAverageCPUUtilization' || custom === 'CPUUtilization') {
      return { en: 'target tracking, alarms managed by AWS', ko: '대상 추적, AWS가 관리하는 경보' };
    }
  }
  const alarms = graph.ofType('AWS::CloudWatch::Alarm').filter((alarm) => {
    if (stringProp(graph, alarm, 'MetricName') !== 'CPUUtilization') return false;
    const actions = graph.refsIn(graph.prop(alarm, 'AlarmActions'));
    return actions.some((action) => policies.includes(action));
  });
  if (alarms.length === 0) return undefined;
  const fast = alarms.some((alarm) => (numberProp(graph, alarm, 'Period') ?? BASIC_MONITORING_SECONDS) < BASIC_MONITORING_SECONDS);
  const detailed = detailedMonitoring(graph, asg);
  const monitoring = detailed ? { en: ', detailed monitoring', ko: ', 세부 모니터링' } : { en: '', ko: '' };
  return {
    en: `${alarms.length} CPU alarm(s) → step scaling${monitoring.en}`,
    ko: `CPU 경보 ${alarms.length}개 → 단계 스케일링${monitoring.ko}`,
    fasterThanBasic: fast && !detailed,
  };
}

/** Whether the group's launch template turns on detailed (1-minute) monitoring. */
function detailedMonitoring(graph: ResourceGraph, asg: Resource): boolean {
  const templates = [
    ...graph.refsIn(graph.prop(asg, 'LaunchTemplate')),
    ...graph.refsIn(graph.prop(asg, 'MixedInstancesPolicy.LaunchTemplate')),
  ].filter((template) => template.type === 'AWS::EC2::LaunchTemplate');
  return (
    templates.length > 0 && templates.every((template) => booleanProp(graph, template, 'LaunchTemplateData.Monitoring.Enabled') === true)
  );
}
