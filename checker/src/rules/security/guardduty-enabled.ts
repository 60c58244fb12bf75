import { withParticle } from '../korean';
import { failWith } from '../problems';
import { booleanProp } from '../../model/queries/values';
import type { Rule } from '../types';

/** A GuardDuty detector is enabled. */
export const guarddutyEnabled: Rule = {
  id: 'guardduty-enabled',
  area: 'security',
  title: { en: 'GuardDuty is enabled in the Region', ko: '리전에서 GuardDuty가 켜져 있다' },
  severity: 'medium',
  points: 5,
  why: {
    en: 'GuardDuty reads CloudTrail, VPC flow logs and DNS logs on its own and flags threats (crypto-mining, stolen credentials, port scans) that no single rule would notice; it needs no agent.',
    ko: 'GuardDuty는 CloudTrail, VPC Flow Logs, DNS 로그를 스스로 읽어 규칙 하나로는 알아채지 못할 위협(암호화폐 채굴, 자격 증명 탈취, 포트 스캔)을 찾아냅니다. 에이전트도 필요 없습니다.',
  },
  fix: {
    en: "new guardduty.CfnDetector(this, 'GuardDuty', { enable: true }) (one per account and Region: skip it if the account already has one).",
    ko: "new guardduty.CfnDetector(this, 'GuardDuty', { enable: true })를 만드세요(계정·리전마다 하나이므로 이미 있으면 건너뛰세요).",
  },
  guide: { lab: 'security-review', section: 'guardduty' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: AWS에 대한 보안 컨설팅' },
  modes: ['template', 'live'],
  services: ['guardduty'],
  evaluate({ graph }) {
    const detectors = graph.ofType('AWS::GuardDuty::Detector');
    const enabled = detectors.filter((detector) => booleanProp(graph, detector, 'Enable') === true);
    if (enabled.length > 0) {
      return {
        status: 'PASS',
        message: {
          en: `GuardDuty detector ${enabled[0].id} is enabled.`,
          ko: `GuardDuty 탐지기 ${withParticle(enabled[0].id, '이/가')} 켜져 있습니다.`,
        },
        resources: enabled.map((d) => d.id),
      };
    }
    return failWith([
      {
        ...(detectors.length > 0
          ? {
              en: `GuardDuty detector ${detectors[0].id} is disabled.`,
              ko: `GuardDuty 탐지기 ${withParticle(detectors[0].id, '이/가')} 꺼져 있습니다.`,
            }
          : { en: 'No GuardDuty detector.', ko: 'GuardDuty 탐지기가 없습니다.' }),
        resources: detectors.map((d) => d.id),
      },
    ]);
  },
};
