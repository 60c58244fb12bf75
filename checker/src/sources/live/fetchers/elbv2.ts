import type {
  DescribeListenersOutput,
  DescribeLoadBalancerAttributesOutput,
  DescribeLoadBalancersOutput,
  DescribeTargetGroupsOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Resource } from '../../../model/types';
import { chunks, compact, idsOf, liveFacts, ref, refs, reportMissing, type FetchContext, type Fetcher, type StackEntry } from './types';

type Action = NonNullable<NonNullable<DescribeListenersOutput['Listeners']>[number]['DefaultActions']>[number];

function action(entry: Action): Record<string, unknown> {
  return compact({
    ...entry,
    TargetGroupArn: ref(entry.TargetGroupArn),
    ForwardConfig: entry.ForwardConfig
      ? compact({
          ...entry.ForwardConfig,
          TargetGroups: entry.ForwardConfig.TargetGroups?.map((group) => compact({ ...group, TargetGroupArn: ref(group.TargetGroupArn) })),
        })
      : undefined,
  });
}

async function loadBalancers(context: FetchContext, arns: string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  // DescribeLoadBalancers takes at most 20 ARNs per request.
  const pages = (
    await Promise.all(
      chunks(arns, 20).map((LoadBalancerArns) =>
        context.caller.paginate<DescribeLoadBalancersOutput>(
          'elbv2',
          'DescribeLoadBalancers',
          { LoadBalancerArns },
          'Marker',
          (page) => page.NextMarker,
          {
            absent: ['LoadBalancerNotFound', 'LoadBalancerNotFoundException'],
          },
        ),
      ),
    )
  ).flat();
  const balancers = pages.flatMap((page) => page.LoadBalancers ?? []);
  reportMissing(
    context,
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    arns,
    new Set(balancers.map((balancer) => balancer.LoadBalancerArn as string)),
  );
  const withListeners = entries.some((entry) => entry.type === 'AWS::ElasticLoadBalancingV2::Listener');
  const resources = await Promise.all(
    balancers.map(async (balancer) => {
      const arn = balancer.LoadBalancerArn as string;
      const [attributes, listenerPages] = await Promise.all([
        context.caller.call<DescribeLoadBalancerAttributesOutput>('elbv2', 'DescribeLoadBalancerAttributes', { LoadBalancerArn: arn }),
        withListeners
          ? context.caller.paginate<DescribeListenersOutput>(
              'elbv2',
              'DescribeListeners',
              { LoadBalancerArn: arn },
              'Marker',
              (page) => page.NextMarker,
            )
          : Promise.resolve([]),
      ]);
      const out: Resource[] = [
        {
          id: arn,
          type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          physicalId: arn,
          properties: compact({
            Name: balancer.LoadBalancerName,
            Type: balancer.Type,
            Scheme: balancer.Scheme,
            IpAddressType: balancer.IpAddressType,
            Subnets: refs(balancer.AvailabilityZones?.map((zone) => zone.SubnetId)),
            SecurityGroups: balancer.SecurityGroups?.length ? refs(balancer.SecurityGroups) : undefined,
            LoadBalancerAttributes: attributes?.Attributes?.map((attribute) => ({ Key: attribute.Key, Value: attribute.Value })),
          }),
          live: liveFacts(entries, arn, {
            arn,
            dnsName: balancer.DNSName,
            canonicalHostedZoneId: balancer.CanonicalHostedZoneId,
            state: balancer.State?.Code,
            vpcId: balancer.VpcId,
            availabilityZones: balancer.AvailabilityZones?.map((zone) => zone.ZoneName),
          }),
        },
      ];
      for (const listener of listenerPages.flatMap((page) => page.Listeners ?? [])) {
        const listenerArn = listener.ListenerArn as string;
        out.push({
          id: listenerArn,
          type: 'AWS::ElasticLoadBalancingV2::Listener',
          physicalId: listenerArn,
          properties: compact({
            LoadBalancerArn: ref(arn),
            Port: listener.Port,
            Protocol: listener.Protocol,
            SslPolicy: listener.SslPolicy,
            Certificates: listener.Certificates?.map((certificate) => compact({ CertificateArn: certificate.CertificateArn })),
            DefaultActions: listener.DefaultActions?.map(action),
          }),
          live: liveFacts(entries, listenerArn, { arn: listenerArn }),
        });
      }
      return out;
    }),
  );
  return resources.flat();
}

async function targetGroups(context: FetchContext, arns: string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const pages = (
    await Promise.all(
      chunks(arns, 20).map((TargetGroupArns) =>
        context.caller.paginate<DescribeTargetGroupsOutput>(
          'elbv2',
          'DescribeTargetGroups',
          { TargetGroupArns },
          'Marker',
          (page) => page.NextMarker,
          {
            absent: ['TargetGroupNotFound', 'TargetGroupNotFoundException'],
          },
        ),
      ),
    )
  ).flat();
  const groups = pages.flatMap((page) => page.TargetGroups ?? []);
  reportMissing(context, 'AWS::ElasticLoadBalancingV2::TargetGroup', arns, new Set(groups.map((group) => group.TargetGroupArn as string)));
  return groups.map((group) => {
    const arn = group.TargetGroupArn as string;
    return {
      id: arn,
      type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      physicalId: arn,
      properties: compact({
        Name: group.TargetGroupName,
        Port: group.Port,
        Protocol: group.Protocol,
        ProtocolVersion: group.ProtocolVersion,
        VpcId: ref(group.VpcId),
        TargetType: group.TargetType,
        HealthCheckEnabled: group.HealthCheckEnabled,
        HealthCheckPath: group.HealthCheckPath,
        HealthCheckPort: group.HealthCheckPort,
        HealthCheckProtocol: group.HealthCheckProtocol,
        HealthCheckIntervalSeconds: group.HealthCheckIntervalSeconds,
        HealthyThresholdCount: group.HealthyThresholdCount,
        UnhealthyThresholdCount: group.UnhealthyThresholdCount,
        Matcher: group.Matcher ? compact({ HttpCode: group.Matcher.HttpCode, GrpcCode: group.Matcher.GrpcCode }) : undefined,
      }),
      live: liveFacts(entries, arn, { arn, loadBalancerArns: group.LoadBalancerArns }),
    };
  });
}

/** Elastic Load Balancing v2: load balancers with their attributes and listeners, target groups. */
export const elbv2Fetcher: Fetcher = {
  service: 'elbv2',
  types: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
  derived: ['AWS::ElasticLoadBalancingV2::Listener'],
  fetch: async (context, entries) =>
    (
      await Promise.all([
        loadBalancers(context, idsOf(entries, 'AWS::ElasticLoadBalancingV2::LoadBalancer'), entries),
        targetGroups(context, idsOf(entries, 'AWS::ElasticLoadBalancingV2::TargetGroup'), entries),
      ])
    ).flat(),
};
