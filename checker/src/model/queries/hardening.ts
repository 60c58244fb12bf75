import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { instances, instanceSubnet } from './compute';
import { parseCidr, subnetKind } from './network';
import { allowsPort, ingressRules, securityGroupsOf, type IngressRule } from './security-groups';

/** An SSH door: an ingress rule that lets port 22 in from an address range, and the instances behind it. */
export interface SshDoor {
  readonly rule: IngressRule;
  readonly cidr: string;
  /** Instances in a public subnet that wear the rule's security group. */
  readonly publicInstances: readonly Resource[];
}

/** Every ingress rule, in any security group, that lets SSH (tcp 22) in from an address range. */
export function sshDoors(graph: ResourceGraph): SshDoor[] {
  const publicInstances = instances(graph).filter((instance) => {
    const subnet = instanceSubnet(graph, instance);
    return subnet !== undefined && subnetKind(graph, subnet) === 'public';
  });
  return graph
    .ofType('AWS::EC2::SecurityGroup')
    .flatMap((group) => ingressRules(graph, group))
    .flatMap((rule) => {
      if (rule.source.kind !== 'cidr' || !allowsPort(rule, 22)) return [];
      return [
        {
          rule,
          cidr: rule.source.cidr,
          publicInstances: publicInstances.filter((instance) => securityGroupsOf(graph, instance).includes(rule.group)),
        },
      ];
    });
}

/** The prefix length of a CIDR (0 for 0.0.0.0/0 and ::/0), or undefined when it is not one. */
export function prefixLength(cidr: string): number | undefined {
  if (cidr.includes(':')) {
    const match = /\/(\d{1,3})$/.exec(cidr);
    return match ? Number(match[1]) : undefined;
  }
  return parseCidr(cidr)?.prefix;
}
