import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Props of {@link ReadRegionStack}. */
export interface ReadRegionStackProps extends StackProps {
  /** The shop's hosted zone name (the primary stack creates the zone), such as shop.your-domain.com. */
  readonly zoneName: string;
  /**
   * The name, relative to the zone, that latency routing answers for both Regions.
   * @default 'api'
   */
  readonly recordName?: string;
  /**
   * This Region's VPC range; it must not overlap the primary VPC (10.0.0.0/16), so the two can be
   * peered later.
   * @default '10.1.0.0/16'
   */
  readonly cidr?: string;
  /**
   * When the shop's yearly event starts, as MM-DDTHH:mm in Asia/Seoul time (Tokyo's clock reads the
   * same, UTC+9): this Region scales out for it too.
   * @default '11-11T00:00' (the 11.11 sale)
   */
  readonly eventStart?: string;
  /**
   * How many hours the event lasts.
   * @default 24
   */
  readonly eventHours?: number;
}

/**
 * The shop's second Region for the global expansion: its own VPC, ALB, WEB and APP tiers and a
 * cross-Region read replica of the primary database, and Route 53 latency records that send every
 * customer to the nearest healthy Region.
 *
 * What stays single-Region, and why: every write (orders, payments, stock) still goes to the one
 * primary database in the primary Region. MySQL has one writer; a replica copies it asynchronously,
 * so a second writer would let two Regions sell the same last item. This Region serves reads (the
 * catalogue, product pages, media through CloudFront) from its replica, seconds behind at most, and
 * sends writes to the primary Region's API. Backups also stay where the data is written: the
 * primary's automated backups and the backup plan that copies them to the recovery vault. If the
 * primary Region is lost, promoting this replica makes it the new writer (a manual DR decision).
 */
export class ReadRegionStack extends Stack {
  constructor(scope: Construct, id: string, props: ReadRegionStackProps) {
    if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(props.zoneName)) {
      throw new Error(`ReadRegionStack: zoneName "${props.zoneName}" is not a lower-case DNS name: pass the primary stack's zoneName.`);
    }
    const recordName = props.recordName ?? 'api';
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(recordName)) {
      throw new Error(`ReadRegionStack: recordName "${recordName}" is not one DNS label: use one like api.`);
    }
    super(scope, id, props);

    // TODO(global-expansion) step 4: the PrimaryDatabaseArn parameter (with an allowedPattern); a
    // ShopNetwork with props.cidr (default 10.1.0.0/16), a SecurityChain, flow logs, the APP tier running
    // the shop API (ShopApiService: read-only here, with no writer in its configuration) and the WEB tier
    // as LoadBalancedTiers, CPU alarm scaling and EventScaling; a KMS key of this Region and an
    // rds.CfnDBInstance read replica of PrimaryDatabaseArn (SourceRegion from the ARN) in the isolated
    // subnets; the PrimaryDatabaseSecretName parameter and a ReadRegionApiConfiguration
    // (lib/read-region-api.ts) for the APP role; the reviewed cdk-nag findings; the outputs AlbDnsName,
    // ApiConfigurationPath and ReplicaEndpoint.

    // TODO(global-expansion) step 5: the parameters PrimaryAlbDnsName, PrimaryAlbHostedZoneId and
    // HostedZoneId, the shop's zone (HostedZone.fromHostedZoneAttributes with props.zoneName), and
    // LatencyRouting over the primary ALB and this Region's ALB; the output LatencyName.
  }
}
