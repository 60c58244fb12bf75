import type { DescribeVpcEndpointsResult } from '@aws-sdk/client-ec2';
import { parsePolicy, ref, refs } from '../types';
import { ec2Type } from './describe';

/** AWS::EC2::VPCEndpoint, gateway or interface. */
export const vpcEndpoints = ec2Type<DescribeVpcEndpointsResult, NonNullable<DescribeVpcEndpointsResult['VpcEndpoints']>[number]>({
  type: 'AWS::EC2::VPCEndpoint',
  command: 'DescribeVpcEndpoints',
  idField: 'VpcEndpointIds',
  items: (page) => page.VpcEndpoints,
  id: (item) => item.VpcEndpointId,
  map: (endpoint, emit) =>
    emit.resource(
      endpoint.VpcEndpointId as string,
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
});
