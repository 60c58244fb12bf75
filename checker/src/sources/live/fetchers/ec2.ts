import type {
  DescribeFlowLogsResult,
  DescribeInstancesResult,
  DescribeInternetGatewaysResult,
  DescribeLaunchTemplatesResult,
  DescribeLaunchTemplateVersionsResult,
  DescribeNatGatewaysResult,
  DescribeNetworkAclsResult,
  DescribeRouteTablesResult,
  DescribeSecurityGroupsResult,
  DescribeSubnetsResult,
  DescribeVpcAttributeResult,
  DescribeVpcEndpointsResult,
  DescribeVolumesResult,
  DescribeVpcsResult,
  Filter,
  IpPermission,
} from '@aws-sdk/client-ec2';
import type { Resource } from '../../../model/types';
import {
  STACK_NAME_TAG,
  compact,
  idsOf,
  liveFacts,
  logicalIdFromTags,
  parsePolicy,
  ref,
  refs,
  reportMissing,
  userTags,
  type FetchContext,
  type Fetcher,
  type StackEntry,
} from './types';

/** How one EC2 describe call selects objects: by the stack's physical ids or by the stack-name tag. */
type Selector = { readonly ids: readonly string[] } | { readonly filters: Filter[] };

interface Describe<P, I> {
  readonly type: string;
  readonly command: string;
  /** Request field for ids, e.g. "VpcIds". */
  readonly idField: string;
  /** Request field for filters: "Filters", or "Filter" for NAT gateways and flow logs. */
  readonly filterField?: string;
  readonly items: (page: P) => readonly I[] | undefined;
  readonly id: (item: I) => string | undefined;
}

async function describe<P extends { NextToken?: string }, I>(
  context: FetchContext,
  spec: Describe<P, I>,
  selector: Selector,
): Promise<I[]> {
  if ('ids' in selector && selector.ids.length === 0) return [];
  const input = 'ids' in selector ? { [spec.idField]: [...selector.ids] } : { [spec.filterField ?? 'Filters']: selector.filters };
  // EC2 answers an unknown id with an error for the whole request; ids listed by a stack but gone are reported, not fatal.
  const pages = await context.caller.paginate<P>('ec2', spec.command, input, 'NextToken', (page) => page.NextToken, {
    absent: (code) => code.includes('NotFound'),
  });
  const items = pages.flatMap((page) => spec.items(page) ?? []);
  if ('ids' in selector) {
    reportMissing(context, spec.type, selector.ids, new Set(items.map(spec.id).filter((id): id is string => Boolean(id))));
  }
  return items;
}

const VPCS: Describe<DescribeVpcsResult, NonNullable<DescribeVpcsResult['Vpcs']>[number]> = {
  type: 'AWS::EC2::VPC',
  command: 'DescribeVpcs',
  idField: 'VpcIds',
  items: (page) => page.Vpcs,
  id: (item) => item.VpcId,
};
const SUBNETS: Describe<DescribeSubnetsResult, NonNullable<DescribeSubnetsResult['Subnets']>[number]> = {
  type: 'AWS::EC2::Subnet',
  command: 'DescribeSubnets',
  idField: 'SubnetIds',
  items: (page) => page.Subnets,
  id: (item) => item.SubnetId,
};
const ROUTE_TABLES: Describe<DescribeRouteTablesResult, NonNullable<DescribeRouteTablesResult['RouteTables']>[number]> = {
  type: 'AWS::EC2::RouteTable',
  command: 'DescribeRouteTables',
  idField: 'RouteTableIds',
  items: (page) => page.RouteTables,
  id: (item) => item.RouteTableId,
};
const INTERNET_GATEWAYS: Describe<DescribeInternetGatewaysResult, NonNullable<DescribeInternetGatewaysResult['InternetGateways']>[number]> =
  {
    type: 'AWS::EC2::InternetGateway',
    command: 'DescribeInternetGateways',
    idField: 'InternetGatewayIds',
    items: (page) => page.InternetGateways,
    id: (item) => item.InternetGatewayId,
  };
const NAT_GATEWAYS: Describe<DescribeNatGatewaysResult, NonNullable<DescribeNatGatewaysResult['NatGateways']>[number]> = {
  type: 'AWS::EC2::NatGateway',
  command: 'DescribeNatGateways',
  idField: 'NatGatewayIds',
  filterField: 'Filter',
  items: (page) => page.NatGateways,
  id: (item) => item.NatGatewayId,
};
const SECURITY_GROUPS: Describe<DescribeSecurityGroupsResult, NonNullable<DescribeSecurityGroupsResult['SecurityGroups']>[number]> = {
  type: 'AWS::EC2::SecurityGroup',
  command: 'DescribeSecurityGroups',
  idField: 'GroupIds',
  items: (page) => page.SecurityGroups,
  id: (item) => item.GroupId,
};
const NETWORK_ACLS: Describe<DescribeNetworkAclsResult, NonNullable<DescribeNetworkAclsResult['NetworkAcls']>[number]> = {
  type: 'AWS::EC2::NetworkAcl',
  command: 'DescribeNetworkAcls',
  idField: 'NetworkAclIds',
  items: (page) => page.NetworkAcls,
  id: (item) => item.NetworkAclId,
};
const VPC_ENDPOINTS: Describe<DescribeVpcEndpointsResult, NonNullable<DescribeVpcEndpointsResult['VpcEndpoints']>[number]> = {
  type: 'AWS::EC2::VPCEndpoint',
  command: 'DescribeVpcEndpoints',
  idField: 'VpcEndpointIds',
  items: (page) => page.VpcEndpoints,
  id: (item) => item.VpcEndpointId,
};
const FLOW_LOGS: Describe<DescribeFlowLogsResult, NonNullable<DescribeFlowLogsResult['FlowLogs']>[number]> = {
  type: 'AWS::EC2::FlowLog',
  command: 'DescribeFlowLogs',
  idField: 'FlowLogIds',
  filterField: 'Filter',
  items: (page) => page.FlowLogs,
  id: (item) => item.FlowLogId,
};
const INSTANCES: Describe<
  DescribeInstancesResult,
  NonNullable<NonNullable<DescribeInstancesResult['Reservations']>[number]['Instances']>[number]
> = {
  type: 'AWS::EC2::Instance',
  command: 'DescribeInstances',
  idField: 'InstanceIds',
  items: (page) => page.Reservations?.flatMap((reservation) => reservation.Instances ?? []),
  id: (item) => item.InstanceId,
};
const LAUNCH_TEMPLATES: Describe<DescribeLaunchTemplatesResult, NonNullable<DescribeLaunchTemplatesResult['LaunchTemplates']>[number]> = {
  type: 'AWS::EC2::LaunchTemplate',
  command: 'DescribeLaunchTemplates',
  idField: 'LaunchTemplateIds',
  items: (page) => page.LaunchTemplates,
  id: (item) => item.LaunchTemplateId,
};

type Tag = { Key?: string; Value?: string };

/** True when tags include aws:cloudformation:stack-name = the stack. */
export function hasStackTag(tags: readonly Tag[] | undefined, stackName: string): boolean {
  return Boolean(tags?.some((tag) => tag.Key === STACK_NAME_TAG && tag.Value === stackName));
}

type InstanceDisk = NonNullable<
  NonNullable<NonNullable<DescribeInstancesResult['Reservations']>[number]['Instances']>[number]['BlockDeviceMappings']
>[number];

/** An instance's attached EBS volumes in the Instance.BlockDeviceMappings shape (encryption and size come from DescribeVolumes). */
async function instanceDisks(
  context: FetchContext,
  disks: readonly InstanceDisk[] | undefined,
): Promise<Record<string, unknown>[] | undefined> {
  const volumeIds = (disks ?? []).map((disk) => disk.Ebs?.VolumeId).filter((id): id is string => Boolean(id));
  if (!volumeIds.length) return undefined;
  const pages = await context.caller.paginate<DescribeVolumesResult>(
    'ec2',
    'DescribeVolumes',
    { VolumeIds: volumeIds },
    'NextToken',
    (page) => page.NextToken,
    {
      absent: (code) => code.includes('NotFound'),
    },
  );
  const volumes = new Map(pages.flatMap((page) => page.Volumes ?? []).map((volume) => [volume.VolumeId, volume]));
  return (disks ?? []).map((disk) => {
    const volume = volumes.get(disk.Ebs?.VolumeId);
    return compact({
      DeviceName: disk.DeviceName,
      Ebs: compact({
        Encrypted: volume?.Encrypted,
        VolumeSize: volume?.Size,
        VolumeType: volume?.VolumeType,
        Iops: volume?.Iops,
        KmsKeyId: volume?.KmsKeyId,
        DeleteOnTermination: disk.Ebs?.DeleteOnTermination,
      }),
    });
  });
}

/** An instance's launch template from the aws:ec2launchtemplate:* tags EC2 adds, in the Instance.LaunchTemplate shape. */
function launchTemplateOf(tags: readonly Tag[] | undefined): Record<string, unknown> | undefined {
  const id = tags?.find((tag) => tag.Key === 'aws:ec2launchtemplate:id')?.Value;
  const version = tags?.find((tag) => tag.Key === 'aws:ec2launchtemplate:version')?.Value;
  return id ? compact({ LaunchTemplateId: ref(id), Version: version }) : undefined;
}

/** Security group rules, one entry per source, in the shape of SecurityGroupIngress/Egress. */
function securityGroupRules(permissions: readonly IpPermission[] | undefined, direction: 'ingress' | 'egress'): Record<string, unknown>[] {
  const peerGroupKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const peerPrefixKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const rules: Record<string, unknown>[] = [];
  for (const permission of permissions ?? []) {
    const base = { IpProtocol: permission.IpProtocol, FromPort: permission.FromPort, ToPort: permission.ToPort };
    for (const range of permission.IpRanges ?? []) rules.push(compact({ ...base, CidrIp: range.CidrIp, Description: range.Description }));
    for (const range of permission.Ipv6Ranges ?? [])
      rules.push(compact({ ...base, CidrIpv6: range.CidrIpv6, Description: range.Description }));
    for (const list of permission.PrefixListIds ?? [])
      rules.push(compact({ ...base, [peerPrefixKey]: list.PrefixListId, Description: list.Description }));
    for (const pair of permission.UserIdGroupPairs ?? []) {
      rules.push(compact({ ...base, [peerGroupKey]: ref(pair.GroupId), Description: pair.Description }));
    }
  }
  return rules;
}

/** A route's targets as references (an internet gateway, NAT gateway, instance...). */
function routeTargets(
  route: NonNullable<NonNullable<DescribeRouteTablesResult['RouteTables']>[number]['Routes']>[number],
): Record<string, unknown> {
  return {
    GatewayId: ref(route.GatewayId),
    NatGatewayId: ref(route.NatGatewayId),
    InstanceId: ref(route.InstanceId),
    NetworkInterfaceId: route.InstanceId ? undefined : ref(route.NetworkInterfaceId),
    TransitGatewayId: ref(route.TransitGatewayId),
    VpcPeeringConnectionId: ref(route.VpcPeeringConnectionId),
  };
}

function flowLogResourceType(resourceId: string | undefined): string | undefined {
  if (resourceId?.startsWith('vpc-')) return 'VPC';
  if (resourceId?.startsWith('subnet-')) return 'Subnet';
  if (resourceId?.startsWith('eni-')) return 'NetworkInterface';
  return undefined;
}

async function vpcAttribute(
  context: FetchContext,
  vpcId: string,
  attribute: 'enableDnsSupport' | 'enableDnsHostnames',
): Promise<boolean | undefined> {
  const result = await context.caller.call<DescribeVpcAttributeResult | undefined>(
    'ec2',
    'DescribeVpcAttribute',
    { VpcId: vpcId, Attribute: attribute },
    { absent: ['InvalidVpcID.NotFound'] },
  );
  return attribute === 'enableDnsSupport' ? result?.EnableDnsSupport?.Value : result?.EnableDnsHostnames?.Value;
}

async function load(
  context: FetchContext,
  selectorFor: (type: string) => Selector | undefined,
  entries: readonly StackEntry[],
): Promise<Resource[]> {
  const out: Resource[] = [];
  const push = (
    id: string,
    type: string,
    properties: Record<string, unknown>,
    tags: Parameters<typeof logicalIdFromTags>[0],
    extra: Record<string, unknown> = {},
  ): void => {
    out.push({
      id,
      type,
      physicalId: id,
      properties: compact(properties),
      live: liveFacts(entries, id, compact({ logicalId: logicalIdFromTags(tags), ...extra })),
    });
  };
  const run = async <P extends { NextToken?: string }, I>(spec: Describe<P, I>, map: (item: I) => Promise<void> | void): Promise<void> => {
    const selector = selectorFor(spec.type);
    if (!selector) return;
    let items = await describe(context, spec, selector);
    // Some emulators ignore tag filters on some calls; keep only what really carries the stack's tag.
    if ('filters' in selector) items = items.filter((item) => hasStackTag((item as { Tags?: Tag[] }).Tags, context.stackName));
    await Promise.all(items.map(map));
  };

  await Promise.all([
    run(VPCS, async (vpc) => {
      const id = vpc.VpcId as string;
      const [dnsSupport, dnsHostnames] = await Promise.all([
        vpcAttribute(context, id, 'enableDnsSupport'),
        vpcAttribute(context, id, 'enableDnsHostnames'),
      ]);
      push(
        id,
        'AWS::EC2::VPC',
        {
          CidrBlock: vpc.CidrBlock,
          EnableDnsSupport: dnsSupport,
          EnableDnsHostnames: dnsHostnames,
          InstanceTenancy: vpc.InstanceTenancy,
          Tags: userTags(vpc.Tags),
        },
        vpc.Tags,
        { state: vpc.State, isDefault: vpc.IsDefault },
      );
    }),
    run(SUBNETS, (subnet) =>
      push(
        subnet.SubnetId as string,
        'AWS::EC2::Subnet',
        {
          VpcId: ref(subnet.VpcId),
          AvailabilityZone: subnet.AvailabilityZone,
          CidrBlock: subnet.CidrBlock,
          MapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch,
          Tags: userTags(subnet.Tags),
        },
        subnet.Tags,
        { availabilityZoneId: subnet.AvailabilityZoneId },
      ),
    ),
    run(ROUTE_TABLES, (table) => {
      const tableId = table.RouteTableId as string;
      push(tableId, 'AWS::EC2::RouteTable', { VpcId: ref(table.VpcId), Tags: userTags(table.Tags) }, table.Tags, {
        main: table.Associations?.some((association) => association.Main) || undefined,
      });
      for (const route of table.Routes ?? []) {
        // Only routes a template can declare: not the VPC's local route, propagated routes or gateway-endpoint routes.
        if (route.Origin !== 'CreateRoute' || route.GatewayId?.startsWith('vpce-')) continue;
        const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? 'unknown';
        const id = `${tableId}|${destination}`;
        out.push({
          id,
          type: 'AWS::EC2::Route',
          physicalId: id,
          properties: compact({
            RouteTableId: ref(tableId),
            DestinationCidrBlock: route.DestinationCidrBlock,
            DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock,
            DestinationPrefixListId: route.DestinationPrefixListId,
            ...routeTargets(route),
          }),
          live: compact({ state: route.State }),
        });
      }
      for (const association of table.Associations ?? []) {
        if (association.Main || !association.SubnetId || !association.RouteTableAssociationId) continue;
        const id = association.RouteTableAssociationId;
        out.push({
          id,
          type: 'AWS::EC2::SubnetRouteTableAssociation',
          physicalId: id,
          properties: { RouteTableId: ref(tableId), SubnetId: ref(association.SubnetId) },
        });
      }
    }),
    run(INTERNET_GATEWAYS, (gateway) => {
      const gatewayId = gateway.InternetGatewayId as string;
      push(gatewayId, 'AWS::EC2::InternetGateway', { Tags: userTags(gateway.Tags) }, gateway.Tags);
      for (const attachment of gateway.Attachments ?? []) {
        if (!attachment.VpcId) continue;
        const id = `${gatewayId}|${attachment.VpcId}`;
        out.push({
          id,
          type: 'AWS::EC2::VPCGatewayAttachment',
          physicalId: id,
          properties: { InternetGatewayId: ref(gatewayId), VpcId: ref(attachment.VpcId) },
          live: compact({ state: attachment.State }),
        });
      }
    }),
    run(NAT_GATEWAYS, (gateway) => {
      if (gateway.State === 'deleted' || gateway.State === 'deleting') return;
      push(
        gateway.NatGatewayId as string,
        'AWS::EC2::NatGateway',
        {
          SubnetId: ref(gateway.SubnetId),
          AllocationId: gateway.NatGatewayAddresses?.[0]?.AllocationId,
          ConnectivityType: gateway.ConnectivityType,
          Tags: userTags(gateway.Tags),
        },
        gateway.Tags,
        { state: gateway.State, vpcId: gateway.VpcId, publicIp: gateway.NatGatewayAddresses?.[0]?.PublicIp },
      );
    }),
    run(SECURITY_GROUPS, (group) =>
      push(
        group.GroupId as string,
        'AWS::EC2::SecurityGroup',
        {
          GroupDescription: group.Description,
          GroupName: group.GroupName,
          VpcId: ref(group.VpcId),
          SecurityGroupIngress: securityGroupRules(group.IpPermissions, 'ingress'),
          SecurityGroupEgress: securityGroupRules(group.IpPermissionsEgress, 'egress'),
          Tags: userTags(group.Tags),
        },
        group.Tags,
      ),
    ),
    run(NETWORK_ACLS, (acl) => {
      const aclId = acl.NetworkAclId as string;
      push(aclId, 'AWS::EC2::NetworkAcl', { VpcId: ref(acl.VpcId), Tags: userTags(acl.Tags) }, acl.Tags, { isDefault: acl.IsDefault });
      for (const entry of acl.Entries ?? []) {
        // Rule 32767 is the implicit deny-all every ACL has; templates never declare it.
        if (entry.RuleNumber === undefined || entry.RuleNumber >= 32767) continue;
        const id = `${aclId}|${entry.Egress ? 'egress' : 'ingress'}|${entry.RuleNumber}`;
        out.push({
          id,
          type: 'AWS::EC2::NetworkAclEntry',
          physicalId: id,
          properties: compact({
            NetworkAclId: ref(aclId),
            RuleNumber: entry.RuleNumber,
            Protocol: entry.Protocol === undefined ? undefined : Number(entry.Protocol),
            RuleAction: entry.RuleAction,
            Egress: entry.Egress,
            CidrBlock: entry.CidrBlock,
            Ipv6CidrBlock: entry.Ipv6CidrBlock,
            PortRange: entry.PortRange ? compact({ From: entry.PortRange.From, To: entry.PortRange.To }) : undefined,
            Icmp: entry.IcmpTypeCode ? compact({ Code: entry.IcmpTypeCode.Code, Type: entry.IcmpTypeCode.Type }) : undefined,
          }),
        });
      }
      for (const association of acl.Associations ?? []) {
        if (!association.NetworkAclAssociationId || !association.SubnetId || acl.IsDefault) continue;
        out.push({
          id: association.NetworkAclAssociationId,
          type: 'AWS::EC2::SubnetNetworkAclAssociation',
          physicalId: association.NetworkAclAssociationId,
          properties: { NetworkAclId: ref(aclId), SubnetId: ref(association.SubnetId) },
        });
      }
    }),
    run(VPC_ENDPOINTS, (endpoint) =>
      push(
        endpoint.VpcEndpointId as string,
        'AWS::EC2::VPCEndpoint',
        {
          ServiceName: endpoint.ServiceName,
          VpcEndpointType: endpoint.VpcEndpointType,
          VpcId: ref(endpoint.VpcId),
          RouteTableIds: endpoint.RouteTableIds?.length ? refs(endpoint.RouteTableIds) : undefined,
          SubnetIds: endpoint.SubnetIds?.length ? refs(endpoint.SubnetIds) : undefined,
          SecurityGroupIds: endpoint.Groups?.length ? refs(endpoint.Groups.map((group) => group.GroupId)) : undefined,
          PolicyDocument: parsePolicy(endpoint.PolicyDocument),
          PrivateDnsEnabled: endpoint.VpcEndpointType === 'Interface' ? endpoint.PrivateDnsEnabled : undefined,
        },
        endpoint.Tags,
        { state: endpoint.State },
      ),
    ),
    run(FLOW_LOGS, (log) =>
      push(
        log.FlowLogId as string,
        'AWS::EC2::FlowLog',
        {
          ResourceId: ref(log.ResourceId),
          ResourceType: flowLogResourceType(log.ResourceId),
          TrafficType: log.TrafficType,
          LogDestinationType: log.LogDestinationType,
          LogDestination: log.LogDestination,
          LogGroupName: log.LogGroupName,
          DeliverLogsPermissionArn: log.DeliverLogsPermissionArn,
          MaxAggregationInterval: log.MaxAggregationInterval,
          LogFormat: log.LogFormat,
          Tags: userTags(log.Tags),
        },
        log.Tags,
        { status: log.FlowLogStatus },
      ),
    ),
    run(INSTANCES, async (instance) => {
      if (instance.State?.Name === 'terminated' || instance.State?.Name === 'shutting-down') return;
      const blockDeviceMappings = await instanceDisks(context, instance.BlockDeviceMappings);
      push(
        instance.InstanceId as string,
        'AWS::EC2::Instance',
        {
          ImageId: instance.ImageId,
          InstanceType: instance.InstanceType,
          SubnetId: ref(instance.SubnetId),
          // The instance's groups and its network interfaces' (moto lists the latter only).
          SecurityGroupIds: refs([
            ...new Set([
              ...(instance.SecurityGroups ?? []).map((group) => group.GroupId),
              ...(instance.NetworkInterfaces ?? []).flatMap((nic) => (nic.Groups ?? []).map((group) => group.GroupId)),
            ]),
          ]),
          AvailabilityZone: instance.Placement?.AvailabilityZone,
          // EC2 tags an instance launched from a launch template with the template's id and version.
          LaunchTemplate: launchTemplateOf(instance.Tags),
          BlockDeviceMappings: blockDeviceMappings,
          IamInstanceProfile: instance.IamInstanceProfile?.Arn?.split('/').pop(),
          KeyName: instance.KeyName,
          Monitoring: instance.Monitoring?.State === 'enabled' || undefined,
          Tags: userTags(instance.Tags),
        },
        instance.Tags,
        compact({
          state: instance.State?.Name,
          privateIp: instance.PrivateIpAddress,
          publicIp: instance.PublicIpAddress,
          instanceProfileArn: instance.IamInstanceProfile?.Arn,
          metadataOptions: instance.MetadataOptions
            ? compact({ HttpTokens: instance.MetadataOptions.HttpTokens, HttpEndpoint: instance.MetadataOptions.HttpEndpoint })
            : undefined,
        }),
      );
    }),
    run(LAUNCH_TEMPLATES, async (template) => {
      const templateId = template.LaunchTemplateId as string;
      const pages = await context.caller.paginate<DescribeLaunchTemplateVersionsResult>(
        'ec2',
        'DescribeLaunchTemplateVersions',
        { LaunchTemplateId: templateId, Versions: ['$Latest'] },
        'NextToken',
        (page) => page.NextToken,
      );
      const data = pages.flatMap((page) => page.LaunchTemplateVersions ?? [])[0]?.LaunchTemplateData ?? {};
      const launchTemplateData = compact({
        ...(data as Record<string, unknown>),
        SecurityGroupIds: data.SecurityGroupIds?.length ? refs(data.SecurityGroupIds) : undefined,
        NetworkInterfaces: data.NetworkInterfaces?.map((nic) => compact({ ...nic, Groups: refs(nic.Groups), SubnetId: ref(nic.SubnetId) })),
      });
      push(
        templateId,
        'AWS::EC2::LaunchTemplate',
        { LaunchTemplateName: template.LaunchTemplateName, LaunchTemplateData: launchTemplateData },
        template.Tags,
        {
          latestVersion: template.LatestVersionNumber,
          defaultVersion: template.DefaultVersionNumber,
        },
      );
    }),
  ]);
  return out;
}

const PRIMARY_TYPES = [
  VPCS.type,
  SUBNETS.type,
  ROUTE_TABLES.type,
  INTERNET_GATEWAYS.type,
  NAT_GATEWAYS.type,
  SECURITY_GROUPS.type,
  NETWORK_ACLS.type,
  VPC_ENDPOINTS.type,
  FLOW_LOGS.type,
  INSTANCES.type,
  LAUNCH_TEMPLATES.type,
];

/** Amazon EC2 and VPC: network, security groups, instances and launch templates. */
export const ec2Fetcher: Fetcher = {
  service: 'ec2',
  types: PRIMARY_TYPES,
  derived: [
    'AWS::EC2::Route',
    'AWS::EC2::SubnetRouteTableAssociation',
    'AWS::EC2::VPCGatewayAttachment',
    'AWS::EC2::NetworkAclEntry',
    'AWS::EC2::SubnetNetworkAclAssociation',
    // Security group rules declared as their own resources show up inline on their group.
    'AWS::EC2::SecurityGroupIngress',
    'AWS::EC2::SecurityGroupEgress',
  ],
  fetch: (context, entries) =>
    load(
      context,
      (type) => {
        const ids = idsOf(entries, type);
        return ids.length ? { ids } : undefined;
      },
      entries,
    ),
  fetchByTag: (context) => load(context, () => ({ filters: [{ Name: `tag:${STACK_NAME_TAG}`, Values: [context.stackName] }] }), []),
};
