import type { ResourceGraph } from '../graph';
import { CannotEvaluate, isRef, isUnresolved, type Resource, parametersIn } from '../types';
import { clusterOf, dbPort } from './database';
import { describeValue, listProp, referencedResources, toNumber } from './values';

/** Where an ingress rule lets traffic come from. */
export type IngressSource =
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'security-group'; readonly group?: Resource; readonly id: string }
  | { readonly kind: 'prefix-list'; readonly id: string };

/** One ingress rule of a security group, normalized from inline rules and AWS::EC2::SecurityGroupIngress. */
export interface IngressRule {
  /** The security group the rule lets traffic into. */
  readonly group: Resource;
  /** "tcp", "udp", "icmp", "icmpv6", "all" (IpProtocol -1) or another protocol number. */
  readonly protocol: string;
  /** First port (0 for all traffic). */
  readonly fromPort: number;
  /** Last port (65535 for all traffic). */
  readonly toPort: number;
  readonly source: IngressSource;
  /** The resource that declares the rule: the security group itself (inline) or an AWS::EC2::SecurityGroupIngress. */
  readonly declaredBy: Resource;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** Every ingress rule of a security group: its inline SecurityGroupIngress plus separate ingress resources. */
export function ingressRules(graph: ResourceGraph, group: Resource): IngressRule[] {
  const inline = listProp(graph, group, 'SecurityGroupIngress').map((entry, i) =>
    normalizeIngress(graph, group, group, entry, `security group ${group.id} SecurityGroupIngress[${i}]`),
  );
  const separate = graph
    .referencing(group, 'AWS::EC2::SecurityGroupIngress')
    .filter((ingress) => graph.deref(graph.prop(ingress, 'GroupId'), `${ingress.id} GroupId`) === group)
    .map((ingress) => normalizeIngress(graph, group, ingress, ingress.properties, `security group ingress ${ingress.id}`));
  return [...inline, ...separate];
}

/** True when a rule lets `protocol` traffic in on `port` ("all" rules allow every port and protocol). */
export function allowsPort(rule: IngressRule, port: number, protocol = 'tcp'): boolean {
  return (rule.protocol === 'all' || rule.protocol === protocol) && rule.fromPort <= port && port <= rule.toPort;
}

/** True for a rule that opens exactly one TCP port. */
export function isSinglePort(rule: IngressRule, port: number): boolean {
  return rule.protocol === 'tcp' && rule.fromPort === port && rule.toPort === port;
}

/** The ingress rules of any of `groups` that let traffic in on a port. */
export function rulesAllowing(graph: ResourceGraph, groups: readonly Resource[], port: number, protocol = 'tcp'): IngressRule[] {
  return groups.flatMap((group) => ingressRules(graph, group)).filter((rule) => allowsPort(rule, port, protocol));
}

/** The security groups (in the graph) that can reach `group` on a port. */
export function groupsReaching(graph: ResourceGraph, group: Resource, port: number, protocol = 'tcp'): Resource[] {
  const groups = rulesAllowing(graph, [group], port, protocol).flatMap((rule) =>
    rule.source.kind === 'security-group' && rule.source.group ? [rule.source.group] : [],
  );
  return [...new Set(groups)];
}

/** True for a CIDR source that covers every address (0.0.0.0/0 or ::/0). */
export function isAnywhere(source: IngressSource): boolean {
  return source.kind === 'cidr' && /\/0$/.test(source.cidr);
}

/** True when a source is one of `groups`. */
export function isFromGroups(source: IngressSource, groups: readonly Resource[]): boolean {
  return source.kind === 'security-group' && source.group !== undefined && groups.includes(source.group);
}

/** The rule's source in words: "0.0.0.0/0", "security group WebSg", "prefix list pl-123". */
export function describeSource(source: IngressSource): { en: string; ko: string } {
  switch (source.kind) {
    case 'cidr':
      return { en: source.cidr, ko: source.cidr };
    case 'security-group':
      return { en: `security group ${source.id}`, ko: `보안 그룹 ${source.id}` };
    case 'prefix-list':
      return { en: `prefix list ${source.id}`, ko: `접두사 목록 ${source.id}` };
  }
}

/** The rule's ports in words: "tcp 80", "tcp 1024-65535", "all traffic". */
export function describePorts(rule: IngressRule): { en: string; ko: string } {
  if (rule.protocol === 'all') return { en: 'all traffic', ko: '모든 트래픽' };
  const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
  return { en: `${rule.protocol} ${ports}`, ko: `${rule.protocol} ${ports}` };
}

/**
 * The security groups a resource wears: an EC2 instance, launch template, launch configuration,
 * Auto Scaling group (through its launch template or configuration), load balancer, DB instance
 * (a cluster member wears its cluster's) or DB cluster. Empty means the VPC's default group.
 * Ids that are not part of the graph throw CannotEvaluate: their rules cannot be seen.
 */
export function securityGroupsOf(graph: ResourceGraph, resource: Resource): Resource[] {
  const what = `security groups of ${resource.type} ${resource.id}`;
  const list = (path: string): unknown[] => listProp(graph, resource, path);
  let values: unknown[];
  switch (resource.type) {
    case 'AWS::EC2::Instance':
      values = [
        ...list('SecurityGroupIds'),
        ...list('SecurityGroups'),
        ...list('NetworkInterfaces').flatMap((_, i) => list(`NetworkInterfaces.${i}.GroupSet`)),
      ];
      break;
    case 'AWS::EC2::LaunchTemplate':
      values = [
        ...list('LaunchTemplateData.SecurityGroupIds'),
        ...list('LaunchTemplateData.SecurityGroups'),
        ...list('LaunchTemplateData.NetworkInterfaces').flatMap((_, i) => list(`LaunchTemplateData.NetworkInterfaces.${i}.Groups`)),
      ];
      break;
    case 'AWS::AutoScaling::LaunchConfiguration':
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      values = list('SecurityGroups');
      break;
    case 'AWS::AutoScaling::AutoScalingGroup':
      return launchSpecGroups(graph, resource);
    case 'AWS::RDS::DBInstance': {
      const cluster = clusterOf(graph, resource);
      if (cluster) return securityGroupsOf(graph, cluster);
      values = list('VPCSecurityGroups');
      break;
    }
    case 'AWS::RDS::DBCluster':
      values = list('VpcSecurityGroupIds');
      break;
    default:
      throw new CannotEvaluate(`${what}: the checker does not know where this type lists its security groups`);
  }
  // An id outside the graph on a DB instance means the target did not apply its VPCSecurityGroups (moto).
  // On an EC2 instance it means the target did not apply its SecurityGroupIds (moto reads only SecurityGroups).
  const needs =
    resource.type === 'AWS::RDS::DBInstance'
      ? 'AWS::RDS::DBInstance.VPCSecurityGroups'
      : resource.type === 'AWS::EC2::Instance'
        ? 'AWS::EC2::Instance.SecurityGroupIds'
        : undefined;
  return [...new Set(referencedResources(graph, values, what, needs))];
}

/** The launch template or launch configuration an Auto Scaling group launches instances from. */
export function launchSpecOf(
  graph: ResourceGraph,
  asg: Resource,
): { readonly kind: 'launch-template' | 'launch-configuration'; readonly resource: Resource } | undefined {
  for (const path of ['LaunchTemplate', 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification']) {
    const spec = graph.prop(asg, path) as Record<string, unknown> | undefined;
    if (spec === undefined) continue;
    const value = graph.prop(asg, `${path}.LaunchTemplateId`) ?? graph.prop(asg, `${path}.LaunchTemplateName`);
    return launchSpec(graph, asg, 'launch-template', path, value);
  }
  const name = graph.prop(asg, 'LaunchConfigurationName');
  if (name === undefined) return undefined;
  return launchSpec(graph, asg, 'launch-configuration', 'LaunchConfigurationName', name);
}

const LAUNCH_KINDS = {
  'launch-template': { type: 'AWS::EC2::LaunchTemplate', nameProperty: 'LaunchTemplateName', what: 'launch template' },
  'launch-configuration': {
    type: 'AWS::AutoScaling::LaunchConfiguration',
    nameProperty: 'LaunchConfigurationName',
    what: 'launch configuration',
  },
} as const;

/** The launch template or configuration `value` (at `path` of the group) names, by reference or by name; CannotEvaluate if the stack lacks it. */
function launchSpec(
  graph: ResourceGraph,
  asg: Resource,
  kind: keyof typeof LAUNCH_KINDS,
  path: string,
  value: unknown,
): { readonly kind: keyof typeof LAUNCH_KINDS; readonly resource: Resource } {
  const { type, nameProperty, what } = LAUNCH_KINDS[kind];
  const resource = graph.deref(value, `Auto Scaling group ${asg.id} ${path}`) ?? findByName(graph, type, nameProperty, value);
  if (resource) return { kind, resource };
  throw new CannotEvaluate(
    `Auto Scaling group ${asg.id} uses ${what} ${describeValue(value)}, which is not in this stack`,
    undefined,
    parametersIn(value),
  );
}

function launchSpecGroups(graph: ResourceGraph, asg: Resource): Resource[] {
  const spec = launchSpecOf(graph, asg);
  if (!spec) throw new CannotEvaluate(`Auto Scaling group ${asg.id} has neither a launch template nor a launch configuration`);
  return securityGroupsOf(graph, spec.resource);
}

function findByName(graph: ResourceGraph, type: string, property: string, value: unknown): Resource | undefined {
  return typeof value === 'string' ? graph.ofType(type).find((candidate) => candidate.properties[property] === value) : undefined;
}

function normalizeIngress(graph: ResourceGraph, group: Resource, declaredBy: Resource, entry: unknown, what: string): IngressRule {
  if (typeof entry !== 'object' || entry === null)
    throw new CannotEvaluate(`${what} is ${describeValue(entry)}`, undefined, parametersIn(entry));
  const fields = entry as Record<string, unknown>;
  const read = (key: string): unknown => {
    const value = fields[key];
    if (isUnresolved(value)) throw new CannotEvaluate(`${what} ${key} is ${describeValue(value)}`, undefined, parametersIn(value));
    return value;
  };
  const rawProtocol = read('IpProtocol');
  if (typeof rawProtocol !== 'string' && typeof rawProtocol !== 'number')
    throw new CannotEvaluate(`${what} IpProtocol is ${describeValue(rawProtocol)}`, undefined, parametersIn(rawProtocol));
  const protocol = PROTOCOL_NAMES[String(rawProtocol).toLowerCase()] ?? String(rawProtocol).toLowerCase();
  let fromPort = 0;
  let toPort = 65535;
  if (protocol !== 'all') {
    const from = portValue(graph, read('FromPort'), `${what} FromPort`);
    const to = portValue(graph, read('ToPort'), `${what} ToPort`);
    if (from !== undefined && from >= 0) fromPort = from;
    if (to !== undefined && to >= 0) toPort = to;
  }
  return { group, protocol, fromPort, toPort, source: ingressSource(graph, read, what), declaredBy };
}

/** A port number, including a DB instance's Endpoint.Port (what CDK's allowDefaultPortFrom writes). */
function portValue(graph: ResourceGraph, value: unknown, what: string): number | undefined {
  if (isRef(value) && value.attribute === 'Endpoint.Port') {
    const db = graph.get(value.$ref);
    if (db && (db.type === 'AWS::RDS::DBInstance' || db.type === 'AWS::RDS::DBCluster')) return dbPort(graph, db);
  }
  return toNumber(value, what);
}

function ingressSource(graph: ResourceGraph, read: (key: string) => unknown, what: string): IngressSource {
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const cidr = read(key);
    if (cidr === undefined) continue;
    if (typeof cidr !== 'string') throw new CannotEvaluate(`${what} ${key} is ${describeValue(cidr)}`, undefined, parametersIn(cidr));
    return { kind: 'cidr', cidr };
  }
  const groupValue = read('SourceSecurityGroupId') ?? read('SourceSecurityGroupName');
  if (groupValue !== undefined) {
    const source = graph.deref(groupValue, `${what} source security group`);
    if (source) return { kind: 'security-group', group: source, id: source.id };
    if (typeof groupValue !== 'string')
      throw new CannotEvaluate(`${what} source security group is ${describeValue(groupValue)}`, undefined, parametersIn(groupValue));
    return { kind: 'security-group', id: groupValue };
  }
  const prefixList = read('SourcePrefixListId');
  if (prefixList !== undefined) {
    const resource = graph.deref(prefixList, `${what} SourcePrefixListId`);
    return { kind: 'prefix-list', id: resource?.id ?? (typeof prefixList === 'string' ? prefixList : describeValue(prefixList)) };
  }
  throw new CannotEvaluate(`${what} has no source (CidrIp, CidrIpv6, SourceSecurityGroupId or SourcePrefixListId)`);
}
