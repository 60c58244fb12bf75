import type { LocalizedText } from '@workshop/catalog';
import { CannotEvaluate } from '../../model/types';
import type { ResourceGraph } from '../../model/graph';
import { cloudfrontGeoRestriction } from '../cdn/cloudfront-geo-restriction';
import { cloudfrontHttpsRedirect } from '../cdn/cloudfront-https-redirect';
import { cpuAlarmsDriveScaling } from '../monitoring/cpu-alarms-drive-scaling';
import { databaseSubnetNacl } from '../network/database-subnet-nacl';
import { vpcFlowLogs } from '../network/vpc-flow-logs';
import { failWith } from '../problems';
import type { NagFinding, Rule, RuleMeta } from '../types';
import { bastionRestrictedSsh } from './bastion-restricted-ssh';
import { cloudtrailMultiRegionValidated } from './cloudtrail-multi-region-validated';
import { encryptionAtRest } from './encryption-at-rest';
import { noOpenIngress } from './no-open-ingress';
import { wafManagedRules } from './waf-managed-rules';

/** The checker rule that teaches what each AwsSolutions rule family asks for: its guide section is the finding's. */
const TAUGHT_BY: ReadonlyArray<[RegExp, Pick<RuleMeta, 'guide'>]> = [
  [/^AwsSolutions-VPC7$/, vpcFlowLogs],
  [/^AwsSolutions-VPC3$/, databaseSubnetNacl],
  [/^AwsSolutions-EC23$/, noOpenIngress],
  [/^AwsSolutions-EC2[67]$/, encryptionAtRest],
  [/^AwsSolutions-EC2[89]$/, bastionRestrictedSsh],
  [/^AwsSolutions-(S1|ELB2|CFR3)$/, cloudtrailMultiRegionValidated],
  [/^AwsSolutions-(S10|CFR4|CFR5)$/, cloudfrontHttpsRedirect],
  [/^AwsSolutions-(RDS\d+|S\d+|SMG4)$/, encryptionAtRest],
  [/^AwsSolutions-AS\d+$/, cpuAlarmsDriveScaling],
  [/^AwsSolutions-CFR1$/, cloudfrontGeoRestriction],
  [/^AwsSolutions-CFR2$/, wafManagedRules],
];

/** The guide section for a finding id, "lab#anchor" (default: the cdk-nag section of the security review). */
export function guideSectionFor(id: string): string {
  const family = id.replace(/\[.*\]$/, '');
  const { guide } = TAUGHT_BY.find(([pattern]) => pattern.test(family))?.[1] ?? cdkNagAwsSolutions;
  return `${guide.lab}#${guide.section}`;
}

/** A finding with the reason the template gives for accepting it, when it does. */
interface JudgedFinding extends NagFinding {
  readonly reason?: string;
}

/**
 * The reason a resource's `cdk_nag.rules_to_suppress` metadata gives for a finding: an entry with
 * the exact finding id, or (cdk-nag v2 style) the rule id with the finding in `applies_to`, or the
 * rule id alone. An entry without a written reason does not count.
 */
function acknowledgement(graph: ResourceGraph, resourceId: string, findingId: string): string | undefined {
  const entries = (graph.get(resourceId)?.metadata?.cdk_nag as { rules_to_suppress?: unknown[] } | undefined)?.rules_to_suppress ?? [];
  const [, rule, detail] = /^([^[]+)(?:\[(.*)\])?$/.exec(findingId) ?? [];
  for (const entry of entries) {
    const { id, reason, applies_to: appliesTo } = (entry ?? {}) as { id?: unknown; reason?: unknown; applies_to?: unknown };
    if (typeof reason !== 'string' || reason.trim() === '') continue;
    const scoped = Array.isArray(appliesTo)
      ? appliesTo.some((item) => item === detail || (item as { regex?: unknown })?.regex !== undefined)
      : true;
    if (id === findingId || (id === rule && scoped)) return reason.trim();
  }
  return undefined;
}

/** cdk-nag's AwsSolutions pack finds nothing that is not acknowledged with a written reason. */
export const cdkNagAwsSolutions: Rule = {
  id: 'cdk-nag-aws-solutions',
  area: 'security',
  title: {
    en: "cdk-nag's AwsSolutions checks find nothing that is not acknowledged with a written reason",
    ko: 'cdk-nag의 AwsSolutions 검사 결과 중 사유를 적어 승인하지 않은 것이 없다',
  },
  severity: 'medium',
  points: 10,
  why: {
    en: 'A security review ends with a list of accepted risks: every AwsSolutions finding is either fixed or acknowledged with the reason it is acceptable, so the next reviewer reads the decision instead of rediscovering it.',
    ko: '보안 리뷰는 받아들인 위험의 목록으로 끝납니다. AwsSolutions의 모든 지적은 고치거나, 받아들일 수 있는 이유를 적어 승인합니다. 그래야 다음 리뷰어가 같은 것을 다시 찾지 않고 결정을 읽습니다.',
  },
  fix: {
    en: "Fix the finding, or record it on the resource with its reason: resource.addMetadata('cdk_nag', { rules_to_suppress: [{ id: 'AwsSolutions-EC28', reason: '...' }] }) (the lab's acknowledgeNag helper), which is what cdk-nag writes for Validations.of(x).acknowledge() with writeSuppressionsToCloudFormation.",
    ko: "지적을 고치거나, 리소스에 사유와 함께 기록하세요: resource.addMetadata('cdk_nag', { rules_to_suppress: [{ id: 'AwsSolutions-EC28', reason: '...' }] })(실습의 acknowledgeNag 도우미). cdk-nag도 writeSuppressionsToCloudFormation을 켜면 Validations.of(x).acknowledge()를 이렇게 씁니다.",
  },
  guide: { lab: 'security-review', section: 'cdk-nag' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 보안컨설팅' },
  modes: ['template'],
  services: [],
  analyses: ['cdkNag'],
  evaluate({ graph, analyses }) {
    const prepared = analyses.cdkNag;
    if (prepared === undefined) throw new CannotEvaluate("cdk-nag's analysis was not prepared");
    if ('error' in prepared) throw new CannotEvaluate(`cdk-nag could not run: ${prepared.error}`);
    const findings: JudgedFinding[] = prepared.map((finding) => {
      const reason = acknowledgement(graph, finding.resource, finding.id);
      return reason === undefined ? finding : { ...finding, reason };
    });
    const open = findings.filter((finding) => finding.reason === undefined);
    const accepted = findings.filter((finding) => finding.reason !== undefined);
    const acceptedText: LocalizedText = {
      en:
        accepted.length > 0
          ? `Acknowledged (${accepted.length}): ${accepted.map((f) => `${f.id} on ${f.resource}: "${f.reason}"`).join('; ')}.`
          : '',
      ko:
        accepted.length > 0
          ? `승인됨(${accepted.length}): ${accepted.map((f) => `${f.resource}의 ${f.id}: "${f.reason}"`).join('; ')}.`
          : '',
    };
    if (open.length > 0) {
      return failWith(
        open.map((f) => ({
          en: `${f.id} on ${f.resource} has no written reason (${f.description} See ${guideSectionFor(f.id)}).`,
          ko: `${f.resource}의 ${f.id}에 사유가 없습니다(${f.description} 참고: ${guideSectionFor(f.id)}).`,
          resources: [f.resource],
        })),
        acceptedText,
      );
    }
    return {
      status: 'PASS',
      message: {
        en: `No open AwsSolutions finding.${accepted.length > 0 ? ` ${acceptedText.en}` : ''}`,
        ko: `남은 AwsSolutions 지적이 없습니다.${accepted.length > 0 ? ` ${acceptedText.ko}` : ''}`,
      },
      resources: [...new Set(accepted.map((f) => f.resource))],
    };
  },
};
