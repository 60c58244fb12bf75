import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** Props of {@link ShopDatabase}. */
export interface ShopDatabaseProps {
  /** The VPC whose isolated subnets hold the database. */
  readonly vpc: ec2.IVpc;
  /** The database's security group (open only to the APP servers). */
  readonly securityGroup: ec2.ISecurityGroup;
  /**
   * The database port.
   * @default 3306
   */
  readonly port?: number;
  /**
   * The name of the schema RDS creates at launch.
   * @default 'shop'
   */
  readonly databaseName?: string;
  /**
   * The database server size.
   * @default db.t3.micro
   */
  readonly instanceType?: ec2.InstanceType;
}

/**
 * The shop's database on Amazon RDS for MySQL: AWS runs the server, installs patches and keeps
 * the password in Secrets Manager. Still one instance in one AZ: lab 3 removes that weakness.
 */
export class ShopDatabase extends Construct {
  /** The DB subnet group: the isolated subnets of every AZ that RDS may place the database in. */
  public readonly subnetGroup: rds.SubnetGroup;
  /** The RDS instance. */
  public readonly instance: rds.DatabaseInstance;
  /** The Secrets Manager secret holding the generated user name and password. */
  public readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: ShopDatabaseProps) {
    const databaseName = props.databaseName ?? 'shop';
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(databaseName)) {
      throw new Error(`ShopDatabase: databaseName "${databaseName}" must start with a letter and hold only letters, digits and _.`);
    }
    super(scope, id);

    // RDS picks an AZ from this group for the instance; listing a subnet in every AZ is what
    // later lets RDS put a standby copy in the other AZ.
    this.subnetGroup = new rds.SubnetGroup(this, 'SubnetGroup', {
      vpc: props.vpc,
      description: 'The shop database: isolated subnets in every AZ',
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    });
    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      // MySQL 8.4, the long-term release (8.0 left RDS standard support on 31 July 2026), as a full
      // version: CloudFormation rejects a bare '8.4'.
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_4_10 }),
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
      vpc: props.vpc,
      subnetGroup: this.subnetGroup,
      securityGroups: [props.securityGroup],
      port: props.port ?? 3306,
      // No public IP address and no DNS name that resolves from the internet.
      publiclyAccessible: false,
      // RDS generates the password and stores it in Secrets Manager: it never appears in code.
      credentials: rds.Credentials.fromGeneratedSecret('shopadmin'),
      databaseName,
      allocatedStorage: 20,
      storageType: rds.StorageType.GP3,
      // Single-AZ, no automated backups and unencrypted storage for now: lab 3 (multi-az-rds)
      // fixes all three.
      // TODO(multi-az-rds) step 1: turn on Multi-AZ: a synchronous standby in the other AZ that RDS fails over to.
      multiAz: false,
      // TODO(multi-az-rds) step 2: keep automated backups for at least 1 day and encrypt the storage.
      backupRetention: Duration.days(0),
      // A lab you tear down: delete without a final snapshot. Production keeps snapshots
      // (RemovalPolicy.SNAPSHOT) and turns deletion protection on.
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
    });
    this.secret = this.instance.secret!;
    // TODO(multi-az-rds) step 3: stretch: a readReplica prop that adds a private rds.DatabaseInstanceReadReplica.
  }
}
