import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** Props of {@link SecurityChain}. */
export interface SecurityChainProps {
  /** The VPC the security groups belong to. */
  readonly vpc: ec2.IVpc;
  /**
   * The port the WEB servers serve HTTP on (behind the external load balancer).
   * @default 80
   */
  readonly webPort?: number;
  /**
   * The port the APP servers serve on (behind the internal load balancer).
   * @default 8080
   */
  readonly appPort?: number;
  /**
   * The database port (MySQL uses 3306).
   * @default 3306
   */
  readonly databasePort?: number;
}

/**
 * The security chain: five security groups, each accepting traffic only from the group right in
 * front of it: internet → external ALB → WEB → internal ALB → APP → RDS.
 */
export class SecurityChain extends Construct {
  /** The internet-facing load balancer's group: the only one open to the internet. */
  public readonly externalLoadBalancer: ec2.SecurityGroup;
  /** The WEB servers' group: only the external load balancer may connect. */
  public readonly web: ec2.SecurityGroup;
  /** The internal load balancer's group: only the WEB servers may connect. */
  public readonly internalLoadBalancer: ec2.SecurityGroup;
  /** The APP servers' group: only the internal load balancer may connect. */
  public readonly app: ec2.SecurityGroup;
  /** The database's group: only the APP servers may connect, on the database port. */
  public readonly database: ec2.SecurityGroup;
  /** The port the WEB servers serve on. */
  public readonly webPort: number;
  /** The port the APP servers serve on. */
  public readonly appPort: number;
  /** The database port. */
  public readonly databasePort: number;

  constructor(scope: Construct, id: string, props: SecurityChainProps) {
    const ports = { webPort: props.webPort ?? 80, appPort: props.appPort ?? 8080, databasePort: props.databasePort ?? 3306 };
    for (const [name, port] of Object.entries(ports)) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`SecurityChain: ${name} ${port} is not a TCP port: use a whole number from 1 to 65535.`);
      }
    }
    super(scope, id);
    this.webPort = ports.webPort;
    this.appPort = ports.appPort;
    this.databasePort = ports.databasePort;
    const { vpc } = props;

    // Load balancers and the database never start connections of their own, so their outbound
    // traffic is closed; CDK opens exactly the load balancer → target port when targets attach.
    this.externalLoadBalancer = new ec2.SecurityGroup(this, 'ExternalAlb', {
      vpc,
      description: 'External ALB: HTTP from the internet',
      allowAllOutbound: false,
    });
    // The front door: the only rule in the whole shop that trusts the internet.
    this.externalLoadBalancer.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet');

    // WEB and APP servers keep outbound open (the default): they reach package repositories
    // through the NAT gateway, and APP reaches the database.
    this.web = new ec2.SecurityGroup(this, 'Web', { vpc, description: 'WEB servers: HTTP from the external ALB only' });
    // A rule whose source is a security group trusts the members of that group, wherever their IPs move.
    this.web.addIngressRule(this.externalLoadBalancer, ec2.Port.tcp(this.webPort), 'HTTP from the external ALB');

    this.internalLoadBalancer = new ec2.SecurityGroup(this, 'InternalAlb', {
      vpc,
      description: 'Internal ALB: HTTP from the WEB servers only',
      allowAllOutbound: false,
    });
    this.internalLoadBalancer.addIngressRule(this.web, ec2.Port.tcp(80), 'HTTP from the WEB servers');

    this.app = new ec2.SecurityGroup(this, 'App', { vpc, description: 'APP servers: HTTP from the internal ALB only' });
    this.app.addIngressRule(this.internalLoadBalancer, ec2.Port.tcp(this.appPort), 'HTTP from the internal ALB');

    this.database = new ec2.SecurityGroup(this, 'Database', {
      vpc,
      description: 'RDS database: MySQL from the APP servers only',
      allowAllOutbound: false,
    });
    // No shortcut: WEB cannot reach the database, only APP can.
    this.database.addIngressRule(this.app, ec2.Port.tcp(this.databasePort), 'MySQL from the APP servers');
  }
}
