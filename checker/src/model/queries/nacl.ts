import type { ResourceGraph } from '../graph';
import { isRef, type Resource } from '../types';
import { numberProp, stringProp } from './values';

/** One entry of a network ACL, normalized. */
export interface AclEntry {
  readonly egress: boolean;
  readonly allow: boolean;
  /** IpProtocol as written: "-1" for all, "6" for TCP, "17" for UDP. */
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  /** The CIDR, or undefined when it is a deploy-time value. */
  readonly cidr?: string;
}

/** The network ACL a subnet is associated with; undefined means the VPC's default ACL, which allows everything. */
export function networkAclOf(graph: ResourceGraph, subnet: Resource): Resource | undefined {
  const association = graph
    .referencing(subnet, 'AWS::EC2::SubnetNetworkAclAssociation')
    .find((candidate) => graph.refsIn(graph.prop(candidate, 'SubnetId')).includes(subnet));
  return association ? graph.refsIn(graph.prop(association, 'NetworkAclId')).find((r) => r.type === 'AWS::EC2::NetworkAcl') : undefined;
}

/** The entries of a network ACL (AWS::EC2::NetworkAclEntry resources that name it). */
export function networkAclEntries(graph: ResourceGraph, acl: Resource): AclEntry[] {
  return graph
    .referencing(acl, 'AWS::EC2::NetworkAclEntry')
    .filter((entry) => graph.refsIn(graph.prop(entry, 'NetworkAclId')).includes(acl))
    .map((entry) => {
      const protocol = String(graph.prop(entry, 'Protocol'));
      const all = protocol === '-1';
      return {
        egress: graph.prop(entry, 'Egress') === true || graph.prop(entry, 'Egress') === 'true',
        allow: stringProp(graph, entry, 'RuleAction') === 'allow',
        protocol,
        from: all ? 0 : (numberProp(graph, entry, 'PortRange.From') ?? 0),
        to: all ? 65535 : (numberProp(graph, entry, 'PortRange.To') ?? 65535),
        cidr: cidrOf(graph, graph.prop(entry, 'CidrBlock')),
      };
    });
}

/** True when an entry covers a TCP port. */
export function aclEntryCovers(entry: AclEntry, port: number): boolean {
  return (entry.protocol === '-1' || entry.protocol === '6') && entry.from <= port && port <= entry.to;
}

/** A NACL entry's CIDR: a literal, or the CidrBlock of the subnet it is read from (GetAtt). */
function cidrOf(graph: ResourceGraph, value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRef(value) && value.attribute === 'CidrBlock') {
    const subnet = graph.get(value.$ref);
    return subnet ? stringProp(graph, subnet, 'CidrBlock') : undefined;
  }
  return undefined;
}
