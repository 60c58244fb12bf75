import type { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource, parametersIn } from '../types';
import { describeValue, distinct, listProp, stringProp } from './values';

/**
 * How a subnet reaches the internet, decided by its route table as AWS defines it:
 * - public: a route to an internet gateway (normally 0.0.0.0/0);
 * - private: no internet gateway route, but a default route (0.0.0.0/0) to a NAT gateway or other egress;
 * - isolated: no default route at all (only the VPC's local routes, endpoints, peering...).
 */
export type SubnetKind = 'public' | 'private' | 'isolated';

/** What a route sends traffic to. */
export type RouteTargetKind =
  | 'internet-gateway'
  | 'nat-gateway'
  | 'instance'
  | 'network-interface'
  | 'transit-gateway'
  | 'vpc-peering'
  | 'vpn-gateway'
  | 'vpc-endpoint'
  | 'egress-only-internet-gateway'
  | 'local'
  | 'other';

/** One route of a route table, normalized. */
export interface Route {
  /** The AWS::EC2::Route resource. */
  readonly resource: Resource;
  /** Destination CIDR (IPv4 or IPv6) or prefix list id. */
  readonly destination: string;
  readonly target: {
    readonly kind: RouteTargetKind;
    /** The target resource when it is part of the graph. */
    readonly resource?: Resource;
    /** The target's graph id or physical id. */
    readonly id: string;
  };
}

/** A subnet's routing, as the rules need it. */
export interface SubnetRouting {
  readonly subnet: Resource;
  readonly kind: SubnetKind;
  /** The subnet's route table; undefined for a template subnet left on the VPC's main route table (local routes only). */
  readonly routeTable?: Resource;
  /** The IPv4 default route (0.0.0.0/0), if any. */
  readonly defaultRoute?: Route;
  /** Every route (any destination) that goes to an internet gateway. */
  readonly internetGatewayRoutes: readonly Route[];
}

/** The IPv4 default route's destination. */
export const DEFAULT_ROUTE = '0.0.0.0/0';

/** Every VPC in the graph. */
export function vpcs(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::EC2::VPC');
}

/**
 * The shop's VPC: the only VPC, or when there are several the one with the most subnets.
 * Undefined when the graph has no VPC.
 */
export function shopVpc(graph: ResourceGraph): Resource | undefined {
  let best: { vpc: Resource; subnets: number } | undefined;
  for (const vpc of vpcs(graph)) {
    const count = subnetsOf(graph, vpc).length;
    if (!best || count > best.subnets) best = { vpc, subnets: count };
  }
  return best?.vpc;
}

/** The VPC a subnet, route table, security group or gateway attachment belongs to (its VpcId). */
export function vpcOf(graph: ResourceGraph, resource: Resource): Resource | undefined {
  return graph.deref(graph.prop(resource, 'VpcId'), `${resource.type} ${resource.id} VpcId`);
}

/** The subnets of a VPC (or of every VPC when none is given). */
export function subnetsOf(graph: ResourceGraph, vpc?: Resource): Resource[] {
  const subnets = graph.ofType('AWS::EC2::Subnet');
  return vpc ? subnets.filter((subnet) => vpcOf(graph, subnet) === vpc) : subnets;
}

/**
 * A subnet's Availability Zone: its name ("ap-northeast-2a", or "AZ#1" for a template's
 * Fn::GetAZs) or zone id. CannotEvaluate when AWS would pick it at deploy time.
 */
export function subnetAz(graph: ResourceGraph, subnet: Resource): string {
  const az = stringProp(graph, subnet, 'AvailabilityZone') ?? stringProp(graph, subnet, 'AvailabilityZoneId');
  if (az === undefined) throw new CannotEvaluate(`subnet ${subnet.id} has no AvailabilityZone, so AWS picks one at deploy time`);
  return az;
}

/** The distinct Availability Zones of some subnets, sorted. */
export function azsOf(graph: ResourceGraph, subnets: readonly Resource[]): string[] {
  return distinct(subnets.map((subnet) => subnetAz(graph, subnet))).sort();
}

/**
 * The route table a subnet uses: its explicit association, or else the VPC's main route table.
 * In a template the main route table is implicit and holds only the local route, so this returns
 * undefined; a live graph marks the main route table with `live.main === true`.
 */
export function routeTableOf(graph: ResourceGraph, subnet: Resource): Resource | undefined {
  const association = graph
    .referencing(subnet, 'AWS::EC2::SubnetRouteTableAssociation')
    .find((candidate) => graph.deref(graph.prop(candidate, 'SubnetId'), `${candidate.id} SubnetId`) === subnet);
  if (association) {
    const table = graph.deref(graph.prop(association, 'RouteTableId'), `${association.id} RouteTableId`);
    if (!table)
      throw new CannotEvaluate(
        `route table of subnet ${subnet.id} (${describeValue(association.properties.RouteTableId)}) is not loaded`,
        undefined,
        parametersIn(association.properties.RouteTableId),
      );
    return table;
  }
  const vpc = vpcOf(graph, subnet);
  const main = graph.ofType('AWS::EC2::RouteTable').find((table) => table.live?.main === true && vpcOf(graph, table) === vpc);
  if (main) return main;
  if (graph.kind === 'live') {
    throw new CannotEvaluate(
      `subnet ${subnet.id} uses its VPC's main route table, which was not loaded`,
      'AWS::EC2::SubnetRouteTableAssociation',
    );
  }
  return undefined;
}

/** The routes of a route table (AWS::EC2::Route resources that name it). */
export function routesOf(graph: ResourceGraph, routeTable: Resource): Route[] {
  return graph
    .referencing(routeTable, 'AWS::EC2::Route')
    .filter((route) => graph.deref(graph.prop(route, 'RouteTableId'), `${route.id} RouteTableId`) === routeTable)
    .map((route) => normalizeRoute(graph, route));
}

/** How a subnet reaches (or does not reach) the internet. */
export function subnetRouting(graph: ResourceGraph, subnet: Resource): SubnetRouting {
  const routeTable = routeTableOf(graph, subnet);
  const routes = routeTable ? routesOf(graph, routeTable) : [];
  const internetGatewayRoutes = routes.filter((route) => route.target.kind === 'internet-gateway');
  const defaultRoute = routes.find((route) => route.destination === DEFAULT_ROUTE);
  const kind: SubnetKind = internetGatewayRoutes.length > 0 ? 'public' : defaultRoute ? 'private' : 'isolated';
  return { subnet, kind, routeTable, defaultRoute, internetGatewayRoutes };
}

/** The subnet's kind: public, private (egress through NAT) or isolated. */
export function subnetKind(graph: ResourceGraph, subnet: Resource): SubnetKind {
  return subnetRouting(graph, subnet).kind;
}

/** The internet gateways attached to a VPC (through AWS::EC2::VPCGatewayAttachment). */
export function internetGatewaysOf(graph: ResourceGraph, vpc: Resource): Resource[] {
  return graph
    .referencing(vpc, 'AWS::EC2::VPCGatewayAttachment')
    .filter((attachment) => vpcOf(graph, attachment) === vpc)
    .map((attachment) => graph.deref(graph.prop(attachment, 'InternetGatewayId'), `${attachment.id} InternetGatewayId`))
    .filter((gateway): gateway is Resource => gateway?.type === 'AWS::EC2::InternetGateway');
}

/** The subnet a NAT gateway, instance or network interface sits in. */
export function subnetOf(graph: ResourceGraph, resource: Resource): Resource | undefined {
  return graph.deref(graph.prop(resource, 'SubnetId'), `${resource.type} ${resource.id} SubnetId`);
}

/** The subnets listed in a property that holds a list of subnet references (e.g. "Subnets"). */
export function subnetsIn(graph: ResourceGraph, resource: Resource, path: string): Resource[] {
  return asSubnets(graph, listProp(graph, resource, path), `${resource.type} ${resource.id} ${path}`);
}

/** Subnet references resolved to subnets; anything else (or a subnet from outside the stack) throws CannotEvaluate. */
export function asSubnets(graph: ResourceGraph, values: readonly unknown[], what: string): Resource[] {
  return values.map((value) => {
    const subnet = graph.deref(value, what);
    if (subnet?.type !== 'AWS::EC2::Subnet')
      throw new CannotEvaluate(`${what}: ${describeValue(value)} is not a subnet of this stack`, undefined, parametersIn(value));
    return subnet;
  });
}

const TARGET_PROPERTIES: ReadonlyArray<[string, RouteTargetKind]> = [
  ['GatewayId', 'internet-gateway'],
  ['NatGatewayId', 'nat-gateway'],
  ['InstanceId', 'instance'],
  ['NetworkInterfaceId', 'network-interface'],
  ['TransitGatewayId', 'transit-gateway'],
  ['VpcPeeringConnectionId', 'vpc-peering'],
  ['EgressOnlyInternetGatewayId', 'egress-only-internet-gateway'],
  ['VpcEndpointId', 'vpc-endpoint'],
  ['CarrierGatewayId', 'other'],
  ['LocalGatewayId', 'other'],
  ['CoreNetworkArn', 'other'],
];

const KIND_BY_TYPE: Readonly<Record<string, RouteTargetKind>> = {
  'AWS::EC2::InternetGateway': 'internet-gateway',
  'AWS::EC2::NatGateway': 'nat-gateway',
  'AWS::EC2::Instance': 'instance',
  'AWS::EC2::VPNGateway': 'vpn-gateway',
  'AWS::EC2::VPCEndpoint': 'vpc-endpoint',
  'AWS::EC2::TransitGateway': 'transit-gateway',
};

const KIND_BY_PREFIX: ReadonlyArray<[string, RouteTargetKind]> = [
  ['igw-', 'internet-gateway'],
  ['nat-', 'nat-gateway'],
  ['vgw-', 'vpn-gateway'],
  ['vpce-', 'vpc-endpoint'],
  ['i-', 'instance'],
  ['eni-', 'network-interface'],
  ['tgw-', 'transit-gateway'],
  ['pcx-', 'vpc-peering'],
  ['eigw-', 'egress-only-internet-gateway'],
];

function normalizeRoute(graph: ResourceGraph, route: Resource): Route {
  const destination =
    stringProp(graph, route, 'DestinationCidrBlock') ??
    stringProp(graph, route, 'DestinationIpv6CidrBlock') ??
    stringProp(graph, route, 'DestinationPrefixListId');
  if (destination === undefined) throw new CannotEvaluate(`route ${route.id} has no destination`);
  for (const [property, declaredKind] of TARGET_PROPERTIES) {
    const value = graph.prop(route, property);
    if (value === undefined || value === null) continue;
    const target = graph.deref(value, `route ${route.id} ${property}`);
    if (target)
      return { resource: route, destination, target: { kind: KIND_BY_TYPE[target.type] ?? declaredKind, resource: target, id: target.id } };
    if (typeof value !== 'string')
      throw new CannotEvaluate(`route ${route.id} ${property} is ${describeValue(value)}`, undefined, parametersIn(value));
    const kind = value === 'local' ? 'local' : (KIND_BY_PREFIX.find(([prefix]) => value.startsWith(prefix))?.[1] ?? 'other');
    return { resource: route, destination, target: { kind, id: value } };
  }
  throw new CannotEvaluate(`route ${route.id} has no target`);
}

/** An IPv4 CIDR block parsed to its network address (as a 32-bit number) and prefix length; undefined if malformed. */
export function parseCidr(cidr: string): { readonly network: number; readonly prefix: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  return { network: address - (address % size), prefix };
}

/** True when IPv4 CIDR `outer` contains CIDR `inner` (false when either is malformed). */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  return (
    a !== undefined && b !== undefined && a.prefix <= b.prefix && b.network >= a.network && b.network < a.network + 2 ** (32 - a.prefix)
  );
}

/** A parsed CIDR block back in dotted form ("10.0.0.0/16"). */
export function formatCidr(cidr: { readonly network: number; readonly prefix: number }): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(cidr.network / 2 ** shift) % 256);
  return `${octets.join('.')}/${cidr.prefix}`;
}

const TARGET_NAMES: Readonly<Record<RouteTargetKind, { en: string; ko: string }>> = {
  'internet-gateway': { en: 'internet gateway', ko: '인터넷 게이트웨이' },
  'nat-gateway': { en: 'NAT gateway', ko: 'NAT 게이트웨이' },
  instance: { en: 'instance', ko: '인스턴스' },
  'network-interface': { en: 'network interface', ko: '네트워크 인터페이스' },
  'transit-gateway': { en: 'transit gateway', ko: '전송 게이트웨이' },
  'vpc-peering': { en: 'VPC peering connection', ko: 'VPC 피어링 연결' },
  'vpn-gateway': { en: 'VPN gateway', ko: 'VPN 게이트웨이' },
  'vpc-endpoint': { en: 'VPC endpoint', ko: 'VPC 엔드포인트' },
  'egress-only-internet-gateway': { en: 'egress-only internet gateway', ko: '외부 전용 인터넷 게이트웨이' },
  local: { en: 'the VPC itself (local)', ko: 'VPC 내부(local)' },
  other: { en: 'target', ko: '대상' },
};

/** A route's target in words: "NAT gateway Nat1" / "NAT 게이트웨이 Nat1". */
export function describeRouteTarget(target: Route['target']): { en: string; ko: string } {
  const name = TARGET_NAMES[target.kind];
  return target.kind === 'local' ? name : { en: `${name.en} ${target.id}`, ko: `${name.ko} ${target.id}` };
}
