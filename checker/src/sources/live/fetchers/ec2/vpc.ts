import type { DescribeVpcAttributeResult, DescribeVpcsResult } from '@aws-sdk/client-ec2';
import { userTags, type FetchContext } from '../types';
import { ec2Type } from './describe';

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

/** AWS::EC2::VPC, with the two DNS attributes DescribeVpcs leaves out. */
export const vpcs = ec2Type<DescribeVpcsResult, NonNullable<DescribeVpcsResult['Vpcs']>[number]>({
  type: 'AWS::EC2::VPC',
  command: 'DescribeVpcs',
  idField: 'VpcIds',
  items: (page) => page.Vpcs,
  id: (item) => item.VpcId,
  async map(vpc, emit, context) {
    const id = vpc.VpcId as string;
    const [dnsSupport, dnsHostnames] = await Promise.all([
      vpcAttribute(context, id, 'enableDnsSupport'),
      vpcAttribute(context, id, 'enableDnsHostnames'),
    ]);
    emit.resource(
      id,
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
  },
});
