import type { ResourceGraph } from '../../model/graph';
import { stringProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

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
    en: "The review's first question: CloudWatch watches the servers' CPU, an alarm fires past the threshold, and the scaling policy it triggers starts or stops servers; without it the group never grows during a sale.",
    ko: '리뷰의 첫 질문입니다. CloudWatch가 서버 CPU를 지켜보다가 임계치를 넘으면 경보가 울리고, 그 경보가 실행하는 스케일링 정책이 서버를 늘리거나 줄입니다. 이것이 없으면 할인 행사 때도 그룹이 커지지 않습니다.',
  },
  fix: {
    en: "asg.scaleOnMetric('Cpu', { metric: CPUUtilization of the group, scalingSteps: [...] }) (alarms you can see) or asg.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 }) (alarms AWS manages).",
    ko: "asg.scaleOnMetric('Cpu', { metric: 그룹의 CPUUtilization, scalingSteps: [...] })(눈에 보이는 경보)나 asg.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 })(AWS가 관리하는 경보)를 쓰세요.",
  },
  guide: { lab: 'security-review', section: 'cloudwatch-alarms' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: CloudWatch를 넣은 이유? 임계치를 CloudWatch로 볼 수 있는가?' },
  modes: ['template', 'live'],
  services: ['autoscaling', 'cloudwatch'],
  evaluate({ graph }) {
    const groups = graph.ofType('AWS::AutoScaling::AutoScalingGroup');
    if (groups.length === 0)
      return { status: 'SKIP', message: { en: 'No Auto Scaling group to scale.', ko: '스케일링할 Auto Scaling 그룹이 없습니다.' } };
    const verdicts = groups.map((asg) => ({ asg, how: cpuScaling(graph, asg) }));
    const missing = verdicts.filter((v) => v.how === undefined);
    if (missing.length > 0) {
      return {
        status: 'FAIL',
        message: {
          en: `${missing.map((v) => v.asg.id).join(', ')} never scales on CPU: no CPU alarm triggers a scaling policy of the group.`,
          ko: `${missing.map((v) => v.asg.id).join(', ')}은 CPU로 스케일링하지 않습니다. 그룹의 스케일링 정책을 실행하는 CPU 경보가 없습니다.`,
        },
        resources: missing.map((v) => v.asg.id),
      };
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
function cpuScaling(graph: ResourceGraph, asg: Resource): { en: string; ko: string } | undefined {
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
  if (alarms.length > 0) return { en: `${alarms.length} CPU alarm(s) → step scaling`, ko: `CPU 경보 ${alarms.length}개 → 단계 스케일링` };
  return undefined;
}
