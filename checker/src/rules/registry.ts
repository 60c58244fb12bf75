import type { Rule } from './types';

/**
 * Every rule the checker knows, in report order: its id and its area, the folder its file is in
 * (rules/<area>/<id>.ts). A rule's module loads when something asks for the rule, so a check loads
 * its lab's rules and never the other labs'.
 */
const AREAS: Readonly<Record<string, string>> = {
  'onprem-load-balancer-server': 'onprem',
  'onprem-web-app-servers': 'onprem',
  'onprem-database-server': 'onprem',
  'onprem-architecture-review': 'onprem',
  'vpc-cidr': 'network',
  'subnets-span-two-azs': 'network',
  'public-subnets-route-to-igw': 'network',
  'private-subnets-no-igw-route': 'network',
  'nat-gateway-per-az': 'network',
  'alb-internet-facing-multi-az': 'compute',
  'asg-private-multi-az': 'compute',
  'security-group-chain': 'network',
  'rds-private': 'database',
  'rds-credentials-in-secrets-manager': 'database',
  'route53-alias-to-alb': 'dns',
  'rds-multi-az': 'database',
  'rds-backups-retained': 'database',
  'rds-storage-encrypted': 'database',
  'rds-read-replica-private': 'database',
  's3-website-hosting': 'storage',
  's3-website-content': 'storage',
  'media-bucket-private': 'storage',
  's3-gateway-endpoint': 'network',
  's3-endpoint-serves-private-route-tables': 'network',
  'media-bucket-requires-endpoint': 'storage',
  'app-role-media-access': 'storage',
  'cloudfront-static-origin': 'cdn',
  'cloudfront-api-behavior': 'cdn',
  'cloudfront-https-redirect': 'cdn',
  'cloudfront-cache-policies': 'cdn',
  'cloudfront-compression': 'cdn',
  'cloudfront-origin-not-public': 'cdn',
  'cloudfront-geo-restriction': 'cdn',
  'route53-alias-to-cloudfront': 'cdn',
  'bastion-restricted-ssh': 'security',
  'bastion-reaches-app-only': 'security',
  'web-tier-private': 'network',
  'database-subnet-nacl': 'network',
  'waf-managed-rules': 'security',
  'cloudtrail-multi-region-validated': 'security',
  'cpu-alarms-drive-scaling': 'monitoring',
  'imdsv2-required': 'security',
  'encryption-at-rest': 'security',
  'no-open-ingress': 'security',
  'vpc-flow-logs': 'network',
  'guardduty-enabled': 'security',
  'cdk-nag-aws-solutions': 'security',
  'cache-multi-az-failover': 'cache',
  'cache-encryption': 'cache',
  'cache-private-app-only': 'cache',
  'app-read-path-configured': 'cache',
  'event-scheduled-scaling': 'compute',
  'rds-proxy-private': 'database',
  'backup-plan-daily-retained': 'backup',
  'backup-copy-to-second-region': 'backup',
  'backup-selection-covers-data': 'backup',
  'media-bucket-replicated': 'storage',
  'media-noncurrent-lifecycle': 'storage',
  'recovery-objectives-declared': 'backup',
  'cloudfront-media-behavior': 'cdn',
  'media-lifecycle-tiering': 'storage',
  'second-region-serving-tier': 'compute',
  'route53-latency-health-checked': 'dns',
  'cross-region-read-replica': 'database',
};

/** Every rule id, in report order. */
export const ruleIds: readonly string[] = Object.keys(AREAS);

const loaded = new Map<string, Rule>();

/** The rule with this id, loaded from rules/<area>/<id>.ts on first use; undefined for an id the checker does not define. */
export function loadRule(id: string): Rule | undefined {
  if (!Object.hasOwn(AREAS, id)) return undefined;
  let rule = loaded.get(id);
  if (!rule) {
    // A require at the point of use: the module that defines one rule loads only when that rule is wanted.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(`./${AREAS[id]}/${id}`) as Record<string, unknown>;
    rule = Object.values(exports).find((value): value is Rule => (value as Rule | undefined)?.id === id);
    if (!rule) throw new Error(`rules/${AREAS[id]}/${id}.ts exports no rule with the id ${id}`);
    loaded.set(id, rule);
  }
  return rule;
}

/** The rules a lab checks that the checker defines, in the lab's order (an id it does not define is left out; the engine reports it). */
export function labRules(lab: { readonly checks: readonly string[] }): Rule[] {
  return lab.checks.flatMap((id) => loadRule(id) ?? []);
}

/** Every rule, in report order (loads them all). */
export function allRules(): Rule[] {
  return ruleIds.map((id) => loadRule(id)!);
}
