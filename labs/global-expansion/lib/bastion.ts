import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/** Props of {@link Bastion}. */
export interface BastionProps {
  /** The VPC whose public subnet holds the bastion. */
  readonly vpc: ec2.IVpc;
  /** The administrators' address range (a CfnParameter's value): the only source allowed to SSH in. */
  readonly adminCidr: string;
  /** The security groups the bastion may open SSH sessions into: the APP tier's, nothing else. */
  readonly targets: ec2.ISecurityGroup[];
  /**
   * The server size.
   * @default t3.micro
   */
  readonly instanceType?: ec2.InstanceType;
}

/**
 * A bastion host: the one server administrators SSH into from their own network, and from which
 * they reach the APP servers. It is the only SSH door, so it is kept small, patched and watched.
 */
export class Bastion extends Construct {
  /** The bastion instance. */
  public readonly instance: ec2.Instance;
  /** The bastion's security group. */
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: BastionProps) {
    if (props.targets.length === 0) {
      throw new Error('Bastion: targets is empty: pass the APP tier security group the administrators need to reach.');
    }
    super(scope, id);

    // Outbound closed by default: the bastion may only open SSH sessions to the targets below.
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Bastion: SSH from the administrators only',
      allowAllOutbound: false,
    });
    // Never 0.0.0.0/0: the whole internet would try passwords and exploits on port 22.
    this.securityGroup.addIngressRule(ec2.Peer.ipv4(props.adminCidr), ec2.Port.tcp(22), 'SSH from the administrators');
    for (const target of props.targets) {
      // The scope the review asked for: the bastion reaches APP (the application servers), not WEB
      // and not the database, which only APP may open.
      this.securityGroup.addEgressRule(target, ec2.Port.tcp(22), 'SSH to the APP servers');
      target.addIngressRule(this.securityGroup, ec2.Port.tcp(22), 'SSH from the bastion');
    }

    this.instance = new ec2.Instance(this, 'Instance', {
      vpc: props.vpc,
      // A public subnet and a public IP: the administrators must reach it from outside.
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: this.securityGroup,
      // No key pair: administrators push a one-minute key with EC2 Instance Connect
      // (aws ec2-instance-connect send-ssh-public-key), so no long-lived key can leak.
      requireImdsv2: true,
      blockDevices: [
        { deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) },
      ],
    });
    acknowledgeNag(
      this.instance,
      'AwsSolutions-EC28',
      'Detailed (1-minute) monitoring costs extra; 5-minute metrics are enough for a bastion that idles.',
    );
    acknowledgeNag(
      this.instance,
      'AwsSolutions-EC29',
      'Termination protection would stop the lab teardown (cdk destroy); the bastion holds no data.',
    );
  }
}
