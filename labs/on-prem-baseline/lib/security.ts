import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** Props of the SecurityChain construct you write below. */
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

// A security group is a stateful firewall around each server: it lists what may come in, and the
// replies to allowed traffic go back out automatically.
// TODO(on-prem-baseline) step 1: write SecurityChain: loadBalancer open to 0.0.0.0/0 on 80, webApp only from it, database only from webApp.
