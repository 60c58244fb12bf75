import { absent } from '../absent';
import { failWith } from '../problems';
import { vpcs } from '../../model/queries/network';
import { stringProp } from '../../model/queries/values';
import type { Rule } from '../types';

/** Every VPC records its traffic with flow logs. */
export const vpcFlowLogs: Rule = {
  id: 'vpc-flow-logs',
  area: 'network',
  title: { en: 'Every VPC records its traffic with VPC flow logs', ko: '모든 VPC가 VPC Flow Logs로 트래픽을 기록한다' },
  severity: 'medium',
  points: 5,
  why: {
    en: 'Flow logs keep one line per connection, accepted or rejected: the evidence for what a compromised server talked to, and one of the sources GuardDuty reads.',
    ko: 'Flow Logs는 허용·거부된 연결마다 한 줄씩 남깁니다. 뚫린 서버가 어디와 통신했는지 보여 주는 증거이고, GuardDuty가 읽는 자료이기도 합니다.',
  },
  fix: {
    en: "vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup), trafficType: ec2.FlowLogTrafficType.ALL }).",
    ko: "vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup), trafficType: ec2.FlowLogTrafficType.ALL })를 추가하세요.",
  },
  guide: { lab: 'security-review', section: 'flow-logs' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: VPC에 대한 보안 컨설팅' },
  modes: ['template', 'live'],
  services: ['ec2', 'logs'],
  evaluate({ graph }) {
    const all = vpcs(graph);
    if (all.length === 0) return absent({ thing: { en: 'VPC', ko: 'VPC' }, nothingToCheck: true });
    const flowLogs = graph.ofType('AWS::EC2::FlowLog');
    const missing = all.filter((vpc) => !flowLogs.some((log) => graph.refsIn(graph.prop(log, 'ResourceId')).includes(vpc)));
    if (missing.length > 0) {
      return failWith([
        {
          en: `VPC ${missing.map((v) => v.id).join(', ')} keeps no flow logs.`,
          ko: `VPC ${missing.map((v) => v.id).join(', ')}에 Flow Logs가 없습니다.`,
          resources: missing.map((v) => v.id),
        },
      ]);
    }
    const described = flowLogs.map(
      (log) => `${stringProp(graph, log, 'TrafficType') ?? 'ALL'} → ${stringProp(graph, log, 'LogDestinationType') ?? 'cloud-watch-logs'}`,
    );
    return {
      status: 'PASS',
      message: {
        en: `Flow logs record the VPC traffic (${described.join(', ')}).`,
        ko: `Flow Logs가 VPC 트래픽을 기록합니다(${described.join(', ')}).`,
      },
      resources: flowLogs.map((log) => log.id),
    };
  },
};
