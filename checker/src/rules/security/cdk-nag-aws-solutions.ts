import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import type { Rule } from '../types';
import { graphToTemplate } from './nag-template';

/** One cdk-nag finding on one resource. */
export interface NagFinding {
  /** The finding id, e.g. "AwsSolutions-EC28" or "AwsSolutions-IAM5[Action::s3:*]". */
  readonly id: string;
  readonly resource: string;
  readonly description: string;
  /** The written reason when the template acknowledges the finding. */
  readonly reason?: string;
}

/** Guide sections (lab and anchor) that teach each AwsSolutions rule family. */
const GUIDE_SECTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^AwsSolutions-VPC7$/, 'security-review#flow-logs'],
  [/^AwsSolutions-VPC3$/, 'security-review#nacl-vs-security-group'],
  [/^AwsSolutions-EC23$/, 'security-review#open-ingress'],
  [/^AwsSolutions-EC2[67]$/, 'security-review#encryption-at-rest'],
  [/^AwsSolutions-EC2[89]$/, 'security-review#bastion'],
  [/^AwsSolutions-(S1|ELB2|CFR3)$/, 'security-review#cloudtrail'],
  [/^AwsSolutions-(S10|CFR4|CFR5)$/, 'cloudfront-cdn#https-redirect'],
  [/^AwsSolutions-(RDS\d+|S\d+|SMG4)$/, 'security-review#encryption-at-rest'],
  [/^AwsSolutions-AS\d+$/, 'security-review#cloudwatch-alarms'],
  [/^AwsSolutions-CFR1$/, 'cloudfront-cdn#geo-restriction'],
  [/^AwsSolutions-CFR2$/, 'security-review#waf'],
];

/** The guide section for a finding id (default: the cdk-nag section of the security review). */
export function guideSectionFor(id: string): string {
  const rule = id.replace(/\[.*\]$/, '');
  return GUIDE_SECTIONS.find(([pattern]) => pattern.test(rule))?.[1] ?? 'security-review#cdk-nag';
}

/** Runs cdk-nag's AwsSolutions pack over the graph's template and matches its cdk_nag suppressions. */
export function awsSolutionsFindings(graph: ResourceGraph): NagFinding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-nag-'));
  try {
    const file = path.join(dir, 'template.json');
    fs.writeFileSync(file, JSON.stringify(graphToTemplate(graph)));
    // Loaded here, not at the top: aws-cdk-lib and cdk-nag cost every other check about 0.2 s to load.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { App, Stack } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
    const { CfnInclude } = require('aws-cdk-lib/cloudformation-include') as typeof import('aws-cdk-lib/cloudformation-include');
    const { AwsSolutionsChecks } = require('cdk-nag') as typeof import('cdk-nag');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const stack = new Stack(new App({ outdir: dir }), 'Checked');
    new CfnInclude(stack, 'Template', { templateFile: file });
    const report = new AwsSolutionsChecks().validateScope(stack);
    return report.violations.flatMap((violation) =>
      violation.violatingResources.map((violating) => {
        const resource = violating.constructPath?.split('/').pop() ?? violating.resourceLogicalId ?? 'unknown resource';
        const reason = acknowledgement(graph, resource, violation.ruleName);
        return { id: violation.ruleName, resource, description: violation.description, ...(reason !== undefined && { reason }) };
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
  evaluate({ graph }) {
    const findings = awsSolutionsFindings(graph);
    const open = findings.filter((finding) => finding.reason === undefined);
    const accepted = findings.filter((finding) => finding.reason !== undefined);
    const acceptedText: LocalizedText = {
      en:
        accepted.length > 0
          ? ` Acknowledged (${accepted.length}): ${accepted.map((f) => `${f.id} on ${f.resource}: "${f.reason}"`).join('; ')}.`
          : '',
      ko:
        accepted.length > 0
          ? ` 승인됨(${accepted.length}): ${accepted.map((f) => `${f.resource}의 ${f.id}: "${f.reason}"`).join('; ')}.`
          : '',
    };
    if (open.length > 0) {
      return {
        status: 'FAIL',
        message: {
          en: `${open.length} finding(s) without a written reason: ${open.map((f) => `${f.id} on ${f.resource} (${f.description} See ${guideSectionFor(f.id)})`).join('; ')}.${acceptedText.en}`,
          ko: `사유 없는 지적 ${open.length}개: ${open.map((f) => `${f.resource}의 ${f.id}(${f.description} 참고: ${guideSectionFor(f.id)})`).join('; ')}.${acceptedText.ko}`,
        },
        resources: [...new Set(open.map((f) => f.resource))],
      };
    }
    return {
      status: 'PASS',
      message: {
        en: `No open AwsSolutions finding.${acceptedText.en}`,
        ko: `남은 AwsSolutions 지적이 없습니다.${acceptedText.ko}`,
      },
      resources: [...new Set(accepted.map((f) => f.resource))],
    };
  },
};
