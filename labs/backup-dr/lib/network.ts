import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

/** Props of {@link ShopNetwork}. */
export interface ShopNetworkProps {
  /**
   * The VPC's address range. The prefix (/16) fixes the first 16 bits, so every address in
   * the VPC starts with the same two numbers (10.0.x.x) and 65,536 addresses remain to split.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * How many Availability Zones to spread over; each gets its own subnets and NAT gateway.
   * @default 2
   */
  readonly azCount?: number;
}

/**
 * The shop's VPC across Availability Zones: in each AZ a public subnet (load balancer, NAT
 * gateway), a private application subnet (WEB and APP servers) and an isolated database subnet.
 */
export class ShopNetwork extends Construct {
  /** The VPC. */
  public readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: ShopNetworkProps = {}) {
    const cidr = props.cidr ?? '10.0.0.0/16';
    const azCount = props.azCount ?? 2;
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const prefix = Number(match?.[5]);
    if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255) || prefix < 16 || prefix > 20) {
      throw new Error(`ShopNetwork: cidr "${cidr}" is not an IPv4 range from /16 to /20: use one like 10.0.0.0/16.`);
    }
    if (!Number.isInteger(azCount) || azCount < 2 || azCount > 3) {
      throw new Error(`ShopNetwork: azCount ${azCount} must be 2 or 3: an ALB and a Multi-AZ database need at least two AZs.`);
    }
    super(scope, id);

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      // Two AZs are two separate groups of data centres: a disaster in one leaves the other running.
      maxAzs: azCount,
      // One NAT gateway per AZ, each in that AZ's public subnet, and each private subnet's default
      // route points at the NAT gateway of its own AZ: losing one AZ never cuts the other's egress.
      natGateways: azCount,
      subnetConfiguration: [
        // Public: its route table sends 0.0.0.0/0 to the internet gateway (IGW).
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        // Private with egress: no route to the IGW, so nothing on the internet can open a connection
        // in; servers still reach out (software updates) through the NAT gateway.
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        // Isolated: no route out of the VPC at all; only the local route (10.0.0.0/16) applies.
        { name: 'Database', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
  }
}

/** Props of {@link ShopDomain}. */
export interface ShopDomainProps {
  /** The domain the shop answers on, such as shop.example.com. */
  readonly domainName: string;
  /** What the domain's alias record points at: the CloudFront distribution (or a load balancer). */
  readonly target: route53.IAliasRecordTarget;
}

/**
 * Optional stretch: a Route 53 public hosted zone for the shop's domain with an alias A record
 * to the front door (now the CloudFront distribution), so customers type a name instead of a
 * generated DNS name.
 */
export class ShopDomain extends Construct {
  /** The hosted zone; point your registrar's NS records at its name servers. */
  public readonly zone: route53.PublicHostedZone;

  constructor(scope: Construct, id: string, props: ShopDomainProps) {
    if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(props.domainName)) {
      throw new Error(`ShopDomain: domainName "${props.domainName}" is not a lower-case DNS name: use one like shop.example.com.`);
    }
    super(scope, id);

    this.zone = new route53.PublicHostedZone(this, 'Zone', { zoneName: props.domainName });
    // An alias record answers with the target's current IP addresses (for CloudFront, those of the
    // nearest edge location), which change over time; a plain A record with fixed IPs would break.
    new route53.ARecord(this, 'Alias', {
      zone: this.zone,
      target: route53.RecordTarget.fromAlias(props.target),
    });
  }
}
