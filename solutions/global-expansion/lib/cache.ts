import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
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
  /** The replication group. */
  public readonly replicationGroup: elasticache.CfnReplicationGroup;
  /** The cache's own security group: the cache port from the APP servers only. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The port the cache listens on. */
  public readonly port: number;
  /** The primary endpoint's DNS name: it follows the primary through a failover. */
  public readonly host: string;

  constructor(scope: Construct, id: string, props: ShopCacheProps) {
    const port = props.port ?? 6379;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`ShopCache: port ${port} is not a TCP port: use a whole number from 1 to 65535.`);
    }
    const nodeType = props.nodeType ?? 'cache.t4g.micro';
    if (!/^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(nodeType)) {
      throw new Error(`ShopCache: nodeType "${nodeType}" is not an ElastiCache node type: use one like cache.t4g.micro.`);
    }
    super(scope, id);
    this.port = port;

    // Outbound closed: the cache never opens connections of its own.
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Cache: Valkey from the APP servers only',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(props.clients, ec2.Port.tcp(port), 'Valkey from the APP servers');

    // The isolated subnets of every AZ, like the database: no route to or from the internet.
    const subnetGroup = new elasticache.CfnSubnetGroup(this, 'SubnetGroup', {
      description: 'The shop cache: isolated subnets in every AZ',
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
    });

    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: 'The shop cache: product reads, cache-aside',
      // Valkey: the open-source continuation of Redis OSS 7.2, same protocol and clients.
      engine: 'valkey',
      engineVersion: props.engineVersion ?? '8.2',
      cacheNodeType: nodeType,
      // A primary and one replica; ElastiCache places them in different AZs of the subnet group.
      numCacheClusters: 2,
      // Multi-AZ with automatic failover: if the primary or its AZ fails, ElastiCache promotes the
      // replica and moves the primary endpoint's DNS name to it.
      multiAzEnabled: true,
      automaticFailoverEnabled: true,
      cacheSubnetGroupName: subnetGroup.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port,
      // TLS on every connection (clients connect with CACHE_TLS=true), and encrypted snapshots and swap.
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
    });
    this.host = this.replicationGroup.attrPrimaryEndPointAddress;

    acknowledgeNag(
      this.replicationGroup,
      'AwsSolutions-AEC6',
      'Only the APP security group reaches the cache, over TLS; production adds RBAC user groups or IAM authentication for the clients.',
    );
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
