import type { LocalizedText } from '@workshop/catalog';
import { capabilities } from '@workshop/local/src/capabilities';
import { ALL_SERVICES, SERVICES, type Service } from '../../../model/services';
import type { RuleNeeds } from '../../../model/source';

/** Which kind of target a live check runs against (the report's `source.target`). */
export type TargetId = 'aws' | 'localstack-free' | 'localstack-paid' | 'emulator';

/** What a live target can do: the services whose resources it creates and answers for. */
export interface TargetProfile {
  readonly id: TargetId;
  /** In words, for messages: "real AWS", "LocalStack 4.14.0 (community)", "moto server". */
  readonly name: string;
  /** The endpoint URL for local targets. */
  readonly endpoint?: string;
  /** Services the target emulates well enough for live checks. */
  readonly services: readonly Service[];
  /** The target's version when it says. */
  readonly version?: string;
  /** CloudFormation types the target's CloudFormation does not create although it emulates their service. */
  readonly unsupportedResourceTypes?: readonly string[];
}

/** LocalStack Community (free): TOOLCHAIN.md, measured against localstack 4.14.0. */
export const LOCALSTACK_FREE_SERVICES: readonly Service[] = ['ec2', 's3', 'iam', 'secretsmanager', 'route53', 'cloudwatch', 'logs', 'kms'];

/** LocalStack paid plans: Base adds Auto Scaling, ELB, RDS, CloudFront; Ultimate adds CloudTrail and WAF. No plan emulates GuardDuty. */
export const LOCALSTACK_PAID_SERVICES: readonly Service[] = [
  ...LOCALSTACK_FREE_SERVICES,
  'autoscaling',
  'elbv2',
  'rds',
  'cloudfront',
  'cloudtrail',
  'wafv2',
];

/**
 * The embedded emulator (moto server with the workshop's CloudFormation corrections): the rule services it
 * emulates, from the local tool's capability table (tools/local/src/emulator-capabilities.json).
 */
export const MOTO_SERVICES: readonly Service[] = ALL_SERVICES.filter((service) => capabilities.emulator.checkerServices.includes(service));

/** Types (or `Type.Property`) the emulator's CloudFormation still does not create or apply (the same table, with reasons). */
export const MOTO_UNSUPPORTED_TYPES: readonly string[] = capabilities.emulator.unsupported.map((gap) => gap.type);

/** Real AWS: everything. */
export const AWS_PROFILE: TargetProfile = { id: 'aws', name: 'real AWS', services: ALL_SERVICES };

/** The first service a rule reads that the target does not emulate. */
export function missingService(profile: TargetProfile, rule: Pick<RuleNeeds, 'services'>): Service | undefined {
  return rule.services.find((service) => !profile.services.includes(service));
}

/** The first resource type (or `Type.Property`) a rule needs that the target's CloudFormation does not create (or apply). */
export function missingResourceType(profile: TargetProfile, rule: RuleNeeds): string | undefined {
  return rule.resourceTypes?.find((type) => profile.unsupportedResourceTypes?.includes(type));
}

/**
 * Why a rule is SKIP on this target, or undefined when the target emulates every service the rule
 * reads (and creates every resource type it declares in an optional `resourceTypes`). English and
 * Korean; `labId` fills in the template-mode command.
 */
export function skipReason(profile: TargetProfile, rule: RuleNeeds, labId = '<lab>'): LocalizedText | undefined {
  const service = missingService(profile, rule);
  const type = service ? undefined : missingResourceType(profile, rule);
  if (!service && !type) return undefined;
  const [typeName, property] = (type ?? '').split('.');
  const gap = service
    ? `does not emulate ${SERVICES[service].name}`
    : property
      ? `does not apply the ${property} property of ${typeName}`
      : `does not create ${type} resources`;
  const gapKo = service
    ? `${SERVICES[service].name}을(를) 에뮬레이트하지 않습니다`
    : property
      ? `${typeName}의 ${property} 속성을 적용하지 않습니다`
      : `${type} 리소스를 만들지 않습니다`;
  return {
    en: `SKIP: ${profile.name} ${gap}; check this rule in template mode (\`checker check ${labId}\`) or on real AWS`,
    ko: `SKIP: ${profile.name}은(는) ${gapKo}. 이 규칙은 템플릿 모드(\`checker check ${labId}\`)나 실제 AWS에서 확인하세요`,
  };
}
