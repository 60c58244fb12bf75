import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** Props of {@link ShopNetwork}. */
export interface ShopNetworkProps {
  /**
   * The VPC's address range. The prefix (/16) fixes the first 16 bits, so every address in
   * the VPC starts with the same two numbers (10.0.x.x).
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
}

/** The old data centre as a network: one VPC, one Availability Zone, one public subnet. */
export class ShopNetwork extends Construct {
  /** The VPC every server of the shop lives in. */
  public readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: ShopNetworkProps = {}) {
    const cidr = props.cidr ?? '10.0.0.0/16';
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const prefix = Number(match?.[5]);
    if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255) || prefix < 16 || prefix > 24) {
      throw new Error(`ShopNetwork: cidr "${cidr}" is not an IPv4 range from /16 to /24: use one like 10.0.0.0/16.`);
    }
    super(scope, id);

    // TODO(vpc-migration) step 1: make this 10.0.0.0/16 over two AZs with Public, App and Database subnets and a NAT gateway per AZ.
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      // One Availability Zone is one data centre: if it fails, the whole shop is down.
      maxAzs: 1,
      // Every server sits in the public subnet, so nothing needs a NAT gateway to reach the internet.
      natGateways: 0,
      // A public subnet is one whose route table sends 0.0.0.0/0 to the internet gateway.
      subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }],
    });
  }
}
