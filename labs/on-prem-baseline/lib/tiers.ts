import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** Props of the WebAppServers construct you write below. */
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

// TODO(on-prem-baseline) step 2: write WebAppServers: `count` t3.micro instances in the public subnet, each running nginx.

/** Props of the NginxLoadBalancer construct you write below. */
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

// A managed Application Load Balancer needs subnets in two Availability Zones; the old data
// centre had one, so its load balancer is a single server running nginx.
// TODO(on-prem-baseline) step 3: write NginxLoadBalancer: one instance whose nginx upstream lists each backend's private IP.
