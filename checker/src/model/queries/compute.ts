import type { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource, parametersIn } from '../types';
import { asSubnets, azsOf, subnetAz, subnetOf, subnetsIn } from './network';
import { describeValue, distinct, listProp, numberProp, stringProp } from './values';

/** A load balancer's scheme; CloudFormation's default is internet-facing. */
export type LoadBalancerScheme = 'internet-facing' | 'internal';

/** Every Elastic Load Balancing v2 load balancer of one type (default: application). */
export function loadBalancers(graph: ResourceGraph, type: 'application' | 'network' | 'gateway' = 'application'): Resource[] {
  return graph
    .ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')
    .filter((lb) => (stringProp(graph, lb, 'Type') ?? 'application') === type);
}

/** A load balancer's scheme (internet-facing when Scheme is not set). */
export function loadBalancerScheme(graph: ResourceGraph, lb: Resource): LoadBalancerScheme {
  const scheme = stringProp(graph, lb, 'Scheme') ?? 'internet-facing';
  if (scheme !== 'internet-facing' && scheme !== 'internal') throw new CannotEvaluate(`load balancer ${lb.id} has scheme "${scheme}"`);
  return scheme;
}

/** The Application Load Balancers with the given scheme. */
export function applicationLoadBalancers(graph: ResourceGraph, scheme: LoadBalancerScheme): Resource[] {
  return loadBalancers(graph).filter((lb) => loadBalancerScheme(graph, lb) === scheme);
}

/** A load balancer's subnets (Subnets or SubnetMappings). */
export function loadBalancerSubnets(graph: ResourceGraph, lb: Resource): Resource[] {
  const mapped = listProp(graph, lb, 'SubnetMappings').map((_, i) => graph.prop(lb, `SubnetMappings.${i}.SubnetId`));
  return distinct([...subnetsIn(graph, lb, 'Subnets'), ...asSubnets(graph, mapped, `load balancer ${lb.id} SubnetMappings`)]);
}

/** The listeners of a load balancer. */
export function listenersOf(graph: ResourceGraph, lb: Resource): Resource[] {
  return graph
    .referencing(lb, 'AWS::ElasticLoadBalancingV2::Listener')
    .filter((listener) => graph.deref(graph.prop(listener, 'LoadBalancerArn'), `listener ${listener.id} LoadBalancerArn`) === lb);
}

/** The ports a load balancer listens on. */
export function listenerPorts(graph: ResourceGraph, lb: Resource): number[] {
  return distinct(listenersOf(graph, lb).flatMap((listener) => numberProp(graph, listener, 'Port') ?? []));
}

/** The target groups a load balancer forwards to (listener default actions and listener rules). */
export function targetGroupsOf(graph: ResourceGraph, lb: Resource): Resource[] {
  const groups: Resource[] = [];
  for (const listener of listenersOf(graph, lb)) {
    groups.push(...forwardTargets(graph, listener, 'DefaultActions'));
    const rules = graph
      .referencing(listener, 'AWS::ElasticLoadBalancingV2::ListenerRule')
      .filter((rule) => graph.deref(graph.prop(rule, 'ListenerArn'), `listener rule ${rule.id} ListenerArn`) === listener);
    for (const rule of rules) groups.push(...forwardTargets(graph, rule, 'Actions'));
  }
  return distinct(groups);
}

/** The Auto Scaling groups registered in any of a load balancer's target groups. */
export function autoScalingGroupsBehind(graph: ResourceGraph, lb: Resource): Resource[] {
  const groups = targetGroupsOf(graph, lb);
  return graph.ofType('AWS::AutoScaling::AutoScalingGroup').filter((asg) =>
    listProp(graph, asg, 'TargetGroupARNs').some((value) => {
      const group = graph.deref(value, `Auto Scaling group ${asg.id} TargetGroupARNs`);
      return group !== undefined && groups.includes(group);
    }),
  );
}

/** The port the targets of a target group receive traffic on. */
export function targetGroupPort(graph: ResourceGraph, group: Resource): number | undefined {
  return numberProp(graph, group, 'Port');
}

/** The subnets an Auto Scaling group launches into (VPCZoneIdentifier); empty means the default VPC. */
export function autoScalingGroupSubnets(graph: ResourceGraph, asg: Resource): Resource[] {
  return subnetsIn(graph, asg, 'VPCZoneIdentifier');
}

/** The Availability Zones an Auto Scaling group spans (from its subnets, else its AvailabilityZones). */
export function autoScalingGroupAzs(graph: ResourceGraph, asg: Resource): string[] {
  const subnets = autoScalingGroupSubnets(graph, asg);
  if (subnets.length > 0) return azsOf(graph, subnets);
  return distinct(
    listProp(graph, asg, 'AvailabilityZones').map((value) => {
      if (typeof value !== 'string')
        throw new CannotEvaluate(
          `Auto Scaling group ${asg.id} AvailabilityZones holds ${describeValue(value)}`,
          undefined,
          parametersIn(value),
        );
      return value;
    }),
  ).sort();
}

/** An Auto Scaling group's MinSize (CloudFormation writes it as a string). */
export function autoScalingGroupMinSize(graph: ResourceGraph, asg: Resource): number {
  const min = numberProp(graph, asg, 'MinSize');
  if (min === undefined) throw new CannotEvaluate(`Auto Scaling group ${asg.id} has no MinSize`);
  return min;
}

/**
 * What a stack launches servers from: the launch templates and launch configurations that an
 * instance or an Auto Scaling group uses (one that nothing uses launches nothing), and the EC2
 * instances themselves.
 */
export interface ServerDefinitions {
  readonly templates: readonly Resource[];
  readonly configurations: readonly Resource[];
  readonly instances: readonly Resource[];
}

/** The server definitions of the graph (see {@link ServerDefinitions}). */
export function serverDefinitions(graph: ResourceGraph): ServerDefinitions {
  const used = (resource: Resource): boolean => graph.referencing(resource).length > 0;
  return {
    templates: graph.ofType('AWS::EC2::LaunchTemplate').filter(used),
    configurations: graph.ofType('AWS::AutoScaling::LaunchConfiguration').filter(used),
    instances: graph.ofType('AWS::EC2::Instance'),
  };
}

/** True when an instance is launched from a launch template in the graph, whose settings it then follows. */
export function launchedFromTemplate(graph: ResourceGraph, instance: Resource): boolean {
  return graph.refsIn(graph.prop(instance, 'LaunchTemplate')).length > 0;
}

/** Every EC2 instance. */
export function instances(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::EC2::Instance');
}

/** The subnet an EC2 instance runs in (SubnetId or its first network interface's). */
export function instanceSubnet(graph: ResourceGraph, instance: Resource): Resource | undefined {
  const direct = subnetOf(graph, instance);
  if (direct) return direct;
  const value = graph.prop(instance, 'NetworkInterfaces.0.SubnetId');
  return value === undefined ? undefined : graph.deref(value, `instance ${instance.id} NetworkInterfaces[0].SubnetId`);
}

/** The Availability Zone an EC2 instance runs in (its subnet's, or its AvailabilityZone). */
export function instanceAz(graph: ResourceGraph, instance: Resource): string {
  const subnet = instanceSubnet(graph, instance);
  if (subnet) return subnetAz(graph, subnet);
  const az = stringProp(graph, instance, 'AvailabilityZone');
  if (az === undefined) throw new CannotEvaluate(`instance ${instance.id} names neither a subnet nor an Availability Zone`);
  return az;
}

function forwardTargets(graph: ResourceGraph, owner: Resource, path: string): Resource[] {
  return listProp(graph, owner, path).flatMap((_, i) => {
    const action = `${path}.${i}`;
    const values = [
      graph.prop(owner, `${action}.TargetGroupArn`),
      ...listProp(graph, owner, `${action}.ForwardConfig.TargetGroups`).map((_, j) =>
        graph.prop(owner, `${action}.ForwardConfig.TargetGroups.${j}.TargetGroupArn`),
      ),
    ];
    return values.flatMap((value) => {
      if (value === undefined) return [];
      const group = graph.deref(value, `${owner.type} ${owner.id} ${action} target group`);
      if (!group)
        throw new CannotEvaluate(
          `${owner.type} ${owner.id} forwards to target group ${describeValue(value)}, which is not in this stack`,
          undefined,
          parametersIn(value),
        );
      return [group];
    });
  });
}
