import type { DescribeSubnetsResult } from '@aws-sdk/client-ec2';
import { ref, userTags } from '../types';
import { ec2Type } from './describe';

/** AWS::EC2::Subnet. */
export const subnets = ec2Type<DescribeSubnetsResult, NonNullable<DescribeSubnetsResult['Subnets']>[number]>({
  type: 'AWS::EC2::Subnet',
  command: 'DescribeSubnets',
  idField: 'SubnetIds',
  items: (page) => page.Subnets,
  id: (item) => item.SubnetId,
  map: (subnet, emit) =>
    emit.resource(
      subnet.SubnetId as string,
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
});
