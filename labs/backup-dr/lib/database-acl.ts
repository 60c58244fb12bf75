import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/** Props of {@link DatabaseSubnetAcl}. */
export interface DatabaseSubnetAclProps {
  /** The VPC. */
  readonly vpc: ec2.IVpc;
  /** The database subnets the network ACL guards. */
  readonly databaseSubnets: ec2.ISubnet[];
  /** The subnets whose servers may open database connections (the APP subnets). */
  readonly clientSubnets: ec2.ISubnet[];
  /**
   * The database port.
   * @default 3306
   */
  readonly port?: number;
}

/**
 * A network ACL on the database subnets: a second, subnet-wide wall behind the security groups.
 * Security groups are stateful and follow each resource; a network ACL is stateless and checks
 * every packet entering or leaving the subnet, so replies need their own rule.
 */
export class DatabaseSubnetAcl extends Construct {
  /** The network ACL. */
  public readonly acl: ec2.NetworkAcl;

  constructor(scope: Construct, id: string, props: DatabaseSubnetAclProps) {
    const port = props.port ?? 3306;
    if (props.databaseSubnets.length === 0 || props.clientSubnets.length === 0) {
      throw new Error('DatabaseSubnetAcl: databaseSubnets and clientSubnets must both list at least one subnet.');
    }
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`DatabaseSubnetAcl: port ${port} is not a TCP port: use a whole number from 1 to 65535.`);
    }
    super(scope, id);

    this.acl = new ec2.NetworkAcl(this, 'Acl', { vpc: props.vpc, subnetSelection: { subnets: props.databaseSubnets } });
    const entries: ec2.NetworkAclEntry[] = [];
    let rule = 100;
    for (const subnet of props.clientSubnets) {
      // In: database connections from the APP subnets only.
      entries.push(
        this.acl.addEntry(`DatabaseFrom${rule}`, {
          ruleNumber: rule,
          cidr: ec2.AclCidr.ipv4(subnet.ipv4CidrBlock),
          traffic: ec2.AclTraffic.tcpPort(port),
          direction: ec2.TrafficDirection.INGRESS,
          ruleAction: ec2.Action.ALLOW,
        }),
      );
      // Out: the replies, which go back to the client's ephemeral port (1024-65535). A stateless
      // ACL does not remember the connection, so without this rule every answer is dropped.
      entries.push(
        this.acl.addEntry(`RepliesTo${rule}`, {
          ruleNumber: rule,
          cidr: ec2.AclCidr.ipv4(subnet.ipv4CidrBlock),
          traffic: ec2.AclTraffic.tcpPortRange(1024, 65535),
          direction: ec2.TrafficDirection.EGRESS,
          ruleAction: ec2.Action.ALLOW,
        }),
      );
      rule += 10;
    }
    // No entry between the database subnets: RDS copies data to the Multi-AZ standby and to read
    // replicas over AWS's own network, which neither network ACLs nor security groups filter.
    // Everything else hits the ACL's implicit last rule (*): DENY.
    for (const resource of [this.acl, ...entries]) {
      acknowledgeNag(
        resource,
        'AwsSolutions-VPC3',
        'The review asked for this network ACL: a stateless second wall on the database subnets, kept to the rules above.',
      );
    }
  }
}
