import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ShopDatabase } from './database';
import { MediaStorage } from './media';
import { ShopDomain, ShopNetwork } from './network';
import { SecurityChain } from './security';
import { StaticSite } from './static-site';
import { LoadBalancedTier } from './tiers';

/** Props of {@link ShopStack}. */
export interface ShopStackProps extends StackProps {
  /**
   * Optional stretch task: a domain (such as shop.example.com) to serve the shop on through a
   * Route 53 hosted zone and an alias record to the external load balancer.
   * @default - no Route 53 resources
   */
  readonly domainName?: string;
  /**
   * Optional stretch task: add an RDS read replica next to the Multi-AZ primary.
   * @default false
   */
  readonly readReplica?: boolean;
  /**
   * Who may still use the media bucket's objects from outside the VPC endpoint, as IAM ARN patterns
   * (an IAM Identity Center role, an IAM user): they replace the default, so list everyone who must
   * be able to empty the bucket.
   * @default - the account root user and roles whose name starts with "Admin"
   */
  readonly administratorArns?: string[];
}

/** The shopping mall's infrastructure for the "CloudFront in front of S3 and the ALB" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props: ShopStackProps = {}) {
    super(scope, id, props);

    const { vpc } = new ShopNetwork(this, 'Network');
    const security = new SecurityChain(this, 'Security', { vpc });
    const database = new ShopDatabase(this, 'Database', {
      vpc,
      securityGroup: security.database,
      port: security.databasePort,
      readReplica: props.readReplica,
    });

    // APP tier first: the WEB servers need the internal load balancer's DNS name.
    const appUserData = ec2.UserData.forLinux();
    // A stand-in for the shop's application server: answers on the APP port, runs without root.
    appUserData.addCommands(
      'mkdir -p /srv/shop',
      "echo '<h1>Shop: served by the APP tier</h1>' > /srv/shop/index.html",
      'echo ok > /srv/shop/health',
      // What CloudFront's /api/* behaviour reaches: external ALB → WEB (nginx) → internal ALB → APP.
      'mkdir -p /srv/shop/api && echo \'{"status":"ok"}\' > /srv/shop/api/index.html',
      "cat > /etc/systemd/system/shop-app.service <<'EOF'",
      '[Unit]',
      'Description=Shop APP tier (stand-in application server)',
      'After=network-online.target',
      '[Service]',
      'DynamicUser=yes',
      `ExecStart=/usr/bin/python3 -m http.server ${security.appPort} --directory /srv/shop`,
      'Restart=always',
      '[Install]',
      'WantedBy=multi-user.target',
      'EOF',
      'systemctl daemon-reload',
      'systemctl enable --now shop-app',
    );
    const app = new LoadBalancedTier(this, 'App', {
      vpc,
      internetFacing: false,
      loadBalancerSecurityGroup: security.internalLoadBalancer,
      instanceSecurityGroup: security.app,
      instancePort: security.appPort,
      userData: appUserData,
    });
    // Least privilege: no server may read the database password yet, because nothing in this lab
    // connects to the database. When the application does, grant exactly that to the APP role
    // (database.secret.grantRead(app.role)) and never to WEB.

    const webUserData = ec2.UserData.forLinux();
    // WEB servers run nginx and hand every request except the health check to the internal ALB.
    // The resolver line makes nginx re-resolve the ALB's name, whose IP addresses change.
    webUserData.addCommands(
      'dnf install -y nginx',
      "cat > /etc/nginx/nginx.conf <<'EOF'",
      'events {}',
      'http {',
      '  resolver 169.254.169.253 valid=30s;',
      '  server {',
      `    listen ${security.webPort};`,
      '    location = /health { return 200 "ok"; }',
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

    // The front end: one bucket serves it to everyone (lab 4: S3 static website hosting).
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

    // TODO(cloudfront-cdn) step 1: put a cloudfront.Distribution in front of the shop. Its default
    // behaviour serves site.bucket through origin access control that may read and list (redirect
    // to HTTPS, the CachingOptimized cache policy, compression on; defaultRootObject
    // site.indexDocument), and a 404 gets site.errorDocument.
    // TODO(cloudfront-cdn) step 2: add an '/api/*' behaviour to web.loadBalancer (HTTP to the
    // origin): no caching, the viewer's headers, cookies and query strings, every HTTP method.

    // TODO(cloudfront-cdn) step 4: stretch: allowedCountries (geo restriction), and a domainName with
    // an ACM certificate from us-east-1 whose alias record points at the distribution.
    if (props.domainName !== undefined) {
      new ShopDomain(this, 'Domain', { domainName: props.domainName, loadBalancer: web.loadBalancer });
    }

    new CfnOutput(this, 'ShopUrl', {
      description: 'Open this in a browser: the external ALB answers on port 80.',
      value: `http://${web.loadBalancer.loadBalancerDnsName}`,
    });
    new CfnOutput(this, 'SiteUrl', {
      description: 'The front end, served by S3 static website hosting (HTTP only).',
      value: site.bucket.bucketWebsiteUrl,
    });
    new CfnOutput(this, 'SiteBucketName', {
      description: 'The bucket the deploy command uploads the site/ folder into.',
      value: site.bucket.bucketName,
    });
    new CfnOutput(this, 'MediaBucketName', {
      description: 'The private media bucket: only the APP servers may use it, through the VPC endpoint.',
      value: media.bucket.bucketName,
    });
    new CfnOutput(this, 'DatabaseSecretName', {
      description: 'The Secrets Manager secret with the database user name and password.',
      value: database.secret.secretName,
    });
  }
}
