import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import { CannotEvaluate, type Resource } from '../model/types';
import type { ArchEdge, ArchNode, Architecture, Missing } from '../model/architecture';
import { shopTiers, type ShopTiers } from '../model/queries/chain';
import { autoScalingGroupAzs, autoScalingGroupMinSize, instanceSubnet, loadBalancerSubnets } from '../model/queries/compute';
import { dbEngine, isReadReplica } from '../model/queries/database';
import { originsOf } from '../model/queries/cdn';
import { azsOf, shopVpc, subnetAz, subnetKind, subnetOf, subnetsOf, type SubnetKind } from '../model/queries/network';
import { describePorts, ingressRules, isAnywhere, securityGroupsOf } from '../model/queries/security-groups';
import { websiteDocuments } from '../model/queries/storage';
import { booleanProp, distinct, stringProp } from '../model/queries/values';

export type { ArchEdge, ArchNode, Architecture, Missing } from '../model/architecture';

const KIND_NAMES: Readonly<Record<SubnetKind, LocalizedText>> = {
  public: { en: 'public subnet', ko: '퍼블릭 서브넷' },
  private: { en: 'private subnet', ko: '프라이빗 서브넷' },
  isolated: { en: 'isolated subnet', ko: '격리 서브넷' },
};

/** Reads the architecture out of a resource graph; a part it cannot evaluate is left out and named in `unreadable`. */
export function architectureOf(graph: ResourceGraph): Architecture {
  const unreadable: string[] = [];
  const attempt = <T>(fallback: T, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CannotEvaluate)) throw error;
      unreadable.push(error.what);
      return fallback;
    }
  };
  const nodes: ArchNode[] = [];
  const groupsOf = new Map<string, Resource[]>();
  const add = (node: ArchNode, groups: Resource[] = []): void => {
    nodes.push(node);
    groupsOf.set(node.key, groups);
  };

  const vpc = shopVpc(graph);
  const subnets = vpc ? attempt([], () => subnetsOf(graph, vpc)) : [];
  const azs = attempt([], () => azsOf(graph, subnets));
  const azName = (az: string): string => `AZ ${azs.indexOf(az) + 1}`;
  const nats = graph.ofType('AWS::EC2::NatGateway');
  for (const az of azs) {
    for (const kind of ['public', 'private', 'isolated'] as const) {
      const members = subnets.filter(
        (subnet) =>
          attempt(undefined, () => subnetAz(graph, subnet)) === az && attempt(undefined, () => subnetKind(graph, subnet)) === kind,
      );
      if (members.length === 0) continue;
      const natCount = nats.filter((nat) => members.includes(attempt(undefined, () => subnetOf(graph, nat)) as Resource)).length;
      const count = members.length > 1 ? ` ×${members.length}` : '';
      const nat =
        natCount > 0
          ? { en: ` · NAT gateway${natCount > 1 ? ` ×${natCount}` : ''}`, ko: ` · NAT 게이트웨이${natCount > 1 ? ` ×${natCount}` : ''}` }
          : { en: '', ko: '' };
      add({
        key: `${azName(az)}-${kind}`,
        label: { en: `${KIND_NAMES[kind].en}${count}${nat.en}`, ko: `${KIND_NAMES[kind].ko}${count}${nat.ko}` },
        place: { az },
        resources: members.map((subnet) => subnet.id),
      });
    }
  }

  const tiers = attempt<ShopTiers | undefined>(undefined, () => shopTiers(graph));
  const inTiers = new Set<Resource>();
  if (tiers) {
    const roles: Array<[string, ShopTiers[keyof ShopTiers], LocalizedText]> = [
      ['alb-external', tiers.externalAlb, { en: 'ALB (internet-facing)', ko: 'ALB(인터넷용)' }],
      ['web', tiers.web, { en: 'WEB Auto Scaling group', ko: 'WEB Auto Scaling 그룹' }],
      ['alb-internal', tiers.internalAlb, { en: 'ALB (internal)', ko: 'ALB(내부)' }],
      ['app', tiers.app, { en: 'APP Auto Scaling group', ko: 'APP Auto Scaling 그룹' }],
    ];
    for (const [key, tier, name] of roles) {
      if (tier.members.length === 0) continue;
      tier.members.forEach((member) => inTiers.add(member));
      const spread = distinct(tier.members.flatMap((member) => attempt<string[]>([], () => memberAzs(graph, member)))).length;
      const sizes = tier.members
        .filter((member) => member.type === 'AWS::AutoScaling::AutoScalingGroup')
        .map((asg) => attempt(0, () => autoScalingGroupMinSize(graph, asg)));
      const detail = [
        tier.members.length > 1 ? `×${tier.members.length}` : '',
        sizes.length > 0 ? `min ${Math.min(...sizes)}` : '',
        spread > 0 ? `${spread} AZ` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      add(
        {
          key,
          label: { en: `${name.en}${detail ? ` · ${detail}` : ''}`, ko: `${name.ko}${detail ? ` · ${detail}` : ''}` },
          place: 'vpc',
          resources: tier.members.map((member) => member.id),
        },
        [...tier.groups],
      );
    }
  }
  const otherAsgs = graph.ofType('AWS::AutoScaling::AutoScalingGroup').filter((asg) => !inTiers.has(asg));
  otherAsgs.forEach((asg, i) =>
    add(
      { key: `asg-${i + 1}`, label: { en: 'Auto Scaling group', ko: 'Auto Scaling 그룹' }, place: 'vpc', resources: [asg.id] },
      attempt([], () => securityGroupsOf(graph, asg)),
    ),
  );

  // Stand-alone instances: one box per set of security groups (the on-premises servers, a bastion).
  const byGroups = new Map<string, { instances: Resource[]; groups: Resource[] }>();
  for (const instance of graph.ofType('AWS::EC2::Instance')) {
    const groups = attempt([], () => securityGroupsOf(graph, instance));
    const key =
      groups
        .map((group) => group.id)
        .sort()
        .join(',') || instance.id;
    const entry = byGroups.get(key) ?? { instances: [], groups };
    entry.instances.push(instance);
    byGroups.set(key, entry);
  }
  [...byGroups.values()].forEach(({ instances, groups }, i) => {
    const type = attempt(undefined, () => stringProp(graph, instances[0], 'InstanceType')) ?? 'EC2';
    const kinds = distinct(
      instances
        .map((instance) =>
          attempt(undefined, () => {
            const subnet = instanceSubnet(graph, instance);
            return subnet ? subnetKind(graph, subnet) : undefined;
          }),
        )
        .filter((kind): kind is SubnetKind => kind !== undefined),
    );
    const where = kinds.length === 1 ? { en: ` · ${KIND_NAMES[kinds[0]].en}`, ko: ` · ${KIND_NAMES[kinds[0]].ko}` } : { en: '', ko: '' };
    const count = instances.length > 1 ? ` ×${instances.length}` : '';
    add(
      {
        key: `servers-${i + 1}`,
        label: { en: `EC2 ${type}${count}${where.en}`, ko: `EC2 ${type}${count}${where.ko}` },
        place: 'vpc',
        resources: instances.map((instance) => instance.id),
      },
      groups,
    );
  });

  const databases = graph.ofType('AWS::RDS::DBInstance');
  const primaries = databases.filter((db) => !isReadReplica(db));
  if (primaries.length > 0 || graph.ofType('AWS::RDS::DBCluster').length > 0) {
    const multiAz = primaries.some((db) => attempt(false, () => booleanProp(graph, db, 'MultiAZ') === true));
    const engine = primaries.length > 0 ? attempt('rds', () => dbEngine(graph, primaries[0])) : 'aurora';
    const dbClass = primaries.length > 0 ? attempt(undefined, () => stringProp(graph, primaries[0], 'DBInstanceClass')) : undefined;
    const name = `RDS ${engine}${dbClass ? ` ${dbClass}` : ''}`;
    const members = [...primaries, ...graph.ofType('AWS::RDS::DBCluster')];
    add(
      {
        key: 'database',
        label: { en: `${name}${multiAz ? ' · Multi-AZ' : ' · single AZ'}`, ko: `${name}${multiAz ? ' · Multi-AZ' : ' · 단일 AZ'}` },
        place: 'vpc',
        resources: members.map((db) => db.id),
      },
      distinct(members.flatMap((db) => attempt([], () => securityGroupsOf(graph, db)))),
    );
  }
  const replicas = databases.filter(isReadReplica);
  if (replicas.length > 0)
    add({
      key: 'read-replica',
      label: { en: `RDS read replica ×${replicas.length}`, ko: `RDS 읽기 전용 복제본 ×${replicas.length}` },
      place: 'vpc',
      resources: replicas.map((db) => db.id),
    });

  const caches = [
    ...graph.ofType('AWS::ElastiCache::CacheCluster'),
    ...graph.ofType('AWS::ElastiCache::ReplicationGroup'),
    ...graph.ofType('AWS::ElastiCache::ServerlessCache'),
  ];
  if (caches.length > 0)
    add({ key: 'cache', label: { en: 'ElastiCache', ko: 'ElastiCache' }, place: 'vpc', resources: caches.map((cache) => cache.id) });

  for (const endpoint of graph.ofType('AWS::EC2::VPCEndpoint')) {
    const service = endpointService(graph, endpoint);
    add({
      key: `endpoint-${service}`,
      label: { en: `VPC endpoint: ${service}`, ko: `VPC 엔드포인트: ${service}` },
      place: 'vpc',
      resources: [endpoint.id],
    });
  }

  const buckets = graph.ofType('AWS::S3::Bucket');
  if (buckets.length > 0) {
    const websites = buckets.filter((bucket) => attempt(undefined, () => websiteDocuments(graph, bucket)) !== undefined).length;
    const site = websites > 0 ? { en: ` (${websites} website)`, ko: `(웹사이트 ${websites}개)` } : { en: '', ko: '' };
    add({
      key: 'buckets',
      label: { en: `S3 buckets ×${buckets.length}${site.en}`, ko: `S3 버킷 ×${buckets.length}${site.ko}` },
      place: 'edge',
      resources: buckets.map((bucket) => bucket.id),
    });
  }
  const distributions = graph.ofType('AWS::CloudFront::Distribution');
  if (distributions.length > 0)
    add({ key: 'cdn', label: { en: 'CloudFront', ko: 'CloudFront' }, place: 'edge', resources: distributions.map((d) => d.id) });
  const acls = graph.ofType('AWS::WAFv2::WebACL');
  if (acls.length > 0)
    add({ key: 'waf', label: { en: 'AWS WAF web ACL', ko: 'AWS WAF 웹 ACL' }, place: 'edge', resources: acls.map((acl) => acl.id) });

  const keyOf = (resource: Resource | undefined): string | undefined =>
    resource ? nodes.find((node) => node.resources.includes(resource.id))?.key : undefined;
  const edges: ArchEdge[] = [];
  const edge = (candidate: ArchEdge): void => {
    if (!edges.some((known) => known.from === candidate.from && known.to === candidate.to)) edges.push(candidate);
  };
  for (const target of nodes) {
    const groups = groupsOf.get(target.key) ?? [];
    const rules = groups.flatMap((group) => attempt([], () => ingressRules(graph, group)));
    const internet = rules.filter((rule) => isAnywhere(rule.source));
    if (internet.length > 0) edge({ from: 'internet', to: target.key, label: ports(internet), kind: 'security-group' });
    for (const source of nodes) {
      if (source === target) continue;
      const sourceGroups = groupsOf.get(source.key) ?? [];
      const allowed = rules.filter(
        (rule) => rule.source.kind === 'security-group' && rule.source.group !== undefined && sourceGroups.includes(rule.source.group),
      );
      if (allowed.length > 0) edge({ from: source.key, to: target.key, label: ports(allowed), kind: 'security-group' });
    }
  }
  for (const distribution of distributions) {
    edge({ from: 'internet', to: 'cdn', label: 'HTTPS', kind: 'origin' });
    for (const origin of attempt([], () => originsOf(graph, distribution))) {
      const to = keyOf(origin.bucket) ?? keyOf(origin.loadBalancer);
      if (to) edge({ from: 'cdn', to, label: 'origin', kind: 'origin' });
    }
  }
  for (const association of graph.ofType('AWS::WAFv2::WebACLAssociation')) {
    const protectedKey = keyOf(graph.refsIn(association.properties.ResourceArn)[0]);
    if (protectedKey) edge({ from: 'waf', to: protectedKey, label: 'protects', kind: 'protects' });
  }
  for (const distribution of distributions) {
    if (graph.refsIn(distribution.properties.DistributionConfig).some((ref) => ref.type === 'AWS::WAFv2::WebACL'))
      edge({ from: 'waf', to: 'cdn', label: 'protects', kind: 'protects' });
  }
  for (const node of nodes.filter((candidate) => candidate.key === 'endpoint-s3'))
    if (buckets.length > 0) edge({ from: node.key, to: 'buckets', label: 'S3', kind: 'route' });

  return { azs, nodes, edges, unreadable: distinct(unreadable) };
}

/** What `target` (the lab's solution) has that `mine` lacks: boxes, arrows and differences inside boxes. */
export function missingFrom(mine: Architecture, target: Architecture): Missing {
  const keys = new Set(mine.nodes.map((node) => node.key));
  // Stand-alone server boxes are numbered in load order: their keys do not name a role to compare.
  const comparable = (key: string): boolean => !/^(servers|asg)-\d+$/.test(key);
  const nodes = target.nodes.filter((node) => comparable(node.key) && !keys.has(node.key) && !/^AZ \d+-/.test(node.key));
  const edges = target.edges.filter(
    (candidate) =>
      comparable(candidate.from) &&
      comparable(candidate.to) &&
      !mine.edges.some((known) => known.from === candidate.from && known.to === candidate.to),
  );
  const notes: LocalizedText[] = [];
  if (mine.azs.length < target.azs.length)
    notes.push({
      en: `subnets span ${mine.azs.length} AZ(s); the target spans ${target.azs.length}`,
      ko: `서브넷이 ${mine.azs.length}개 AZ에 있습니다. 목표는 ${target.azs.length}개 AZ입니다`,
    });
  for (const kind of ['public', 'private', 'isolated'] as const) {
    const has = (architecture: Architecture): boolean => architecture.nodes.some((node) => node.key.endsWith(`-${kind}`));
    if (has(target) && !has(mine)) notes.push({ en: `no ${KIND_NAMES[kind].en}s`, ko: `${KIND_NAMES[kind].ko}이 없습니다` });
  }
  const natAzs = (architecture: Architecture): number => architecture.nodes.filter((node) => node.label.en.includes('NAT gateway')).length;
  if (natAzs(mine) < natAzs(target))
    notes.push({
      en: `NAT gateways in ${natAzs(mine)} AZ(s); the target has one in each of ${natAzs(target)}`,
      ko: `NAT 게이트웨이가 ${natAzs(mine)}개 AZ에 있습니다. 목표는 ${natAzs(target)}개 AZ마다 하나입니다`,
    });
  const multiAz = (architecture: Architecture): boolean =>
    architecture.nodes.some((node) => node.key === 'database' && node.label.en.includes('Multi-AZ'));
  if (keys.has('database') && multiAz(target) && !multiAz(mine))
    notes.push({ en: 'the database is not Multi-AZ', ko: '데이터베이스가 Multi-AZ가 아닙니다' });
  return { nodes, edges, notes };
}

function ports(rules: ReturnType<typeof ingressRules>): string {
  return distinct(rules.map((rule) => describePorts(rule).en)).join(', ');
}

function memberAzs(graph: ResourceGraph, member: Resource): string[] {
  if (member.type === 'AWS::AutoScaling::AutoScalingGroup') return autoScalingGroupAzs(graph, member);
  if (member.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') return azsOf(graph, loadBalancerSubnets(graph, member));
  return [];
}

function endpointService(graph: ResourceGraph, endpoint: Resource): string {
  const raw = graph.prop(endpoint, 'ServiceName');
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw ?? '');
  const match = /\.([a-z0-9-]+)"?\]*\}*$/.exec(text.replace(/[\s"\]}]+$/, ''));
  return match?.[1] ?? 'service';
}
