import { autoScalingFetcher } from './autoscaling';
import { backupFetcher } from './backup';
import { cloudFrontFetcher } from './cloudfront';
import { cloudTrailFetcher } from './cloudtrail';
import { cloudWatchFetcher } from './cloudwatch';
import { ec2Fetcher } from './ec2';
import { elastiCacheFetcher } from './elasticache';
import { elbv2Fetcher } from './elbv2';
import { guardDutyFetcher } from './guardduty';
import { iamFetcher } from './iam';
import { rdsFetcher } from './rds';
import { route53Fetcher } from './route53';
import { s3Fetcher } from './s3';
import { secretsManagerFetcher } from './secretsmanager';
import { ssmFetcher } from './ssm';
import type { Fetcher } from './types';
import { wafv2Fetcher } from './wafv2';

/** One fetcher per AWS service, each owning the CloudFormation types it maps. */
export const FETCHERS: readonly Fetcher[] = [
  ec2Fetcher,
  autoScalingFetcher,
  elbv2Fetcher,
  rdsFetcher,
  elastiCacheFetcher,
  secretsManagerFetcher,
  ssmFetcher,
  s3Fetcher,
  iamFetcher,
  cloudFrontFetcher,
  wafv2Fetcher,
  cloudTrailFetcher,
  cloudWatchFetcher,
  guardDutyFetcher,
  route53Fetcher,
  backupFetcher,
];

/** Stack resource types that describe the deployment rather than the architecture. */
export const IGNORED_TYPES: ReadonlySet<string> = new Set(['AWS::CDK::Metadata']);

/** Every CloudFormation type the live loader maps, looked up or derived. */
export const MAPPED_TYPES: readonly string[] = FETCHERS.flatMap((fetcher) => [...fetcher.types, ...(fetcher.derived ?? [])]);

/** The fetcher that looks up a type by physical id, if any. */
export function fetcherFor(type: string): Fetcher | undefined {
  return FETCHERS.find((fetcher) => fetcher.types.includes(type));
}

/** True when a type is emitted as part of another type's resources. */
export function isDerivedType(type: string): boolean {
  return FETCHERS.some((fetcher) => fetcher.derived?.includes(type));
}
