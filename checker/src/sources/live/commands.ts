/**
 * Every AWS API call the live loader can make: the one list that makes live mode read-only by
 * construction. The caller (caller.ts) refuses any command not listed here, `checker iam-policy`
 * prints the least-privilege policy generated from it, and commands.test.ts fails on any command
 * whose name does not start with Describe, List or Get.
 *
 * Calls that read secrets or data (secretsmanager:GetSecretValue, s3:GetObject, ...) are never
 * listed: the checker reads configuration, not content. commands.test.ts also scans the checker's
 * sources for every SDK command they import and fails on any that is not listed here. The one
 * documented exception is credential acquisition: `checker grade` assumes a learner's role through
 * the SDK's credential provider (sts:AssumeRole), which obtains credentials and reads no resource.
 */

import { SERVICES, type Service } from '../../model/services';

/** One SDK command the loader may send, with the IAM actions it needs. */
export interface LiveCommand {
  readonly service: LiveService;
  /** SDK command name without the `Command` suffix, e.g. "DescribeVpcs". */
  readonly command: string;
  /** IAM actions the call needs, e.g. ["ec2:DescribeVpcs"]. */
  readonly iamActions: readonly string[];
}

/**
 * IAM action names that differ from the SDK command name. Everything else maps
 * `<prefix>:<Command>` one to one.
 */
export const IAM_ACTION_EXCEPTIONS: Readonly<Record<string, string>> = {
  's3:ListObjectsV2': 's3:ListBucket',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3:GetBucketReplication': 's3:GetReplicationConfiguration',
  's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3:ListBucketIntelligentTieringConfigurations': 's3:GetIntelligentTieringConfiguration',
};

/** Every command the loader may send, per service: the services listed here are the live loader's. */
const COMMANDS = {
  // The account of a live check, for grading fingerprints (grading/submission.ts); needs no permission.
  sts: ['GetCallerIdentity'],
  cloudformation: ['ListStackResources', 'DescribeStacks'],
  ec2: [
    'DescribeVpcs',
    'DescribeVpcAttribute',
    'DescribeSubnets',
    'DescribeRouteTables',
    'DescribeInternetGateways',
    'DescribeNatGateways',
    'DescribeSecurityGroups',
    'DescribeNetworkAcls',
    'DescribeVpcEndpoints',
    'DescribeFlowLogs',
    'DescribeInstances',
    'DescribeVolumes',
    'DescribeLaunchTemplates',
    'DescribeLaunchTemplateVersions',
  ],
  autoscaling: ['DescribeAutoScalingGroups', 'DescribePolicies', 'DescribeScheduledActions'],
  elbv2: ['DescribeLoadBalancers', 'DescribeLoadBalancerAttributes', 'DescribeListeners', 'DescribeTargetGroups'],
  rds: ['DescribeDBInstances', 'DescribeDBSubnetGroups', 'DescribeDBProxies', 'DescribeDBProxyTargets'],
  elasticache: ['DescribeReplicationGroups', 'DescribeServerlessCaches', 'DescribeCacheClusters', 'DescribeCacheSubnetGroups'],
  secretsmanager: ['DescribeSecret'],
  // GetParameters reads String and StringList values only, never with decryption: no SecureString value.
  ssm: ['DescribeParameters', 'GetParameters'],
  backup: ['GetBackupPlan', 'ListBackupSelections', 'GetBackupSelection', 'ListBackupVaults'],
  s3: [
    'GetBucketWebsite',
    'GetPublicAccessBlock',
    'GetBucketEncryption',
    'GetBucketVersioning',
    'GetBucketPolicy',
    'GetBucketReplication',
    'GetBucketLifecycleConfiguration',
    'ListBucketIntelligentTieringConfigurations',
    'ListObjectsV2',
  ],
  iam: ['GetRole', 'ListRolePolicies', 'GetRolePolicy', 'ListAttachedRolePolicies', 'GetInstanceProfile'],
  cloudfront: ['GetDistribution'],
  wafv2: ['GetWebACL', 'ListResourcesForWebACL'],
  cloudtrail: ['DescribeTrails', 'GetTrailStatus'],
  cloudwatch: ['DescribeAlarms'],
  guardduty: ['GetDetector'],
  route53: ['GetHostedZone', 'ListResourceRecordSets', 'GetHealthCheck'],
} as const satisfies Readonly<Partial<Record<Service, readonly string[]>>>;

/** The AWS services the live loader talks to: those the list gives commands to (each has an SDK client, see sdk.ts). */
export type LiveService = keyof typeof COMMANDS;

/** The IAM action an SDK command needs. */
export function iamActionFor(service: LiveService, command: string): string {
  const direct = `${SERVICES[service].iamPrefix}:${command}`;
  return IAM_ACTION_EXCEPTIONS[direct] ?? direct;
}

/** Every command the live loader can send, in a stable order. */
export const LIVE_COMMANDS: readonly LiveCommand[] = (Object.keys(COMMANDS) as LiveService[]).flatMap((service) =>
  COMMANDS[service].map((command) => ({ service, command, iamActions: [iamActionFor(service, command)] })),
);

const ALLOWED = new Map(LIVE_COMMANDS.map((entry) => [`${entry.service}:${entry.command}`, entry]));

/** The list entry for a command, or undefined when the loader may not send it. */
export function liveCommand(service: LiveService, command: string): LiveCommand | undefined {
  return ALLOWED.get(`${service}:${command}`);
}
