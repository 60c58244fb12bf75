import type { DescribeInternetGatewaysResult } from '@aws-sdk/client-ec2';
import { compact, ref, userTags } from '../types';
import { ec2Type } from './describe';

/** AWS::EC2::InternetGateway, with its VPC attachments as their own resources. */
export const internetGateways = ec2Type<
  DescribeInternetGatewaysResult,
  NonNullable<DescribeInternetGatewaysResult['InternetGateways']>[number]
>({
  type: 'AWS::EC2::InternetGateway',
  command: 'DescribeInternetGateways',
  idField: 'InternetGatewayIds',
  parts: ['AWS::EC2::VPCGatewayAttachment'],
  items: (page) => page.InternetGateways,
  id: (item) => item.InternetGatewayId,
  map(gateway, emit) {
    const gatewayId = gateway.InternetGatewayId as string;
    emit.resource(gatewayId, { Tags: userTags(gateway.Tags) }, gateway.Tags);
    for (const attachment of gateway.Attachments ?? []) {
      if (!attachment.VpcId) continue;
      emit.part(
        `${gatewayId}|${attachment.VpcId}`,
        'AWS::EC2::VPCGatewayAttachment',
        { InternetGatewayId: ref(gatewayId), VpcId: ref(attachment.VpcId) },
        compact({ state: attachment.State }),
      );
    }
  },
});
