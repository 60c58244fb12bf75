import type { DescribeSecurityGroupsResult, IpPermission } from '@aws-sdk/client-ec2';
import { compact, ref, userTags } from '../types';
import { ec2Type } from './describe';

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

/** AWS::EC2::SecurityGroup with its rules inline, where rules declared as their own resources show up too. */
export const securityGroups = ec2Type<DescribeSecurityGroupsResult, NonNullable<DescribeSecurityGroupsResult['SecurityGroups']>[number]>({
  type: 'AWS::EC2::SecurityGroup',
  command: 'DescribeSecurityGroups',
  idField: 'GroupIds',
  parts: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  items: (page) => page.SecurityGroups,
  id: (item) => item.GroupId,
  map: (group, emit) =>
    emit.resource(
      group.GroupId as string,
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
});
