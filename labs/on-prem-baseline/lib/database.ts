import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** Props of the DatabaseServer construct you write below. */
export interface DatabaseServerProps {
  /** The VPC whose public subnet holds the database server. */
  readonly vpc: ec2.IVpc;
  /** The database server's security group (open only to the web+app servers). */
  readonly securityGroup: ec2.ISecurityGroup;
  /**
   * The server size.
   * @default t3.micro
   */
  readonly instanceType?: ec2.InstanceType;
}

// The one database server: every order goes through it and there is no second copy.
// TODO(on-prem-baseline) step 4: write DatabaseServer: one t3.micro instance in the public subnet running MariaDB.
