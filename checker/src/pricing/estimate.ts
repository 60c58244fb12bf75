import { priceLine, priceTable, roundUsd, type LocalizedText, type PriceTable, type PricedLine } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import { CannotEvaluate, type RegionRole, type Resource } from '../model/types';
import { autoScalingGroupSubnets, loadBalancerScheme, loadBalancerSubnets, loadBalancers } from '../model/queries/compute';
import {
  backupPlans,
  backupRules,
  backupSelections,
  resourceTags,
  selectionCovers,
  serverTags,
  vaultNamed,
  type BackupSelection,
} from '../model/queries/backup';
import { clusterOf, dbEngine, isReadReplica, replicaSource } from '../model/queries/database';
import { replicationRules } from '../model/queries/media-copies';
import { launchSpecOf } from '../model/queries/security-groups';
import { subnetOf } from '../model/queries/network';
import { bucketNamed } from '../model/queries/storage';
import { booleanProp, listProp, numberProp, stringProp } from '../model/queries/values';

/** One line of an estimate: a price of the table, how many units, what it costs, and which resources it covers. */
export interface EstimateLine extends PricedLine {
  /** Ids of the resources the line counts. */
  readonly resources: readonly string[];
  /** True when the quantity is an assumed usage (traffic, requests), not a count of resources. */
  readonly assumed: boolean;
  /** The assumptions of labs/prices.json the quantity rests on. */
  readonly assumptions: readonly Assumption[];
}

/** One usage assumption of labs/prices.json. */
export type Assumption = keyof PriceTable['assumptions'];

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
  /** Auto Scaling groups the lines count at their desired (else minimum) size. */
  readonly sizedGroups: readonly string[];
  readonly hourlyUsd: number;
  readonly monthlyUsd: number;
}

interface Counted {
  /** The lab Region the line is billed in. */
  readonly role: RegionRole;
  readonly price: string;
  readonly quantity: number;
  readonly resources: string[];
  readonly assumptions: Assumption[];
}

/**
 * Estimates what a template or live stack costs per hour and per month, from the dated price table
 * (labs/prices.json) in `region`: NAT gateways and their data, load balancers and LCUs, instances by
 * type (Auto Scaling groups at their desired or minimum size), RDS by class and Multi-AZ with Extended
 * Support for engines past standard support (a read replica in another Region too, with the transfer of
 * its changes), ElastiCache nodes by engine, public IPv4 addresses, CloudFront requests, AWS WAF, Secrets
 * Manager secrets and their replicas (in the Region each replica is kept), interface endpoints, KMS customer
 * managed keys, Route 53 hosted zones and health checks, AWS Backup storage of the volumes and databases
 * a plan covers (and of its copies, with the transfer to another Region), and S3 replicas with their
 * transfer. With `role`, only the lines billed in that Region of a lab with several stacks (a copy is
 * billed where it lands, a transfer where it leaves).
 */
export function estimate(graph: ResourceGraph, region: string, table: PriceTable = priceTable, role?: RegionRole): Estimate {
  const counts = new Map<string, Counted>();
  const notes: Array<Unpriced & { readonly role: RegionRole }> = [];
  const roleOf = (resource: Resource): RegionRole => graph.placement(resource).region;
  const billed = (line: { readonly role: RegionRole }): boolean => role === undefined || line.role === role;
  /** Adds units of a price, billed where the first resource runs unless `where` says otherwise. */
  const add = (price: string, quantity: number, resources: Resource[], assumption?: Assumption, where = roleOf(resources[0])): void => {
    if (quantity <= 0) return;
    const key = `${where} ${price}`;
    const known = counts.get(key);
    counts.set(key, {
      role: where,
      price,
      quantity: (known?.quantity ?? 0) + quantity,
      resources: [...(known?.resources ?? []), ...resources.map((resource) => resource.id)],
      assumptions: [...new Set([...(known?.assumptions ?? []), ...(assumption ? [assumption] : [])])],
    });
  };
  /** Notes something the table cannot price, in the Region it would be billed in. */
  const note = (resource: Resource, reason: LocalizedText, where = roleOf(resource)): void => {
    notes.push({ resource: resource.id, reason, role: where });
  };
  const guard = (resource: Resource, count: () => void): void => {
    try {
      count();
    } catch (error) {
      if (!(error instanceof CannotEvaluate)) throw error;
      note(resource, { en: error.what, ko: error.what });
    }
  };
  const priceOrNote = (
    resource: Resource,
    price: string,
    quantity: number,
    what: LocalizedText,
    assumption?: Assumption,
    where = roleOf(resource),
  ): void => {
    // `region` is the Region of the lines kept: a line billed in the other one is dropped below, priced or not.
    if (table.prices[price]?.usd[region] !== undefined) add(price, quantity, [resource], assumption, where);
    else
      note(
        resource,
        { en: `${what.en} has no price in the table for ${region}`, ko: `${what.ko}의 ${region} 가격이 표에 없습니다` },
        where,
      );
  };
  const { assumptions } = table;

  for (const nat of graph.ofType('AWS::EC2::NatGateway')) {
    if (nat.properties.ConnectivityType === 'private') continue;
    add('nat-gateway', 1, [nat]);
    add('nat-gateway-data', assumptions.natGatewayGbPerMonth, [nat], 'natGatewayGbPerMonth');
  }

  for (const lb of loadBalancers(graph)) {
    add('alb', 1, [lb]);
    add('alb-lcu', assumptions.albLcuPerHour, [lb], 'albLcuPerHour');
    guard(lb, () => {
      if (loadBalancerScheme(graph, lb) === 'internet-facing') add('public-ipv4', loadBalancerSubnets(graph, lb).length, [lb]);
    });
  }
  for (const lb of [...loadBalancers(graph, 'network'), ...loadBalancers(graph, 'gateway')])
    note(lb, { en: 'network and gateway load balancers are not in the table', ko: 'NLB·GWLB는 가격표에 없습니다' });

  for (const instance of graph.ofType('AWS::EC2::Instance')) {
    guard(instance, () => {
      const type = instanceType(graph, instance);
      priceOrNote(instance, `ec2:${type}`, 1, { en: `instance type ${type}`, ko: `인스턴스 유형 ${type}` });
      if (instanceHasPublicIp(graph, instance)) add('public-ipv4', 1, [instance]);
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
      if (publicByTemplate ?? publicBySubnet) add('public-ipv4', size, [asg]);
    });
  }

  for (const db of graph.ofType('AWS::RDS::DBInstance')) {
    guard(db, () => {
      if (clusterOf(graph, db)) {
        note(db, { en: 'Aurora cluster members are not in the table', ko: 'Aurora 클러스터 인스턴스는 가격표에 없습니다' });
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
      if (support && vcpus !== undefined) add('rds-extended-support', vcpus * support.factor, [db]);
      if (booleanProp(graph, db, 'PubliclyAccessible') === true) add('public-ipv4', 1, [db]);
      // A replica in the other Region receives its source's changes across Regions, billed where they leave.
      const source = isReadReplica(db) ? replicaSource(graph, db) : undefined;
      if (source && roleOf(source) !== roleOf(db))
        add('inter-region-transfer', assumptions.crossRegionReplicaGbPerMonth, [db], 'crossRegionReplicaGbPerMonth', roleOf(source));
    });
  }
  for (const cluster of graph.ofType('AWS::RDS::DBCluster'))
    note(cluster, { en: 'Aurora and Multi-AZ DB clusters are not in the table', ko: 'Aurora·Multi-AZ DB 클러스터는 가격표에 없습니다' });

  for (const cache of graph.ofType('AWS::ElastiCache::CacheCluster')) {
    guard(cache, () => {
      const type = stringProp(graph, cache, 'CacheNodeType') ?? '';
      const what = { en: `cache node ${type}`, ko: `캐시 노드 ${type}` };
      priceOrNote(cache, cacheNodeKey(stringProp(graph, cache, 'Engine'), type), numberProp(graph, cache, 'NumCacheNodes') ?? 1, what);
    });
  }
  for (const group of graph.ofType('AWS::ElastiCache::ReplicationGroup')) {
    guard(group, () => {
      const type = stringProp(graph, group, 'CacheNodeType') ?? '';
      const what = { en: `cache node ${type}`, ko: `캐시 노드 ${type}` };
      priceOrNote(group, cacheNodeKey(stringProp(graph, group, 'Engine'), type), replicationGroupNodes(graph, group), what);
    });
  }
  for (const cache of graph.ofType('AWS::ElastiCache::ServerlessCache'))
    note(cache, { en: 'ElastiCache Serverless is not in the table', ko: 'ElastiCache Serverless는 가격표에 없습니다' });

  for (const eip of graph.ofType('AWS::EC2::EIP')) add('public-ipv4', 1, [eip]);

  for (const distribution of graph.ofType('AWS::CloudFront::Distribution'))
    add(
      'cloudfront-https-requests',
      assumptions.cloudFrontHttpsRequestsPerMonth / 10_000,
      [distribution],
      'cloudFrontHttpsRequestsPerMonth',
    );

  for (const acl of graph.ofType('AWS::WAFv2::WebACL')) {
    add('waf-web-acl', 1, [acl]);
    guard(acl, () => add('waf-rule', listProp(graph, acl, 'Rules').length, [acl]));
    add('waf-requests', assumptions.wafRequestsPerMonth / 1_000_000, [acl], 'wafRequestsPerMonth');
  }

  // A replica of a secret is a secret of its own, billed in the Region it is kept in.
  for (const secret of graph.ofType('AWS::SecretsManager::Secret')) {
    add('secrets-manager-secret', 1, [secret]);
    guard(secret, () => {
      listProp(graph, secret, 'ReplicaRegions').forEach((_, i) => {
        const name = stringProp(graph, secret, `ReplicaRegions.${i}.Region`);
        if (name === undefined) throw new CannotEvaluate(`secret ${secret.id} has a replica without a Region`);
        const where = graph.stacks.find((stack) => stack.regionName === name)?.region;
        if (where) add('secrets-manager-replica', 1, [secret], undefined, where);
        else
          note(secret, {
            en: `a replica in ${name}, outside the lab's Regions, is not estimated`,
            ko: `실습 리전 밖(${name})의 복제본은 추정하지 않았습니다`,
          });
      });
    });
  }

  for (const endpoint of graph.ofType('AWS::EC2::VPCEndpoint')) {
    guard(endpoint, () => {
      if (stringProp(graph, endpoint, 'VpcEndpointType') === 'Interface')
        add('vpc-interface-endpoint', Math.max(1, listProp(graph, endpoint, 'SubnetIds').length), [endpoint]);
    });
  }

  for (const key of [...graph.ofType('AWS::KMS::Key'), ...graph.ofType('AWS::KMS::ReplicaKey')]) add('kms-key', 1, [key]);

  for (const zone of graph.ofType('AWS::Route53::HostedZone')) add('route53-hosted-zone', 1, [zone]);
  for (const check of graph.ofType('AWS::Route53::HealthCheck')) {
    add('route53-health-check', 1, [check]);
    guard(check, () => {
      const extras = healthCheckExtras(graph, check);
      if (extras.length > 0)
        note(check, {
          en: `the table prices the basic health check: ${extras.map((extra) => extra.en).join(', ')} cost extra and are left out`,
          ko: `표에는 기본 상태 확인 가격만 있어 추가 요금(${extras.map((extra) => extra.ko).join(', ')})은 빠졌습니다`,
        });
    });
  }

  // AWS Backup keeps recovery points of what a plan's selections cover in the plan's Region, and each copy
  // action keeps them again where its vault runs; a copy to the other Region moves them there (billed where
  // it leaves). How much that is per GB of data is the table's assumption.
  const selections = backupSelections(graph);
  for (const plan of backupPlans(graph)) {
    guard(plan, () => {
      const covered = backupData(
        graph,
        plan,
        selections.filter((selection) => selection.plan === plan),
        note,
      );
      const store = (at: Resource, where: RegionRole): void => {
        add('backup-storage-ebs', covered.ebsGb * assumptions.backupGbPerDataGb, [at], 'backupGbPerDataGb', where);
        add('backup-storage-rds', covered.rdsGb * assumptions.backupGbPerDataGb, [at], 'backupGbPerDataGb', where);
      };
      for (const rule of backupRules(graph, plan)) {
        store(plan, roleOf(plan));
        for (const copy of rule.copies) {
          const vault = vaultNamed(graph, copy.destination);
          if (!vault) {
            note(plan, {
              en: `rule ${rule.name} copies to a vault outside the lab's stacks: its copies are not estimated`,
              ko: `규칙 ${rule.name}이(가) 실습 스택 밖의 볼트로 복사합니다. 그 사본은 추정하지 않았습니다`,
            });
            continue;
          }
          store(vault, roleOf(vault));
          if (roleOf(vault) !== roleOf(plan))
            add('inter-region-transfer', (covered.ebsGb + covered.rdsGb) * assumptions.backupGbPerDataGb, [plan], 'backupGbPerDataGb');
        }
      }
    });
  }

  // S3 replication: the replica holds what the source writes (the table's assumption per month) in the
  // rule's storage class where the destination bucket runs; the transfer to another Region is billed where it leaves.
  for (const bucket of graph.ofType('AWS::S3::Bucket')) {
    guard(bucket, () => {
      replicationRules(graph, bucket).forEach((rule, i) => {
        if (!rule.enabled) return;
        const replica = bucketNamed(graph, rule.destination);
        if (!replica) {
          note(bucket, {
            en: `replication rule ${rule.id} writes to a bucket outside the lab's stacks: its replica is not estimated`,
            ko: `복제 규칙 ${rule.id}이(가) 실습 스택 밖의 버킷에 씁니다. 그 복제본은 추정하지 않았습니다`,
          });
          return;
        }
        const storageClass = stringProp(graph, bucket, `ReplicationConfiguration.Rules.${i}.Destination.StorageClass`) ?? 'STANDARD';
        const key = `s3-${storageClass.toLowerCase().replace(/_/g, '-')}-storage`;
        const gb = assumptions.replicatedGbPerMonth;
        priceOrNote(replica, key, gb, { en: `S3 ${storageClass} storage`, ko: `S3 ${storageClass} 스토리지` }, 'replicatedGbPerMonth');
        if (roleOf(replica) !== roleOf(bucket)) add('inter-region-transfer', gb, [bucket], 'replicatedGbPerMonth');
      });
    });
  }

  const lines = [...counts.values()].filter(billed).map((counted): EstimateLine => {
    const { price, quantity, resources, assumptions: rests } = counted;
    return { ...priceLine({ price, quantity: round(quantity) }, region, table), resources, assumed: rests.length > 0, assumptions: rests };
  });
  const hourly = lines.reduce((sum, line) => sum + line.usd, 0);
  const groups = new Set(graph.ofType('AWS::AutoScaling::AutoScalingGroup').map((group) => group.id));
  return {
    region,
    priceDate: table.date,
    lines,
    unpriced: notes.filter(billed).map(({ resource, reason }) => ({ resource, reason })),
    sizedGroups: [...new Set(lines.flatMap((line) => line.resources).filter((id) => groups.has(id)))],
    hourlyUsd: roundUsd(hourly),
    monthlyUsd: Math.round(hourly * table.hoursPerMonth * 100) / 100,
  };
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

/** The price key of an ElastiCache node: Valkey has its own (lower) prices; Redis OSS and Memcached share one. */
function cacheNodeKey(engine: string | undefined, type: string): string {
  return engine?.toLowerCase() === 'valkey' ? `elasticache-valkey:${type}` : `elasticache:${type}`;
}

/** The nodes of a replication group: shards × (replicas + 1) when sharded, else its NumCacheClusters. */
function replicationGroupNodes(graph: ResourceGraph, group: Resource): number {
  const shards = numberProp(graph, group, 'NumNodeGroups');
  const configured = listProp(graph, group, 'NodeGroupConfiguration');
  const replicas = numberProp(graph, group, 'ReplicasPerNodeGroup');
  if (shards === undefined && configured.length > 0)
    return configured.reduce<number>(
      (sum, _, i) => sum + (numberProp(graph, group, `NodeGroupConfiguration.${i}.ReplicaCount`) ?? replicas ?? 0) + 1,
      0,
    );
  if (shards !== undefined) return shards * ((replicas ?? 0) + 1);
  return numberProp(graph, group, 'NumCacheClusters') ?? 1;
}

/** The options of a Route 53 health check that cost more than the basic check the table prices. */
function healthCheckExtras(graph: ResourceGraph, check: Resource): LocalizedText[] {
  const type = stringProp(graph, check, 'HealthCheckConfig.Type') ?? '';
  return [
    ...(type.startsWith('HTTPS') ? [{ en: 'HTTPS', ko: 'HTTPS' }] : []),
    ...(type.endsWith('_STR_MATCH') ? [{ en: 'string matching', ko: '문자열 일치' }] : []),
    ...(numberProp(graph, check, 'HealthCheckConfig.RequestInterval') === 10 ? [{ en: 'the 10-second interval', ko: '10초 간격' }] : []),
    ...(booleanProp(graph, check, 'HealthCheckConfig.MeasureLatency') === true
      ? [{ en: 'latency measurement', ko: '지연 시간 측정' }]
      : []),
  ];
}

/**
 * GB of data a backup plan's selections cover in the plan's Region: EBS volumes of Auto Scaling groups
 * (desired or minimum size) and instances, by their launch template's or their own block devices, and
 * the allocated storage of RDS instances (AWS Backup does not back up read replicas).
 */
function backupData(
  graph: ResourceGraph,
  plan: Resource,
  selections: readonly BackupSelection[],
  note: (resource: Resource, reason: LocalizedText) => void,
): { ebsGb: number; rdsGb: number } {
  const here = graph.placement(plan).region;
  const local = (type: string): Resource[] => graph.ofType(type).filter((resource) => graph.placement(resource).region === here);
  const covers = (target: Parameters<typeof selectionCovers>[2]): boolean =>
    selections.some((selection) => selectionCovers(graph, selection, target));
  const unknownSize = (resource: Resource): void =>
    note(resource, {
      en: 'AWS Backup covers its volumes, but their size comes from the AMI: their backups are not estimated',
      ko: 'AWS Backup 대상이지만 볼륨 크기가 AMI에서 정해져 백업을 추정하지 않았습니다',
    });
  let ebsGb = 0;
  for (const asg of local('AWS::AutoScaling::AutoScalingGroup')) {
    const tags = serverTags(graph, asg);
    if (!covers({ kind: 'volume', tags: tags.volume }) && !covers({ kind: 'instance', tags: tags.instance })) continue;
    const spec = launchSpecOf(graph, asg);
    const gb =
      spec &&
      volumeGb(graph, spec.resource, spec.kind === 'launch-template' ? 'LaunchTemplateData.BlockDeviceMappings' : 'BlockDeviceMappings');
    if (!gb) unknownSize(asg);
    else ebsGb += gb * (numberProp(graph, asg, 'DesiredCapacity') ?? numberProp(graph, asg, 'MinSize') ?? 0);
  }
  for (const instance of local('AWS::EC2::Instance')) {
    const launched = serverTags(graph, instance);
    const tags = new Map([...launched.instance, ...resourceTags(graph, instance)]);
    if (!covers({ resource: instance, kind: 'instance', tags }) && !covers({ kind: 'volume', tags: launched.volume })) continue;
    const templateRef = graph.prop(instance, 'LaunchTemplate.LaunchTemplateId');
    const template = templateRef === undefined ? undefined : graph.deref(templateRef, `instance ${instance.id} LaunchTemplate`);
    const gb =
      volumeGb(graph, instance, 'BlockDeviceMappings') ||
      (template ? volumeGb(graph, template, 'LaunchTemplateData.BlockDeviceMappings') : 0);
    if (!gb) unknownSize(instance);
    else ebsGb += gb;
  }
  let rdsGb = 0;
  for (const db of local('AWS::RDS::DBInstance')) {
    if (isReadReplica(db) || clusterOf(graph, db)) continue;
    if (!covers({ resource: db, kind: 'AWS::RDS::DBInstance', tags: resourceTags(graph, db) })) continue;
    const gb = numberProp(graph, db, 'AllocatedStorage');
    if (gb === undefined) throw new CannotEvaluate(`DB instance ${db.id} has no AllocatedStorage`);
    rdsGb += gb;
  }
  return { ebsGb, rdsGb };
}

/** GB of the EBS volumes a list of block device mappings creates (0 when none gives a size). */
function volumeGb(graph: ResourceGraph, resource: Resource, path: string): number {
  return listProp(graph, resource, path).reduce<number>(
    (sum, _, i) => sum + (numberProp(graph, resource, `${path}.${i}.Ebs.VolumeSize`) ?? 0),
    0,
  );
}
