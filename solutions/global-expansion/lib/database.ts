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
  /**
   * How many days RDS keeps automated backups (point-in-time recovery); 1 to 35.
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * Optional stretch: add a read replica that serves read-only queries from its own copy.
   * @default false
   */
  readonly readReplica?: boolean;
}

/**
 * The shop's database on Amazon RDS for MySQL, no longer a single point of failure: a Multi-AZ
 * primary with a synchronous standby in the other AZ, automated backups, encrypted storage, the
 * password in Secrets Manager, and optionally an asynchronous read replica.
 */
export class ShopDatabase extends Construct {
  /** The DB subnet group: the isolated subnets of every AZ that RDS may place the database in. */
  public readonly subnetGroup: rds.SubnetGroup;
  /** The RDS instance. */
  public readonly instance: rds.DatabaseInstance;
  /** The Secrets Manager secret holding the generated user name and password. */
  public readonly secret: secretsmanager.ISecret;
  /** The name of the schema RDS creates at launch. */
  public readonly databaseName: string;
  /** The read replica, when `readReplica` is on. */
  public readonly replica?: rds.DatabaseInstanceReadReplica;

  constructor(scope: Construct, id: string, props: ShopDatabaseProps) {
    const databaseName = props.databaseName ?? 'shop';
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(databaseName)) {
      throw new Error(`ShopDatabase: databaseName "${databaseName}" must start with a letter and hold only letters, digits and _.`);
    }
    const backupRetentionDays = props.backupRetentionDays ?? 7;
    if (!Number.isInteger(backupRetentionDays) || backupRetentionDays < 1 || backupRetentionDays > 35) {
      throw new Error(
        `ShopDatabase: backupRetentionDays ${backupRetentionDays} must be a whole number from 1 to 35: RDS keeps backups 1-35 days.`,
      );
    }
    super(scope, id);
    this.databaseName = databaseName;

    // The subnet group lists an isolated subnet in every AZ: RDS runs the primary in one and the
    // Multi-AZ standby in another.
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
      // Multi-AZ: every write is copied synchronously to a standby in the other AZ before it is
      // confirmed, so no committed order is lost. If the primary or its AZ fails, RDS promotes
      // the standby and moves the DNS name to it; clients reconnect within a minute or two.
      // The standby serves no queries and doubles the database cost.
      multiAz: true,
      // Automated daily snapshots plus transaction logs: restore to any second in this window.
      backupRetention: Duration.days(backupRetentionDays),
      // Encryption at rest with the AWS-managed RDS key; backups, the standby and replicas inherit it.
      storageEncrypted: true,
      // A lab you tear down: delete without a final snapshot. Production keeps snapshots
      // (RemovalPolicy.SNAPSHOT) and turns deletion protection on.
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
    });
    this.secret = this.instance.secret!;

    if (props.readReplica) {
      // A read replica copies the primary asynchronously: reads may lag behind writes (eventual
      // consistency), and RDS never fails over to it. It spreads read load; Multi-AZ keeps the shop up.
      this.replica = new rds.DatabaseInstanceReadReplica(this, 'ReadReplica', {
        sourceDatabaseInstance: this.instance,
        instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
        vpc: props.vpc,
        // Same isolated subnets and same security group: only APP can reach the replica too.
        subnetGroup: this.subnetGroup,
        securityGroups: [props.securityGroup],
        publiclyAccessible: false,
        storageType: rds.StorageType.GP3,
        removalPolicy: RemovalPolicy.DESTROY,
        deletionProtection: false,
      });
    }
  }
}
