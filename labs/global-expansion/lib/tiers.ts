import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Props of {@link LoadBalancedTier}. */
export interface LoadBalancedTierProps {
  /** The VPC. */
  readonly vpc: ec2.IVpc;
  /** True for the shop's front door (public subnets, public DNS name), false for an internal ALB. */
  readonly internetFacing: boolean;
  /** The load balancer's security group. */
  readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  /** The security group every server of the tier wears (set in the launch template). */
  readonly instanceSecurityGroup: ec2.ISecurityGroup;
  /** The port the servers serve HTTP on. */
  readonly instancePort: number;
  /** The first-boot script that installs and starts the tier's software. */
  readonly userData: ec2.UserData;
  /**
   * The path the load balancer polls; a server that stops answering 200 there is replaced.
   * @default '/health'
   */
  readonly healthCheckPath?: string;
  /**
   * The fewest servers to run: with two AZs, 2 keeps one server in each.
   * @default 2
   */
  readonly minCapacity?: number;
  /**
   * The most servers the group may scale out to.
   * @default 4
   */
  readonly maxCapacity?: number;
  /**
   * The server size, set in the launch template.
   * @default t3.micro
   */
  readonly instanceType?: ec2.InstanceType;
}

/**
 * One tier of the shop: an Application Load Balancer spreading requests over an Auto Scaling
 * group of servers in the private subnets of every AZ, built from a launch template.
 */
export class LoadBalancedTier extends Construct {
  /** The tier's Application Load Balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The tier's Auto Scaling group. */
  public readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  /** The IAM role the tier's servers run as (no permissions unless granted). */
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: LoadBalancedTierProps) {
    const minCapacity = props.minCapacity ?? 2;
    const maxCapacity = props.maxCapacity ?? 4;
    if (!Number.isInteger(minCapacity) || minCapacity < 2) {
      throw new Error(`LoadBalancedTier: minCapacity ${minCapacity} is below 2: keep at least one server in each of the two AZs.`);
    }
    if (!Number.isInteger(maxCapacity) || maxCapacity < minCapacity) {
      throw new Error(`LoadBalancedTier: maxCapacity ${maxCapacity} is below minCapacity ${minCapacity}: raise maxCapacity.`);
    }
    if (!Number.isInteger(props.instancePort) || props.instancePort < 1 || props.instancePort > 65535) {
      throw new Error(`LoadBalancedTier: instancePort ${props.instancePort} is not a TCP port: use a whole number from 1 to 65535.`);
    }
    super(scope, id);

    // The instance role starts empty: a tier gets only the permissions the stack grants it.
    this.role = new iam.Role(this, 'InstanceRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });

    // A launch template is the recipe for every server the group starts: instance type, AMI,
    // security group and first-boot script. Change the recipe, and new servers follow it.
    const launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
      // The AMI id comes from a public SSM parameter at deploy time: always the latest Amazon Linux 2023.
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: props.instanceSecurityGroup,
      role: this.role,
      userData: props.userData,
      // IMDSv2 only: the instance metadata service (and the role's credentials in it) answers only
      // requests with a session token, which a tricked web request (SSRF) cannot obtain.
      requireImdsv2: true,
      // Encryption at rest for the root volume too, with the AWS-managed EBS key.
      blockDevices: [
        { deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) },
      ],
    });

    // The group keeps between min and max servers alive, spread over the private subnets of every
    // AZ; if an AZ fails, it starts replacements in the AZ that is left.
    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'Group', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate,
      minCapacity,
      maxCapacity,
      // Also trust the load balancer's health check: a server that runs but stops answering is replaced.
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(5),
      }),
    });

    // An ALB needs subnets in at least two AZs; each AZ gets its own load balancer node.
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      internetFacing: props.internetFacing,
      vpcSubnets: { subnetType: props.internetFacing ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup: props.loadBalancerSecurityGroup,
    });
    // `open: false`: the security chain already decides who may reach this listener.
    const listener = this.loadBalancer.addListener('Http', { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, open: false });
    listener.addTargets('Servers', {
      port: props.instancePort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.autoScalingGroup],
      healthCheck: { path: props.healthCheckPath ?? '/health', interval: Duration.seconds(15) },
      deregistrationDelay: Duration.seconds(30),
    });
  }
}
