/** What the checker needs to know of one AWS service. */
export interface ServiceInfo {
  /** Its name in messages, e.g. "Amazon EC2". */
  readonly name: string;
  /** The prefix of its IAM actions, e.g. "elasticloadbalancing" for ELBv2. */
  readonly iamPrefix: string;
}

/**
 * Every AWS service the checker names, in a stable order: those rules read (a target that does not
 * emulate one makes the rule SKIP, never FAIL) and those only the live loader calls (STS,
 * CloudFormation). The live loader's own list is the subset its allow-list gives commands to
 * (sources/live/commands.ts).
 */
export const SERVICES = {
  ec2: { name: 'Amazon EC2', iamPrefix: 'ec2' },
  elbv2: { name: 'Elastic Load Balancing', iamPrefix: 'elasticloadbalancing' },
  autoscaling: { name: 'EC2 Auto Scaling', iamPrefix: 'autoscaling' },
  rds: { name: 'Amazon RDS', iamPrefix: 'rds' },
  elasticache: { name: 'Amazon ElastiCache', iamPrefix: 'elasticache' },
  ssm: { name: 'AWS Systems Manager Parameter Store', iamPrefix: 'ssm' },
  backup: { name: 'AWS Backup', iamPrefix: 'backup' },
  secretsmanager: { name: 'AWS Secrets Manager', iamPrefix: 'secretsmanager' },
  route53: { name: 'Amazon Route 53', iamPrefix: 'route53' },
  s3: { name: 'Amazon S3', iamPrefix: 's3' },
  iam: { name: 'AWS IAM', iamPrefix: 'iam' },
  cloudfront: { name: 'Amazon CloudFront', iamPrefix: 'cloudfront' },
  wafv2: { name: 'AWS WAF', iamPrefix: 'wafv2' },
  cloudtrail: { name: 'AWS CloudTrail', iamPrefix: 'cloudtrail' },
  cloudwatch: { name: 'Amazon CloudWatch', iamPrefix: 'cloudwatch' },
  logs: { name: 'CloudWatch Logs', iamPrefix: 'logs' },
  guardduty: { name: 'Amazon GuardDuty', iamPrefix: 'guardduty' },
  kms: { name: 'AWS KMS', iamPrefix: 'kms' },
  sts: { name: 'AWS STS', iamPrefix: 'sts' },
  cloudformation: { name: 'AWS CloudFormation', iamPrefix: 'cloudformation' },
} as const satisfies Readonly<Record<string, ServiceInfo>>;

/** An AWS service the checker names (a key of {@link SERVICES}). */
export type Service = keyof typeof SERVICES;

/** Every service, in the order of {@link SERVICES}. */
export const ALL_SERVICES = Object.keys(SERVICES) as readonly Service[];
