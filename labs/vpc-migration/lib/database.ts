import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

// TODO(vpc-migration) step 6: replace this server with ShopDatabase: RDS MySQL in the isolated subnets, password in Secrets Manager.
/** Props of {@link DatabaseServer}. */
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

/**
 * The one database server: an EC2 instance running MariaDB (a MySQL fork). Every order goes
 * through it, and there is no second copy: it is the shop's biggest single point of failure.
 */
export class DatabaseServer extends Construct {
  /** The database server. */
  public readonly instance: ec2.Instance;

  constructor(scope: Construct, id: string, props: DatabaseServerProps) {
    super(scope, id);

    const userData = ec2.UserData.forLinux();
    // You install, patch and back up this database yourself; users and passwords are set up by
    // hand after boot, so none of them is written here. Lab 2 hands all this to Amazon RDS.
    userData.addCommands('dnf install -y mariadb105-server', 'systemctl enable --now mariadb');
    this.instance = new ec2.Instance(this, 'Server', {
      vpc: props.vpc,
      // Even the database sits in the public subnet, as in a flat data-centre network; only its
      // security group keeps the internet out.
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: props.securityGroup,
      userData,
    });
  }
}
