import type { DescribeNatGatewaysResult } from '@aws-sdk/client-ec2';
import { ref, userTags } from '../types';
import { ec2Type } from './describe';

/** AWS::EC2::NatGateway; a deleted or deleting gateway is left out. */
export const natGateways = ec2Type<DescribeNatGatewaysResult, NonNullable<DescribeNatGatewaysResult['NatGateways']>[number]>({
  type: 'AWS::EC2::NatGateway',
  command: 'DescribeNatGateways',
  idField: 'NatGatewayIds',
  filterField: 'Filter',
  items: (page) => page.NatGateways,
  id: (item) => item.NatGatewayId,
  map(gateway, emit) {
    if (gateway.State === 'deleted' || gateway.State === 'deleting') return;
    emit.resource(
      gateway.NatGatewayId as string,
      {
        SubnetId: ref(gateway.SubnetId),
        AllocationId: gateway.NatGatewayAddresses?.[0]?.AllocationId,
        ConnectivityType: gateway.ConnectivityType,
        Tags: userTags(gateway.Tags),
      },
      gateway.Tags,
      { state: gateway.State, vpcId: gateway.VpcId, publicIp: gateway.NatGatewayAddresses?.[0]?.PublicIp },
    );
  },
});
