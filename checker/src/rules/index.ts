import { cpuAlarmsDriveScaling } from './monitoring/cpu-alarms-drive-scaling';
import { databaseSubnetNacl } from './network/database-subnet-nacl';
import { vpcFlowLogs } from './network/vpc-flow-logs';
import { webTierPrivate } from './network/web-tier-private';
import { bastionReachesAppOnly } from './security/bastion-reaches-app-only';
import { bastionRestrictedSsh } from './security/bastion-restricted-ssh';
import { cdkNagAwsSolutions } from './security/cdk-nag-aws-solutions';
import { cloudtrailMultiRegionValidated } from './security/cloudtrail-multi-region-validated';
import { encryptionAtRest } from './security/encryption-at-rest';
import { guarddutyEnabled } from './security/guardduty-enabled';
import { imdsv2Required } from './security/imdsv2-required';
import { noOpenIngress } from './security/no-open-ingress';
import { wafManagedRules } from './security/waf-managed-rules';
import { cloudfrontApiBehavior } from './cdn/cloudfront-api-behavior';
import { cloudfrontCachePolicies } from './cdn/cloudfront-cache-policies';
import { cloudfrontCompression } from './cdn/cloudfront-compression';
import { cloudfrontGeoRestriction } from './cdn/cloudfront-geo-restriction';
import { cloudfrontHttpsRedirect } from './cdn/cloudfront-https-redirect';
import { cloudfrontOriginNotPublic } from './cdn/cloudfront-origin-not-public';
import { cloudfrontStaticOrigin } from './cdn/cloudfront-static-origin';
import { route53AliasToCloudfront } from './cdn/route53-alias-to-cloudfront';
import { onpremLoadBalancerServer } from './onprem/onprem-load-balancer-server';
import { onpremWebAppServers } from './onprem/onprem-web-app-servers';
import { onpremDatabaseServer } from './onprem/onprem-database-server';
import { onpremArchitectureReview } from './onprem/onprem-architecture-review';
import { vpcCidr } from './network/vpc-cidr';
import { subnetsSpanTwoAzs } from './network/subnets-span-two-azs';
import { publicSubnetsRouteToIgw } from './network/public-subnets-route-to-igw';
import { privateSubnetsNoIgwRoute } from './network/private-subnets-no-igw-route';
import { natGatewayPerAz } from './network/nat-gateway-per-az';
import { albInternetFacingMultiAz } from './compute/alb-internet-facing-multi-az';
import { asgPrivateMultiAz } from './compute/asg-private-multi-az';
import { securityGroupChain } from './network/security-group-chain';
import { rdsPrivate } from './database/rds-private';
import { rdsCredentialsInSecretsManager } from './database/rds-credentials-in-secrets-manager';
import { route53AliasToAlb } from './dns/route53-alias-to-alb';
import { rdsMultiAz } from './database/rds-multi-az';
import { rdsBackupsRetained } from './database/rds-backups-retained';
import { rdsStorageEncrypted } from './database/rds-storage-encrypted';
import { rdsReadReplicaPrivate } from './database/rds-read-replica-private';
import { s3EndpointServesPrivateRouteTables } from './network/s3-endpoint-serves-private-route-tables';
import { s3GatewayEndpoint } from './network/s3-gateway-endpoint';
import { appRoleMediaAccess } from './storage/app-role-media-access';
import { mediaBucketPrivate } from './storage/media-bucket-private';
import { mediaBucketRequiresEndpoint } from './storage/media-bucket-requires-endpoint';
import { s3WebsiteContent } from './storage/s3-website-content';
import { s3WebsiteHosting } from './storage/s3-website-hosting';
import { cacheMultiAzFailover } from './cache/cache-multi-az-failover';
import { cacheEncryption } from './cache/cache-encryption';
import { cachePrivateAppOnly } from './cache/cache-private-app-only';
import { appReadPathConfigured } from './cache/app-read-path-configured';
import { eventScheduledScaling } from './compute/event-scheduled-scaling';
import { rdsProxyPrivate } from './database/rds-proxy-private';
import { backupPlanDailyRetained } from './backup/backup-plan-daily-retained';
import { backupCopyToSecondRegion } from './backup/backup-copy-to-second-region';
import { backupSelectionCoversData } from './backup/backup-selection-covers-data';
import { mediaBucketReplicated } from './storage/media-bucket-replicated';
import { mediaNoncurrentLifecycle } from './storage/media-noncurrent-lifecycle';
import { recoveryObjectivesDeclared } from './backup/recovery-objectives-declared';
import { cloudfrontMediaBehavior } from './cdn/cloudfront-media-behavior';
import { mediaLifecycleTiering } from './storage/media-lifecycle-tiering';
import { secondRegionServingTier } from './compute/second-region-serving-tier';
import { route53LatencyHealthChecked } from './dns/route53-latency-health-checked';
import { crossRegionReadReplica } from './database/cross-region-read-replica';
import type { Rule } from './types';

/** Every rule the checker knows, in report order. Each lives in rules/<area>/<id>.ts. */
export const rules: readonly Rule[] = [
  onpremLoadBalancerServer,
  onpremWebAppServers,
  onpremDatabaseServer,
  onpremArchitectureReview,
  vpcCidr,
  subnetsSpanTwoAzs,
  publicSubnetsRouteToIgw,
  privateSubnetsNoIgwRoute,
  natGatewayPerAz,
  albInternetFacingMultiAz,
  asgPrivateMultiAz,
  securityGroupChain,
  rdsPrivate,
  rdsCredentialsInSecretsManager,
  route53AliasToAlb,
  rdsMultiAz,
  rdsBackupsRetained,
  rdsStorageEncrypted,
  rdsReadReplicaPrivate,
  s3WebsiteHosting,
  s3WebsiteContent,
  mediaBucketPrivate,
  s3GatewayEndpoint,
  s3EndpointServesPrivateRouteTables,
  mediaBucketRequiresEndpoint,
  appRoleMediaAccess,
  cloudfrontStaticOrigin,
  cloudfrontApiBehavior,
  cloudfrontHttpsRedirect,
  cloudfrontCachePolicies,
  cloudfrontCompression,
  cloudfrontOriginNotPublic,
  cloudfrontGeoRestriction,
  route53AliasToCloudfront,
  bastionRestrictedSsh,
  bastionReachesAppOnly,
  webTierPrivate,
  databaseSubnetNacl,
  wafManagedRules,
  cloudtrailMultiRegionValidated,
  cpuAlarmsDriveScaling,
  imdsv2Required,
  encryptionAtRest,
  noOpenIngress,
  vpcFlowLogs,
  guarddutyEnabled,
  cdkNagAwsSolutions,
  cacheMultiAzFailover,
  cacheEncryption,
  cachePrivateAppOnly,
  appReadPathConfigured,
  eventScheduledScaling,
  rdsProxyPrivate,
  backupPlanDailyRetained,
  backupCopyToSecondRegion,
  backupSelectionCoversData,
  mediaBucketReplicated,
  mediaNoncurrentLifecycle,
  recoveryObjectivesDeclared,
  cloudfrontMediaBehavior,
  mediaLifecycleTiering,
  secondRegionServingTier,
  route53LatencyHealthChecked,
  crossRegionReadReplica,
];
