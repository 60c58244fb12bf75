import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

// TODO(vpc-migration) step 3: add a LoadBalancedTier construct here: a launch template and an Auto Scaling group of 2 to 4 servers.
// TODO(vpc-migration) step 4: give LoadBalancedTier an Application Load Balancer whose listener forwards to the group and checks /health.
/** Props of {@link WebAppServers}. */
export interface WebAppServersProps {
  /** The VPC whose public subnet holds the servers. */
  readonly vpc: ec2.IVpc;
  /** The security group every web+app server wears. */
  readonly securityGroup: ec2.ISecurityGroup;
  /**
   * How many servers to run. On-premises this number is fixed: you buy, rack and configure
   * each server by hand, so you guess the peak (a sale event) in advance.
   * @default 2
   */
  readonly count?: number;
  /**
   * The server size.
   * @default t3.micro
   */
  readonly instanceType?: ec2.InstanceType;
}

/** A fixed number of web+app servers, each one an EC2 instance running nginx. */
export class WebAppServers extends Construct {
  /** The servers, in order. */
  public readonly instances: ec2.Instance[];

  constructor(scope: Construct, id: string, props: WebAppServersProps) {
    const count = props.count ?? 2;
    if (!Number.isInteger(count) || count < 1 || count > 10) {
      throw new Error(`WebAppServers: count ${count} is not a whole number from 1 to 10: the lab uses 2.`);
    }
    super(scope, id);

    this.instances = Array.from({ length: count }, (_, i) => {
      const name = `WebApp${i + 1}`;
      const userData = ec2.UserData.forLinux();
      // User data runs once at first boot: the script installs the software, as an admin did by hand.
      userData.addCommands(
        'dnf install -y nginx',
        `echo '<h1>Shop: web+app server ${i + 1}</h1>' > /usr/share/nginx/html/index.html`,
        'systemctl enable --now nginx',
      );
      return new ec2.Instance(this, name, {
        vpc: props.vpc,
        // Same subnet, same Availability Zone as everything else: one data centre.
        vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
        instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
        // The AMI comes from a public SSM parameter, resolved at deploy time: no lookup at synth.
        machineImage: ec2.MachineImage.latestAmazonLinux2023(),
        securityGroup: props.securityGroup,
        userData,
      });
    });
  }
}

/** Props of {@link NginxLoadBalancer}. */
export interface NginxLoadBalancerProps {
  /** The VPC whose public subnet holds the load balancer server. */
  readonly vpc: ec2.IVpc;
  /** The load balancer's security group (the only one open to the internet). */
  readonly securityGroup: ec2.ISecurityGroup;
  /** The web+app servers that nginx spreads requests over. */
  readonly backends: ec2.Instance[];
  /**
   * The port the web+app servers serve HTTP on.
   * @default 80
   */
  readonly backendPort?: number;
  /**
   * The server size.
   * @default t3.micro
   */
  readonly instanceType?: ec2.InstanceType;
}

/**
 * The on-premises load balancer: one EC2 instance running nginx. A managed Application Load
 * Balancer needs subnets in two Availability Zones; this single server lives in one, so when it
 * (or its AZ) fails, nobody reaches the shop.
 */
export class NginxLoadBalancer extends Construct {
  /** The load balancer server. */
  public readonly instance: ec2.Instance;

  constructor(scope: Construct, id: string, props: NginxLoadBalancerProps) {
    if (props.backends.length === 0) {
      throw new Error('NginxLoadBalancer: backends is empty: pass the web+app server instances to balance.');
    }
    super(scope, id);

    const port = props.backendPort ?? 80;
    const userData = ec2.UserData.forLinux();
    // The upstream list is written once at boot: adding a web+app server means editing it by hand.
    userData.addCommands(
      'dnf install -y nginx',
      "cat > /etc/nginx/nginx.conf <<'EOF'",
      'events {}',
      'http {',
      '  upstream web_app {',
      ...props.backends.map((server) => `    server ${server.instancePrivateIp}:${port};`),
      '  }',
      '  server {',
      '    listen 80;',
      '    location / { proxy_pass http://web_app; }',
      '  }',
      '}',
      'EOF',
      'systemctl enable --now nginx',
    );
    this.instance = new ec2.Instance(this, 'Server', {
      vpc: props.vpc,
      // In the public subnet the instance gets a public IP address: this is the shop's front door.
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: props.securityGroup,
      userData,
    });
  }
}
