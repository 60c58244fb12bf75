import path from 'node:path';
import { Annotations, CfnOutput, CfnParameter, Duration, Fn, Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ShopApiService } from './api-service';
import { ShopBackup } from './backup';
import { Bastion } from './bastion';
import { ShopCache } from './cache';
import { ShopDatabase } from './database';
import { DatabaseSubnetAcl } from './database-acl';
import { EventScaling } from './event-scaling';
import { MediaStorage } from './media';
import { MediaCdn } from './media-cdn';
import { MediaReplication } from './media-replication';
import { ShopDomain, ShopNetwork } from './network';
import { SecurityChain } from './security';
import { StaticSite } from './static-site';
import { AuditAndDetection, CpuAlarmScaling } from './monitoring';
import { ReadPathConfiguration } from './read-path';
import { RecoveryObjectives } from './recovery-objectives';
import { DEFAULT_SECONDARY_REGION, RecoveryTarget } from './recovery-stack';
import { acknowledgeReviewedFindings } from './reviewed-findings';
import { LoadBalancedTier } from './tiers';
import { WebFirewall } from './web-firewall';

/** Props of {@link ShopStack}. */
export interface ShopStackProps extends StackProps {
  /**
   * Optional stretch task: a domain (such as shop.example.com) to serve the shop on through a
   * Route 53 hosted zone and an alias record to the CloudFront distribution. Needs `certificateArn`.
   * @default - no Route 53 resources
   */
  readonly domainName?: string;
  /**
   * The ARN of an ACM certificate for `domainName`, issued in us-east-1 (CloudFront reads its
   * certificates from that Region only).
   * @default - none; required with domainName
   */
  readonly certificateArn?: string;
  /**
   * The shop's public hosted zone, which the read Region's latency records join. Route 53 refuses
   * the documentation domains (example.com), so the default is a made-up name: the zone works in
   * Route 53 at once, but the internet asks it only after the domain's registrar delegates to its
   * name servers (output HostedZoneNameServers), which is yours to do with a domain you own.
   * @default - domainName if set, else 'shop-global-workshop.com'
   */
  readonly zoneName?: string;
  /**
   * Optional stretch task: ISO country codes (such as ['KR', 'JP']) that may use the shop;
   * CloudFront answers 403 to viewers anywhere else.
   * @default - no geo restriction
   */
  readonly allowedCountries?: string[];
  /**
   * Turn on GuardDuty; set false when the account already has a detector in this Region.
   * @default true
   */
  readonly guardDuty?: boolean;
  /**
   * The RDS read replica next to the Multi-AZ primary: cache misses read it. Without it, reads go
   * to the writer.
   * @default true
   */
  readonly readReplica?: boolean;
  /**
   * Who may still use the media bucket's objects from outside the VPC endpoint, as IAM ARN patterns
   * (an IAM Identity Center role, an IAM user): they replace the default, so list everyone who must
   * be able to empty the bucket.
   * @default - the account root user and roles whose name starts with "Admin"
   */
  readonly administratorArns?: string[];
  /**
   * When the shop's yearly event starts, as MM-DDTHH:mm in Asia/Seoul time: the WEB and APP groups
   * scale out an hour before and back after `eventHours`.
   * @default '11-11T00:00' (the 11.11 sale)
   */
  readonly eventStart?: string;
  /**
   * How many hours the event lasts.
   * @default 24
   */
  readonly eventHours?: number;
  /**
   * The folder of the shop API the APP servers run (src/main.ts), bundled with esbuild.
   * @default - the app's service/ folder
   */
  readonly serviceDir?: string;
  /**
   * The recovery stack in the secondary Region that receives the backup copies and the media replicas.
   * @default - the stack ShopBackupDrRecovery in ap-northeast-1
   */
  readonly recovery?: RecoveryTarget;
}

/** Everyday capacity of the WEB and APP groups: one server per AZ, room for CPU scaling. */
const EVERYDAY = { min: 2, max: 4 };
/** Event-day capacity: two servers per AZ before the first customer arrives. */
const EVENT_DAY = { min: 4, max: 8 };

/** The shopping mall's infrastructure for the "Global expansion" lab: the primary Region. */
export class ShopStack extends Stack {
  /** The name of the shop's hosted zone. */
  public readonly zoneName: string;

  constructor(scope: Construct, id: string, props: ShopStackProps = {}) {
    if (props.domainName !== undefined && props.certificateArn === undefined) {
      throw new Error(
        `ShopStack: domainName "${props.domainName}" needs certificateArn: CloudFront serves a custom domain only with an ACM certificate from us-east-1.`,
      );
    }
    const countries = props.allowedCountries ?? [];
    const badCountry = countries.find((code) => !/^[A-Z]{2}$/.test(code));
    if (badCountry !== undefined) {
      throw new Error(`ShopStack: allowedCountries holds "${badCountry}": use two-letter ISO codes such as KR or JP.`);
    }
    // ShopDomain checks domainName; a zone name of its own is checked here.
    const zoneName = props.domainName ?? props.zoneName ?? 'shop-global-workshop.com';
    if (props.zoneName !== undefined && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(props.zoneName)) {
      throw new Error(`ShopStack: zoneName "${props.zoneName}" is not a lower-case DNS name: use one like shop.your-domain.com.`);
    }
    if (props.zoneName !== undefined && props.domainName !== undefined && props.zoneName !== props.domainName) {
      throw new Error(`ShopStack: zoneName "${props.zoneName}" differs from domainName "${props.domainName}": set only one of them.`);
    }
    super(scope, id, props);
    this.zoneName = zoneName;

    const { vpc } = new ShopNetwork(this, 'Network');
    const security = new SecurityChain(this, 'Security', { vpc });
    const database = new ShopDatabase(this, 'Database', {
      vpc,
      securityGroup: security.database,
      port: security.databasePort,
      readReplica: props.readReplica ?? true,
    });

    // Cache-aside: the APP servers ask the cache first; a miss reads the replica and fills the cache.
    const cache = new ShopCache(this, 'Cache', { vpc, clients: security.app });

    // APP tier first: the WEB servers need the internal load balancer's DNS name.
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
      minCapacity: EVERYDAY.min,
      maxCapacity: EVERYDAY.max,
    });
    api.grantDownload(app.role);
    // The read path as configuration the APP role may read: writer, replica, secret ARN, cache.
    // Least privilege: the APP role reads these parameters and the database secret, WEB reads neither.
    const readPath = new ReadPathConfiguration(this, 'ReadPath', {
      writer: database.instance,
      reader: database.replica,
      databaseName: database.databaseName,
      secret: database.secret,
      cacheHost: cache.host,
      cachePort: cache.port,
      grantee: app.role,
    });
    // Servers boot only once their configuration (and so the replica and the cache) and their
    // permissions exist.
    app.autoScalingGroup.node.addDependency(readPath, app.role);

    const webUserData = ec2.UserData.forLinux();
    // WEB servers run nginx and hand every request except the health check to the internal ALB.
    // The resolver line makes nginx re-resolve the ALB's name, whose IP addresses change. CloudFront
    // sends /api/* here; the API serves /products/..., so /api is cut off on the way to APP.
    webUserData.addCommands(
      'dnf install -y nginx',
      "cat > /etc/nginx/nginx.conf <<'EOF'",
      'events {}',
      'http {',
      '  resolver 169.254.169.253 valid=30s;',
      '  server {',
      `    listen ${security.webPort};`,
      '    location = /health { return 200 "ok"; }',
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
      minCapacity: EVERYDAY.min,
      maxCapacity: EVERYDAY.max,
    });

    // The front end: a private bucket that only the CloudFront distribution may read.
    const site = new StaticSite(this, 'Site');

    // A gateway endpoint adds a route for S3's address ranges (a prefix list) to the route tables
    // of every subnet: APP servers reach S3 inside AWS instead of through the NAT gateway, and the
    // endpoint itself costs nothing.
    const s3Endpoint = vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });

    // Images and video: private, and usable only through that endpoint by the APP servers.
    const media = new MediaStorage(this, 'Media', {
      endpoint: s3Endpoint,
      readers: [app.role],
      administratorArns: props.administratorArns,
    });

    // CloudFront: 600+ points of presence cache the front end close to every customer. A request that
    // misses the edge cache goes to the origin once, and the answer fills the cache for the next.
    const distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'The shop: static files from S3, /api/* from the external ALB',
      defaultRootObject: site.indexDocument,
      // Default behaviour: the static front end from the bucket's REST endpoint. Origin access
      // control signs every request, and the bucket policy trusts this distribution only.
      defaultBehavior: {
        // READ and LIST: with s3:ListBucket a missing file is a 404 from S3 (with s3:GetObject
        // alone S3 answers 403, so as not to reveal which keys exist).
        origin: origins.S3BucketOrigin.withOriginAccessControl(site.bucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        // Viewers who type http:// get a redirect to https://: the edge always talks TLS.
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // CachingOptimized: long TTLs, no cookies or query strings in the cache key.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        // gzip/brotli at the edge: smaller downloads for HTML, CSS and JavaScript.
        compress: true,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      },
      additionalBehaviors: {
        // The API is dynamic: every request goes through to the external ALB, uncached, with the
        // viewer's headers, cookies and query strings (AllViewer), and all HTTP methods.
        '/api/*': {
          // The ALB listens on HTTP only (a certificate needs a domain), so CloudFront reaches it
          // over HTTP inside AWS's network; viewers still get HTTPS at the edge.
          origin: new origins.LoadBalancerV2Origin(web.loadBalancer, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        },
      },
      // Error pages belong to the whole distribution, not to one behaviour: only S3 answers 404
      // here (a missing file), so 404 alone gets the error page. A 403 from WAF, the ALB or geo
      // restriction reaches the viewer as it is, instead of becoming a "page not found".
      errorResponses: [{ httpStatus: 404, responseHttpStatus: 404, responsePagePath: `/${site.errorDocument}`, ttl: Duration.minutes(1) }],
      ...(countries.length > 0 && { geoRestriction: cloudfront.GeoRestriction.allowlist(...countries) }),
      ...(props.domainName !== undefined && {
        domainNames: [props.domainName],
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn!),
      }),
    });

    // The administrators' network, chosen at deploy time: `cdk deploy --parameters AdminCidr=203.0.113.7/32`.
    // The default is a documentation range (TEST-NET-1) that admits nobody real.
    const adminCidr = new CfnParameter(this, 'AdminCidr', {
      type: 'String',
      default: '192.0.2.0/24',
      description: 'The administrators address range allowed to SSH into the bastion, such as 203.0.113.7/32',
      // /16 to /32 only: a typo like 0.0.0.0/0 is refused before anything is deployed.
      allowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/(1[6-9]|2\\d|3[0-2])$',
      constraintDescription: 'an IPv4 CIDR from /16 to /32, never 0.0.0.0/0',
    });
    const bastion = new Bastion(this, 'Bastion', { vpc, adminCidr: adminCidr.valueAsString, targets: [security.app] });

    // A stateless, subnet-wide second wall around the database, behind its security group.
    const databaseAcl = new DatabaseSubnetAcl(this, 'DatabaseAcl', {
      vpc,
      databaseSubnets: vpc.isolatedSubnets,
      clientSubnets: vpc.privateSubnets,
      port: security.databasePort,
    });
    // The cache shares the isolated subnets, so their network ACL lets the cache port in from APP too.
    cache.admitThrough(databaseAcl.acl, vpc.privateSubnets);

    // AWS WAF with AWS managed rules on the external ALB (which CloudFront's /api/* reaches).
    new WebFirewall(this, 'Firewall', { loadBalancer: web.loadBalancer });

    // CloudTrail in every Region, VPC flow logs and GuardDuty.
    new AuditAndDetection(this, 'Audit', { vpc, guardDuty: props.guardDuty });

    // CloudWatch CPU alarms that drive scaling on both tiers: the review's first question.
    new CpuAlarmScaling(this, 'WebCpuScaling', { autoScalingGroup: web.autoScalingGroup });
    new CpuAlarmScaling(this, 'AppCpuScaling', { autoScalingGroup: app.autoScalingGroup });

    // The event is on the calendar: servers are added before the customers arrive, not after the
    // CPU alarms notice them (two 5-minute periods, then minutes of booting).
    new EventScaling(this, 'EventScaling', {
      eventStart: props.eventStart ?? '11-11T00:00',
      eventHours: props.eventHours,
      tiers: [web, app].map((tier) => ({ group: tier.autoScalingGroup, normal: EVERYDAY, event: EVENT_DAY })),
    });

    // Disaster recovery in a second Region: daily backups of the database and the servers'
    // volumes with a copy in the secondary vault, and the media replicated to the replica bucket.
    const recovery = props.recovery ?? { stackName: 'ShopBackupDrRecovery', region: DEFAULT_SECONDARY_REGION };
    new ShopBackup(this, 'Backup', { database: database.instance, servers: [web, app], recovery });
    new MediaReplication(this, 'MediaReplication', { media, recovery });
    // The read Region's APP servers read the database user and password in their own Region: Secrets Manager
    // keeps a replica of the secret there (same name and value, encrypted with that Region's aws/secretsmanager
    // key). The instance's secret property is its attachment; the generated secret is the child named Secret.
    (database.instance.node.findChild('Secret') as secretsmanager.Secret).addReplicaRegion(recovery.region);
    // A restore never overwrites anything: it creates a new DB instance (Single-AZ, with the default
    // security group unless you choose others) and new volumes, and the tiers must be pointed at them.
    // Doing that in the secondary Region takes hours (RTO); the newest copy there is at most a day old (RPO).
    new RecoveryObjectives(this, 'RecoveryObjectives', { rto: Duration.hours(4), rpo: Duration.hours(24) });

    acknowledgeReviewedFindings({
      security,
      web,
      app,
      database: database.instance,
      replica: database.replica,
      site: site.bucket,
      media: media.bucket,
      distribution,
    });

    // LIST lets a request for the bucket's root list its keys; defaultRootObject answers / with
    // index.html instead, so CDK's warning about it is answered.
    Annotations.of(distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject serves index.html for /, so no request lists the bucket.',
    );

    // The media behaviour (/media/* from the private media bucket) and lifecycle tiering for cold media.
    new MediaCdn(this, 'MediaCdn', { distribution, media });

    // The shop's hosted zone, always: the read Region's latency records live in it. With domainName,
    // the zone also answers the domain itself with an alias to CloudFront.
    const zone =
      props.domainName !== undefined
        ? new ShopDomain(this, 'Domain', { domainName: props.domainName, target: new targets.CloudFrontTarget(distribution) }).zone
        : new route53.PublicHostedZone(this, 'Zone', { zoneName });

    new CfnOutput(this, 'ShopUrl', {
      description: 'Open this in a browser: CloudFront serves the front end and forwards /api/* to the ALB.',
      value: `https://${distribution.distributionDomainName}`,
    });
    new CfnOutput(this, 'BastionPublicIp', {
      description: 'SSH here from the AdminCidr range (EC2 Instance Connect pushes a one-minute key).',
      value: bastion.instance.instancePublicIp,
    });
    new CfnOutput(this, 'AlbUrl', {
      description: 'The external ALB itself, for comparison (HTTP, no cache).',
      value: `http://${web.loadBalancer.loadBalancerDnsName}`,
    });
    new CfnOutput(this, 'SiteBucketName', {
      description: 'The bucket the deploy command uploads the site/ folder into.',
      value: site.bucket.bucketName,
    });
    new CfnOutput(this, 'MediaBucketName', {
      description: 'The private media bucket: only the APP servers may use it, through the VPC endpoint.',
      value: media.bucket.bucketName,
    });
    new CfnOutput(this, 'ApiConfigurationPath', {
      description: 'The Parameter Store path the APP servers read their configuration from (aws ssm get-parameters-by-path).',
      value: readPath.path,
    });
    // What the read Region's stack needs, passed to its parameters by the deploy tool: CloudFormation
    // cannot reference a stack in another Region.
    new CfnOutput(this, 'DatabaseArn', {
      description: 'The primary database: the source of the cross-Region read replica.',
      value: database.instance.instanceArn,
    });
    new CfnOutput(this, 'AlbDnsName', {
      description: 'The external ALB: the primary Region in the latency records.',
      value: web.loadBalancer.loadBalancerDnsName,
    });
    new CfnOutput(this, 'AlbCanonicalHostedZoneId', {
      description: 'The hosted zone id of ELB in this Region, which an alias record to the ALB names.',
      value: web.loadBalancer.loadBalancerCanonicalHostedZoneId,
    });
    new CfnOutput(this, 'HostedZoneId', {
      description: 'The shop hosted zone, where the read Region adds the latency records.',
      value: zone.hostedZoneId,
    });
    new CfnOutput(this, 'HostedZoneNameServers', {
      description: 'Delegate your domain to these name servers at its registrar so the internet asks this zone.',
      value: Fn.join(', ', zone.hostedZoneNameServers!),
    });
    new CfnOutput(this, 'DatabaseSecretName', {
      description: 'The Secrets Manager secret with the database user name and password, replicated into the read Region.',
      value: database.secret.secretName,
    });
  }
}
