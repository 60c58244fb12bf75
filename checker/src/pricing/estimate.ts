import { priceLine, priceTable, roundUsd, type CostLine, type LocalizedText, type PriceTable, type PricedLine } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import { CannotEvaluate, type Resource } from '../model/types';
import { autoScalingGroupSubnets, loadBalancerScheme, loadBalancerSubnets, loadBalancers } from '../model/queries/compute';
import { clusterOf, dbEngine, isReadReplica, replicaSource } from '../model/queries/database';
import { launchSpecOf } from '../model/queries/security-groups';
import { subnetOf } from '../model/queries/network';
import { booleanProp, listProp, numberProp, stringProp } from '../model/queries/values';

/** One line of an estimate: a price of the table, how many units, what it costs, and which resources it covers. */
export interface EstimateLine extends PricedLine {
  /** Ids of the resources the line counts. */
  readonly resources: readonly string[];
  /** True when the quantity is an assumed usage (traffic, requests), not a count of resources. */
  readonly assumed: boolean;
}

/** Something that costs money but that the table cannot price (an instance type it lacks, Aurora...). */
export interface Unpriced {
  readonly resource: string;
  readonly reason: LocalizedText;
}

/** An hourly and monthly estimate of one architecture in one Region. */
export interface Estimate {
  readonly region: string;
  /** Date of the price table. */
  readonly priceDate: string;
  readonly lines: readonly EstimateLine[];
  readonly unpriced: readonly Unpriced[];
  readonly hourlyUsd: number;
  readonly monthlyUsd: number;
}

interface Counted {
  readonly price: string;
  readonly quantity: number;
  readonly resources: string[];
  readonly assumed: boolean;
}

/**
 * Estimates what a template or live stack costs per hour and per month, from the dated price table
 * (labs/prices.json) in `region`: NAT gateways and their data, load balancers and LCUs, instances by
 * type (Auto Scaling groups at their desired or minimum size), RDS by class and Multi-AZ with
 * Extended Support for engines past standard support, ElastiCache nodes, public IPv4 addresses,
 * CloudFront requests, AWS WAF, Secrets Manager secrets and interface endpoints.
 */
export function estimate(graph: ResourceGraph, region: string, table: PriceTable = priceTable): Estimate {
  const counts = new Map<string, Counted>();
  const unpriced: Unpriced[] = [];
  const add = (price: string, quantity: number, resources: string[], assumed = false): void => {
    if (quantity <= 0) return;
    const known = counts.get(price);
    counts.set(price, {
      price,
      quantity: (known?.quantity ?? 0) + quantity,
      resources: [...(known?.resources ?? []), ...resources],
      assumed,
    });
  };
  const guard = (resource: Resource, count: () => void): void => {
    try {
      count();
    } catch (error) {
      if (!(error instanceof CannotEvaluate)) throw error;
      unpriced.push({ resource: resource.id, reason: { en: error.what, ko: error.what } });
    }
  };
  const priceOrNote = (resource: Resource, price: string, quantity: number, what: LocalizedText): void => {
    if (table.prices[price]?.usd[region] !== undefined) add(price, quantity, [resource.id]);
    else
      unpriced.push({
        resource: resource.id,
        reason: { en: `${what.en} has no price in the table for ${region}`, ko: `${what.ko}의 ${region} 가격이 표에 없습니다` },
      });
  };
  const { assumptions } = table;

  for (const nat of graph.ofType('AWS::EC2::NatGateway')) {
    if (nat.properties.ConnectivityType === 'private') continue;
    add('nat-gateway', 1, [nat.id]);
    add('nat-gateway-data', assumptions.natGatewayGbPerMonth, [nat.id], true);
  }

  for (const lb of loadBalancers(graph)) {
    add('alb', 1, [lb.id]);
    add('alb-lcu', assumptions.albLcuPerHour, [lb.id], true);
    guard(lb, () => {
      if (loadBalancerScheme(graph, lb) === 'internet-facing') add('public-ipv4', loadBalancerSubnets(graph, lb).length, [lb.id]);
    });
  }
  for (const lb of [...loadBalancers(graph, 'network'), ...loadBalancers(graph, 'gateway')])
    unpriced.push({
      resource: lb.id,
      reason: { en: 'network and gateway load balancers are not in the table', ko: 'NLB·GWLB는 가격표에 없습니다' },
    });

  for (const instance of graph.ofType('AWS::EC2::Instance')) {
    guard(instance, () => {
      const type = instanceType(graph, instance);
      priceOrNote(instance, `ec2:${type}`, 1, { en: `instance type ${type}`, ko: `인스턴스 유형 ${type}` });
      if (instanceHasPublicIp(graph, instance)) add('public-ipv4', 1, [instance.id]);
    });
  }

  for (const asg of graph.ofType('AWS::AutoScaling::AutoScalingGroup')) {
    guard(asg, () => {
      const size = numberProp(graph, asg, 'DesiredCapacity') ?? numberProp(graph, asg, 'MinSize') ?? 0;
      const spec = launchSpecOf(graph, asg);
      if (!spec) throw new CannotEvaluate(`Auto Scaling group ${asg.id} has neither a launch template nor a launch configuration`);
      const type =
        spec.kind === 'launch-template'
          ? stringProp(graph, spec.resource, 'LaunchTemplateData.InstanceType')
          : stringProp(graph, spec.resource, 'InstanceType');
      if (type === undefined) throw new CannotEvaluate(`Auto Scaling group ${asg.id} launches instances without an instance type`);
      priceOrNote(asg, `ec2:${type}`, size, { en: `instance type ${type}`, ko: `인스턴스 유형 ${type}` });
      const publicByTemplate =
        spec.kind === 'launch-template'
          ? booleanProp(graph, spec.resource, 'LaunchTemplateData.NetworkInterfaces.0.AssociatePublicIpAddress')
          : booleanProp(graph, spec.resource, 'AssociatePublicIpAddress');
      const subnets = autoScalingGroupSubnets(graph, asg);
      const publicBySubnet = subnets.length > 0 && subnets.every((subnet) => booleanProp(graph, subnet, 'MapPublicIpOnLaunch') === true);
      if (publicByTemplate ?? publicBySubnet) add('public-ipv4', size, [asg.id]);
    });
  }

  for (const db of graph.ofType('AWS::RDS::DBInstance')) {
    guard(db, () => {
      if (clusterOf(graph, db)) {
        unpriced.push({
          resource: db.id,
          reason: { en: 'Aurora cluster members are not in the table', ko: 'Aurora 클러스터 인스턴스는 가격표에 없습니다' },
        });
        return;
      }
      const engine = dbEngine(graph, db);
      const dbClass = stringProp(graph, db, 'DBInstanceClass');
      if (dbClass === undefined) throw new CannotEvaluate(`DB instance ${db.id} has no DBInstanceClass`);
      const multiAz = booleanProp(graph, db, 'MultiAZ') === true;
      const family = /^(mysql|mariadb)$/.test(engine) ? 'rds-mysql' : undefined;
      const key = `${family ?? `rds-${engine}`}${multiAz ? '-multi-az' : ''}:${dbClass}`;
      const what = {
        en: `RDS ${engine} ${dbClass}${multiAz ? ' Multi-AZ' : ''}`,
        ko: `RDS ${engine} ${dbClass}${multiAz ? ' Multi-AZ' : ''}`,
      };
      priceOrNote(db, key, 1, what);
      const support = extendedSupport(graph, db, engine, table);
      const vcpus = table.prices[key]?.vcpus;
      if (support && vcpus !== undefined) add('rds-extended-support', vcpus * support.factor, [db.id]);
      if (booleanProp(graph, db, 'PubliclyAccessible') === true) add('public-ipv4', 1, [db.id]);
    });
  }
  for (const cluster of graph.ofType('AWS::RDS::DBCluster'))
    unpriced.push({
      resource: cluster.id,
      reason: { en: 'Aurora and Multi-AZ DB clusters are not in the table', ko: 'Aurora·Multi-AZ DB 클러스터는 가격표에 없습니다' },
    });

  for (const cache of graph.ofType('AWS::ElastiCache::CacheCluster')) {
    guard(cache, () => {
      const type = stringProp(graph, cache, 'CacheNodeType') ?? '';
      priceOrNote(cache, `elasticache:${type}`, numberProp(graph, cache, 'NumCacheNodes') ?? 1, {
        en: `cache node ${type}`,
        ko: `캐시 노드 ${type}`,
      });
    });
  }
  for (const group of graph.ofType('AWS::ElastiCache::ReplicationGroup')) {
    guard(group, () => {
      const type = stringProp(graph, group, 'CacheNodeType') ?? '';
      const shards = numberProp(graph, group, 'NumNodeGroups');
      const nodes =
        shards !== undefined
          ? shards * ((numberProp(graph, group, 'ReplicasPerNodeGroup') ?? 0) + 1)
          : (numberProp(graph, group, 'NumCacheClusters') ?? 1);
      priceOrNote(group, `elasticache:${type}`, nodes, { en: `cache node ${type}`, ko: `캐시 노드 ${type}` });
    });
  }
  for (const cache of graph.ofType('AWS::ElastiCache::ServerlessCache'))
    unpriced.push({
      resource: cache.id,
      reason: { en: 'ElastiCache Serverless is not in the table', ko: 'ElastiCache Serverless는 가격표에 없습니다' },
    });

  for (const eip of graph.ofType('AWS::EC2::EIP')) add('public-ipv4', 1, [eip.id]);

  for (const distribution of graph.ofType('AWS::CloudFront::Distribution'))
    add('cloudfront-https-requests', assumptions.cloudFrontHttpsRequestsPerMonth / 10_000, [distribution.id], true);

  for (const acl of graph.ofType('AWS::WAFv2::WebACL')) {
    add('waf-web-acl', 1, [acl.id]);
    guard(acl, () => add('waf-rule', listProp(graph, acl, 'Rules').length, [acl.id]));
    add('waf-requests', assumptions.wafRequestsPerMonth / 1_000_000, [acl.id], true);
  }

  for (const secret of graph.ofType('AWS::SecretsManager::Secret')) add('secrets-manager-secret', 1, [secret.id]);

  for (const endpoint of graph.ofType('AWS::EC2::VPCEndpoint')) {
    guard(endpoint, () => {
      if (stringProp(graph, endpoint, 'VpcEndpointType') === 'Interface')
        add('vpc-interface-endpoint', Math.max(1, listProp(graph, endpoint, 'SubnetIds').length), [endpoint.id]);
    });
  }

  const lines = [...counts.values()].map((counted): EstimateLine => {
    const { price, quantity, resources, assumed } = counted;
    return { ...priceLine({ price, quantity: round(quantity) }, region, table), resources, assumed };
  });
  const hourly = lines.reduce((sum, line) => sum + line.usd, 0);
  return {
    region,
    priceDate: table.date,
    lines,
    unpriced,
    hourlyUsd: roundUsd(hourly),
    monthlyUsd: Math.round(hourly * table.hoursPerMonth * 100) / 100,
  };
}

/** The lines of an estimate as catalog cost items: price key and quantity. */
export function costLines(result: Estimate): CostLine[] {
  return result.lines.map(({ price, quantity }) => ({ price, quantity }));
}

/** The lines that cost the most per hour, most expensive first. */
export function biggest(result: Estimate, count = 3): EstimateLine[] {
  return [...result.lines].sort((a, b) => b.usd - a.usd).slice(0, count);
}

/** One price key's difference between two estimates: how many more (or fewer) units, and what that costs per hour. */
export interface LineDifference {
  readonly price: string;
  readonly name: LocalizedText;
  readonly mine: number;
  readonly theirs: number;
  readonly usd: number;
}

/** How `mine` differs from `theirs` (the lab's solution), key by key, biggest difference first. */
export function compare(mine: Estimate, theirs: Estimate, table: PriceTable = priceTable): LineDifference[] {
  const keys = [...new Set([...mine.lines, ...theirs.lines].map((line) => line.price))];
  return keys
    .map((price): LineDifference => {
      const a = mine.lines.find((line) => line.price === price);
      const b = theirs.lines.find((line) => line.price === price);
      return {
        price,
        name: table.prices[price].name,
        mine: a?.quantity ?? 0,
        theirs: b?.quantity ?? 0,
        usd: (a?.usd ?? 0) - (b?.usd ?? 0),
      };
    })
    .filter((difference) => Math.abs(difference.usd) >= 0.0005)
    .sort((a, b) => Math.abs(b.usd) - Math.abs(a.usd));
}

function round(quantity: number): number {
  return Math.round(quantity * 1000) / 1000;
}

function instanceType(graph: ResourceGraph, instance: Resource): string {
  const direct = stringProp(graph, instance, 'InstanceType');
  if (direct) return direct;
  const templateRef = graph.prop(instance, 'LaunchTemplate.LaunchTemplateId');
  const template = templateRef === undefined ? undefined : graph.deref(templateRef, `instance ${instance.id} LaunchTemplate`);
  const fromTemplate = template ? stringProp(graph, template, 'LaunchTemplateData.InstanceType') : undefined;
  // EC2 launches m1.small when neither the instance nor its launch template names a type.
  return fromTemplate ?? 'm1.small';
}

function instanceHasPublicIp(graph: ResourceGraph, instance: Resource): boolean {
  const explicit = booleanProp(graph, instance, 'NetworkInterfaces.0.AssociatePublicIpAddress');
  if (explicit !== undefined) return explicit;
  const subnet =
    subnetOf(graph, instance) ?? graph.deref(graph.prop(instance, 'NetworkInterfaces.0.SubnetId'), `instance ${instance.id} subnet`);
  return subnet !== undefined && booleanProp(graph, subnet, 'MapPublicIpOnLaunch') === true;
}

/** Extended Support of a database whose engine version is past standard support at the table's date. */
function extendedSupport(graph: ResourceGraph, db: Resource, engine: string, table: PriceTable): { factor: number } | undefined {
  const source = isReadReplica(db) ? replicaSource(graph, db) : undefined;
  const version = stringProp(graph, db, 'EngineVersion') ?? (source ? stringProp(graph, source, 'EngineVersion') : undefined);
  if (version === undefined) return undefined;
  const family = engine === 'mariadb' ? undefined : engine;
  const versions = family ? table.extendedSupport[family] : undefined;
  const major = Object.keys(versions ?? {}).find((candidate) => version === candidate || version.startsWith(`${candidate}.`));
  const entry = major ? versions?.[major] : undefined;
  return entry && entry.since <= table.date ? { factor: entry.factor } : undefined;
}
