import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** Props of {@link SecurityChain}. */
export interface SecurityChainProps {
  /** The VPC the security groups belong to. */
  readonly vpc: ec2.IVpc;
  /**
   * The port the web+app servers serve HTTP on.
   * @default 80
   */
  readonly webPort?: number;
  /**
   * The port the database listens on (MySQL and MariaDB use 3306).
   * @default 3306
   */
  readonly databasePort?: number;
}

/**
 * Three security groups, each accepting traffic only from the group in front of it:
 * internet → load balancer → web+app → database.
 */
export class SecurityChain extends Construct {
  /** The load balancer server's group: the only one open to the internet. */
  public readonly loadBalancer: ec2.SecurityGroup;
  /** The web+app servers' group: reachable only from the load balancer. */
  public readonly webApp: ec2.SecurityGroup;
  /** The database server's group: reachable only from the web+app servers. */
  public readonly database: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SecurityChainProps) {
    const webPort = props.webPort ?? 80;
    const databasePort = props.databasePort ?? 3306;
    for (const [name, port] of [
      ['webPort', webPort],
      ['databasePort', databasePort],
    ] as const) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`SecurityChain: ${name} ${port} is not a TCP port: use a whole number from 1 to 65535.`);
      }
    }
    super(scope, id);

    // A security group is a stateful firewall around each server: it lists what may come in,
    // and the replies to allowed traffic go back out automatically.
    // TODO(vpc-migration) step 2: replace these three groups with five: external ALB, WEB, internal ALB, APP, database.
    this.loadBalancer = new ec2.SecurityGroup(this, 'LoadBalancer', {
      vpc: props.vpc,
      description: 'Load balancer server: HTTP from the internet',
    });
    // The only door to the internet: anyone may send HTTP to the load balancer.
    this.loadBalancer.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet');

    this.webApp = new ec2.SecurityGroup(this, 'WebApp', {
      vpc: props.vpc,
      description: 'Web+app servers: HTTP from the load balancer only',
    });
    // The source is a security group, not an address: any server in that group may connect.
    this.webApp.addIngressRule(this.loadBalancer, ec2.Port.tcp(webPort), 'HTTP from the load balancer');

    this.database = new ec2.SecurityGroup(this, 'Database', {
      vpc: props.vpc,
      description: 'Database server: MySQL/MariaDB from the web+app servers only',
    });
    this.database.addIngressRule(this.webApp, ec2.Port.tcp(databasePort), 'MySQL/MariaDB from the web+app servers');
  }
}
