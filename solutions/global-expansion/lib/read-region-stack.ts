import path from 'node:path';
import { CfnOutput, CfnParameter, Duration, Fn, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { ShopApiService } from './api-service';
import { EventScaling } from './event-scaling';
import { LatencyRouting } from './latency-routing';
import { CpuAlarmScaling } from './monitoring';
import { acknowledgeNag } from './nag';
import { ShopNetwork } from './network';
import { ReadRegionApiConfiguration } from './read-region-api';
import { SecurityChain } from './security';
import { LoadBalancedTier } from './tiers';

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
  /**
   * The schema of the primary database, which the replica copies.
   * @default 'shop'
   */
  readonly databaseName?: string;
  /**
   * The shop API's folder (src/main.ts), the same service as the primary Region's.
   * @default the app's service/ folder
   */
  readonly serviceDir?: string;
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

    // Values from the primary stack's outputs, passed at deploy time (the workshop's deploy tool
    // fills them in): CloudFormation cannot reference a stack in another Region.
    const primaryDatabaseArn = new CfnParameter(this, 'PrimaryDatabaseArn', {
      type: 'String',
      description: 'The ARN of the primary RDS database (output DatabaseArn of the primary stack)',
      allowedPattern: '^arn:aws[a-z-]*:rds:[a-z0-9-]+:\\d{12}:db:[a-z][a-z0-9-]*$',
      constraintDescription: 'an RDS DB instance ARN such as arn:aws:rds:ap-northeast-2:123456789012:db:shop-db',
    }).valueAsString;
    // arn:aws:rds:<region>:<account>:db:<name>: the fourth field is the primary Region.
    const primaryRegion = Fn.select(3, Fn.split(':', primaryDatabaseArn));

    // A separate range from the primary VPC (10.0.0.0/16), so the two VPCs could be peered.
    const { vpc } = new ShopNetwork(this, 'Network', { cidr: props.cidr ?? '10.1.0.0/16' });
    const security = new SecurityChain(this, 'Security', { vpc });

    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup) });

    // The APP tier runs the primary's shop API, read-only: with no writer in its configuration it reads the
    // replica of this Region and answers writes with 503 (they go to the primary Region).
    const api = new ShopApiService(this, 'Api', {
      serviceDir: props.serviceDir ?? path.join(__dirname, '..', 'service'),
      port: security.appPort,
      configurationPath: `/shop/${this.stackName}`,
    });
    const app = new LoadBalancedTier(this, 'App', {
      vpc,
      internetFacing: false,
      loadBalancerSecurityGroup: security.internalLoadBalancer,
      instanceSecurityGroup: security.app,
      instancePort: security.appPort,
      userData: api.userData,
    });
    api.grantDownload(app.role);

    // WEB: nginx answers /health itself (the ALB and Route 53 health checks) and passes the rest on.
    const webUserData = ec2.UserData.forLinux();
    webUserData.addCommands(
      'dnf install -y nginx',
      "cat > /etc/nginx/nginx.conf <<'EOF'",
      'events {}',
      'http {',
      '  resolver 169.254.169.253 valid=30s;',
      '  server {',
      `    listen ${security.webPort};`,
      '    location = /health { return 200 "ok"; }',
      // The same paths as the primary Region's: /api/products/1 reaches the API as /products/1.
      `    location /api/ { set $app http://${app.loadBalancer.loadBalancerDnsName}; rewrite ^/api(/.*)$ $1 break; proxy_pass $app; }`,
      `    location / { set $app http://${app.loadBalancer.loadBalancerDnsName}; proxy_pass $app; }`,
      '  }',
      '}',
      'EOF',
      'systemctl enable --now nginx',
    );
    const web = new LoadBalancedTier(this, 'Web', {
      vpc,
      internetFacing: true,
      loadBalancerSecurityGroup: security.externalLoadBalancer,
      instanceSecurityGroup: security.web,
      instancePort: security.webPort,
      userData: webUserData,
    });
    new CpuAlarmScaling(this, 'WebCpuScaling', { autoScalingGroup: web.autoScalingGroup });
    new CpuAlarmScaling(this, 'AppCpuScaling', { autoScalingGroup: app.autoScalingGroup });
    // The event reaches customers in both Regions: this Region's servers are added before it starts too,
    // with the primary's everyday and event-day capacities.
    new EventScaling(this, 'EventScaling', {
      eventStart: props.eventStart ?? '11-11T00:00',
      eventHours: props.eventHours,
      tiers: [web, app].map((tier) => ({ group: tier.autoScalingGroup, normal: { min: 2, max: 4 }, event: { min: 4, max: 8 } })),
    });

    // KMS keys never leave their Region: the replica of an encrypted database needs a key here.
    const replicaKey = new kms.Key(this, 'ReplicaKey', {
      description: 'Encrypts the cross-Region read replica of the shop database',
      enableKeyRotation: true,
      // A lab you tear down; production keeps the key (RETAIN) as long as any backup needs it.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    const subnetGroup = new rds.SubnetGroup(this, 'DatabaseSubnetGroup', {
      vpc,
      description: 'The read replica: isolated subnets in every AZ',
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A cross-Region read replica: RDS copies the primary's changes asynchronously over AWS's
    // network (billed as inter-Region data transfer). The source is named by its ARN, with its
    // Region in SourceRegion; engine, version, user and database come from the source and may not
    // be set here, and backups stay off. A replica cannot take writes: the APP servers here read
    // from it and send writes to the primary Region.
    const replica = new rds.CfnDBInstance(this, 'ReadReplica', {
      sourceDbInstanceIdentifier: primaryDatabaseArn,
      sourceRegion: primaryRegion,
      dbInstanceClass: 'db.t3.micro',
      dbSubnetGroupName: subnetGroup.subnetGroupName,
      vpcSecurityGroups: [security.database.securityGroupId],
      publiclyAccessible: false,
      // The source is encrypted, so the replica is too, with a key of this Region. Its encryption is inherited:
      // CloudFormation refuses StorageEncrypted next to SourceDBInstanceIdentifier.
      kmsKeyId: replicaKey.keyArn,
      storageType: 'gp3',
    });
    // Read replicas ignore deletion policies: deleting the stack deletes the replica.
    replica.applyRemovalPolicy(RemovalPolicy.DESTROY);

    // The API's configuration: this Region's replica and the primary's database secret, which the primary stack
    // replicates into this Region (its name comes from the primary stack's output).
    const primarySecretName = new CfnParameter(this, 'PrimaryDatabaseSecretName', {
      type: 'String',
      description: 'The name of the primary database secret, replicated into this Region (output DatabaseSecretName of the primary stack)',
      allowedPattern: '^[A-Za-z0-9/_+=.@-]{1,512}$',
      constraintDescription: 'a Secrets Manager secret name such as ShopGlobalExpansionDatabaseInstanceSecret-AbCdEfGhIjKl',
    }).valueAsString;
    const apiConfiguration = new ReadRegionApiConfiguration(this, 'ApiConfiguration', {
      replica,
      databaseName: props.databaseName ?? 'shop',
      secretName: primarySecretName,
      grantee: app.role,
    });
    // Servers boot only once their configuration (and so the replica) and their permissions exist.
    app.autoScalingGroup.node.addDependency(apiConfiguration, app.role);

    acknowledgeNag(
      security.externalLoadBalancer,
      'AwsSolutions-EC23',
      'The internet-facing ALB is this Region front door: port 80 from anywhere is its job, and the Route 53 health checkers come from the internet too.',
    );
    for (const tier of [web, app]) {
      acknowledgeNag(
        tier.autoScalingGroup,
        'AwsSolutions-AS3',
        'Scaling notifications would need an SNS topic and a subscriber; the multi-Region trail of the primary stack records every scaling activity.',
      );
      acknowledgeNag(
        tier.loadBalancer,
        'AwsSolutions-ELB2',
        'ALB access logs need a bucket trusted by the Region ELB account; the Route 53 health checks and ALB metrics cover the lab traffic.',
      );
    }
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS3',
      'A read replica is a copy for reads in this Region; the primary database is the Multi-AZ one, and a replica can be promoted if its Region is lost.',
    );
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS10',
      'Read replicas ignore deletion policies, and deletion protection would block the lab teardown.',
    );
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS2',
      'The replica inherits the encryption of its encrypted source, with the key of this Region (KmsKeyId); CloudFormation refuses StorageEncrypted next to a source instance.',
    );
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS11',
      'A non-default port is obscurity, not protection: only the APP security group of this Region lets 3306 in.',
    );

    new CfnOutput(this, 'AlbDnsName', {
      description: 'This Region external ALB (HTTP): compare with the primary one.',
      value: web.loadBalancer.loadBalancerDnsName,
    });
    new CfnOutput(this, 'ApiConfigurationPath', {
      description: 'The Parameter Store path the APP servers of this Region read their configuration from.',
      value: apiConfiguration.path,
    });
    new CfnOutput(this, 'ReplicaEndpoint', {
      description: 'The cross-Region read replica: reads only, from the APP servers of this Region.',
      value: replica.attrEndpointAddress,
    });

    // Latency routing over both Regions, in the shop's hosted zone: the primary ALB and the zone come
    // from the primary stack's outputs too.
    const primaryAlbDnsName = new CfnParameter(this, 'PrimaryAlbDnsName', {
      type: 'String',
      description: 'The DNS name of the primary external ALB (output AlbDnsName of the primary stack)',
      allowedPattern: '^[A-Za-z0-9.-]+\\.elb\\.amazonaws\\.com$',
      constraintDescription: 'an ALB DNS name ending in .elb.amazonaws.com',
    }).valueAsString;
    const primaryAlbZoneId = new CfnParameter(this, 'PrimaryAlbHostedZoneId', {
      type: 'String',
      description: 'The canonical hosted zone id of the primary ALB (output AlbCanonicalHostedZoneId of the primary stack)',
      allowedPattern: '^Z[A-Z0-9]{1,31}$',
      constraintDescription: 'a Route 53 hosted zone id such as ZWKZPGTI48KDX',
    }).valueAsString;
    const hostedZoneId = new CfnParameter(this, 'HostedZoneId', {
      type: 'String',
      description: 'The id of the shop hosted zone (output HostedZoneId of the primary stack)',
      allowedPattern: '^Z[A-Z0-9]{1,31}$',
      constraintDescription: 'a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ',
    }).valueAsString;
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId, zoneName: props.zoneName });
    new LatencyRouting(this, 'LatencyRouting', {
      zone,
      recordName,
      endpoints: [
        { region: primaryRegion, dnsName: primaryAlbDnsName, canonicalHostedZoneId: primaryAlbZoneId },
        {
          region: this.region,
          dnsName: web.loadBalancer.loadBalancerDnsName,
          canonicalHostedZoneId: web.loadBalancer.loadBalancerCanonicalHostedZoneId,
        },
      ],
    });
    new CfnOutput(this, 'LatencyName', {
      description: 'The name Route 53 answers with the nearest healthy Region (once the zone is delegated).',
      value: `${recordName}.${props.zoneName}`,
    });
  }
}
