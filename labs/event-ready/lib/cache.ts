import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/** Props of {@link ShopCache}. */
export interface ShopCacheProps {
  /** The VPC whose isolated subnets hold the cache nodes. */
  readonly vpc: ec2.IVpc;
  /** The APP servers' security group: the only clients the cache admits. */
  readonly clients: ec2.ISecurityGroup;
  /**
   * The cache port (Valkey and Redis OSS use 6379).
   * @default 6379
   */
  readonly port?: number;
  /**
   * The node size; one primary and one replica of it run.
   * @default 'cache.t4g.micro'
   */
  readonly nodeType?: string;
  /**
   * The Valkey engine version.
   * @default '8.2'
   */
  readonly engineVersion?: string;
}

/**
 * The shop's cache for cache-aside product reads: an ElastiCache for Valkey replication group of a
 * primary and a replica in two AZs, with automatic failover, TLS and encryption at rest, that only
 * the APP servers can reach.
 */
export class ShopCache extends Construct {
  /** The cache's own security group: the cache port from the APP servers only. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The port the cache listens on. */
  public readonly port: number;

  constructor(scope: Construct, id: string, props: ShopCacheProps) {
    const port = props.port ?? 6379;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`ShopCache: port ${port} is not a TCP port: use a whole number from 1 to 65535.`);
    }
    super(scope, id);
    this.port = port;

    // Outbound closed: the cache never opens connections of its own.
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Cache: Valkey from the APP servers only',
      allowAllOutbound: false,
    });
    // TODO(event-ready) step 1: let props.clients (the APP servers) in on the cache port, and nobody else.
    // Then an elasticache.CfnSubnetGroup over the isolated subnets, and an elasticache.CfnReplicationGroup
    // in it behind this.securityGroup: engine 'valkey' (props.engineVersion, 8.2 by default), node type
    // props.nodeType (cache.t4g.micro by default, checked), a primary and a replica that ElastiCache
    // fails over to automatically, TLS and encryption at rest. Keep it as this.replicationGroup, its
    // primary endpoint address as this.host, and acknowledge its AwsSolutions-AEC6 finding with a reason.
  }

  /**
   * Lets the client subnets reach the cache port through the network ACL of the isolated subnets; the
   * replies already leave through that ACL's ephemeral-port rules for the database clients.
   */
  public admitThrough(acl: ec2.NetworkAcl, clientSubnets: ec2.ISubnet[]): void {
    if (clientSubnets.length === 0) {
      throw new Error('ShopCache: clientSubnets is empty: pass the APP subnets that connect to the cache.');
    }
    clientSubnets.forEach((subnet, index) => {
      const ruleNumber = 200 + index * 10;
      const entry = acl.addEntry(`CacheFrom${ruleNumber}`, {
        ruleNumber,
        cidr: ec2.AclCidr.ipv4(subnet.ipv4CidrBlock),
        traffic: ec2.AclTraffic.tcpPort(this.port),
        direction: ec2.TrafficDirection.INGRESS,
        ruleAction: ec2.Action.ALLOW,
      });
      acknowledgeNag(
        entry,
        'AwsSolutions-VPC3',
        'The review asked for this network ACL: the cache port from the APP subnets, next to the database port.',
      );
    });
  }
}
