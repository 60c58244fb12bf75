import type { DescribeNetworkAclsResult } from '@aws-sdk/client-ec2';
import { compact, ref, userTags } from '../types';
import { ec2Type } from './describe';

/** AWS::EC2::NetworkAcl, with its entries and subnet associations as their own resources. */
export const networkAcls = ec2Type<DescribeNetworkAclsResult, NonNullable<DescribeNetworkAclsResult['NetworkAcls']>[number]>({
  type: 'AWS::EC2::NetworkAcl',
  command: 'DescribeNetworkAcls',
  idField: 'NetworkAclIds',
  parts: ['AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation'],
  items: (page) => page.NetworkAcls,
  id: (item) => item.NetworkAclId,
  map(acl, emit) {
    const aclId = acl.NetworkAclId as string;
    emit.resource(aclId, { VpcId: ref(acl.VpcId), Tags: userTags(acl.Tags) }, acl.Tags, { isDefault: acl.IsDefault });
    for (const entry of acl.Entries ?? []) {
      // Rule 32767 is the implicit deny-all every ACL has; templates never declare it.
      if (entry.RuleNumber === undefined || entry.RuleNumber >= 32767) continue;
      const id = `${aclId}|${entry.Egress ? 'egress' : 'ingress'}|${entry.RuleNumber}`;
      emit.part(
        id,
        'AWS::EC2::NetworkAclEntry',
        compact({
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
      );
    }
    for (const association of acl.Associations ?? []) {
      if (!association.NetworkAclAssociationId || !association.SubnetId || acl.IsDefault) continue;
      emit.part(association.NetworkAclAssociationId, 'AWS::EC2::SubnetNetworkAclAssociation', {
        NetworkAclId: ref(aclId),
        SubnetId: ref(association.SubnetId),
      });
    }
  },
});
