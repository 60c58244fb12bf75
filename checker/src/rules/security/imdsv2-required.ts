import { launchedFromTemplate, serverDefinitions } from '../../model/queries/compute';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { stringProp } from '../../model/queries/values';
import type { Rule } from '../types';

/** Every launch template, launch configuration and instance requires IMDSv2 (session tokens). */
export const imdsv2Required: Rule = {
  id: 'imdsv2-required',
  area: 'security',
  title: {
    en: 'Every server requires IMDSv2: launch templates, launch configurations and instances',
    ko: '모든 서버가 IMDSv2를 요구한다: Launch Template, 시작 구성, 인스턴스',
  },
  severity: 'high',
  points: 5,
  why: {
    en: "The instance metadata service hands out the server role's credentials. With IMDSv1 a single tricked request (SSRF) from the web app can fetch them; IMDSv2 requires a session token such a request cannot get.",
    ko: '인스턴스 메타데이터 서비스는 서버 역할의 자격 증명을 내줍니다. IMDSv1에서는 웹 앱을 속인 요청 하나(SSRF)로 가져갈 수 있지만, IMDSv2는 그런 요청이 얻을 수 없는 세션 토큰을 요구합니다.',
  },
  fix: {
    en: 'requireImdsv2: true on every ec2.LaunchTemplate and ec2.Instance (CDK writes MetadataOptions.HttpTokens: required).',
    ko: '모든 ec2.LaunchTemplate과 ec2.Instance에 requireImdsv2: true를 주세요(CDK가 MetadataOptions.HttpTokens: required를 씁니다).',
  },
  guide: { lab: 'security-review', section: 'imdsv2' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 보안컨설팅' },
  modes: ['template', 'live'],
  services: ['ec2', 'autoscaling'],
  resourceTypes: ['AWS::EC2::Instance.LaunchTemplate'],
  evaluate({ graph }) {
    const { templates, configurations, instances } = serverDefinitions(graph);
    if (templates.length + configurations.length + instances.length === 0) {
      return absent({ thing: { en: 'servers', ko: '서버' }, nothingToCheck: true });
    }
    const weak = [
      ...templates.filter((lt) => stringProp(graph, lt, 'LaunchTemplateData.MetadataOptions.HttpTokens') !== 'required'),
      ...configurations.filter((lc) => stringProp(graph, lc, 'MetadataOptions.HttpTokens') !== 'required'),
      // An instance follows its launch template's metadata options (checked above); a live instance
      // reports its own; alone in a template it allows IMDSv1.
      ...instances.filter(
        (instance) =>
          !launchedFromTemplate(graph, instance) &&
          (instance.live?.metadataOptions as { HttpTokens?: string } | undefined)?.HttpTokens !== 'required',
      ),
    ];
    if (weak.length > 0) {
      return failWith([
        {
          en: `IMDSv1 is still allowed by ${weak.map((r) => r.id).join(', ')}.`,
          ko: `${withParticle(weak.map((r) => r.id).join(', '), '이/가')} 아직 IMDSv1을 허용합니다.`,
          resources: weak.map((r) => r.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: {
        en: `All ${templates.length + configurations.length + instances.length} server definitions require IMDSv2.`,
        ko: `서버 정의 ${templates.length + configurations.length + instances.length}개가 모두 IMDSv2를 요구합니다.`,
      },
      resources: [...templates, ...configurations].map((r) => r.id),
    };
  },
};
