import type { DescribeRouteTablesResult } from '@aws-sdk/client-ec2';
import { compact, ref, userTags } from '../types';
import { ec2Type } from './describe';

type RouteTable = NonNullable<DescribeRouteTablesResult['RouteTables']>[number];

/** A route's targets as references (an internet gateway, NAT gateway, instance...). */
function routeTargets(route: NonNullable<RouteTable['Routes']>[number]): Record<string, unknown> {
  return {
    GatewayId: ref(route.GatewayId),
    NatGatewayId: ref(route.NatGatewayId),
    InstanceId: ref(route.InstanceId),
    NetworkInterfaceId: route.InstanceId ? undefined : ref(route.NetworkInterfaceId),
    TransitGatewayId: ref(route.TransitGatewayId),
    VpcPeeringConnectionId: ref(route.VpcPeeringConnectionId),
  };
}

/** AWS::EC2::RouteTable, with its routes and subnet associations as their own resources. */
export const routeTables = ec2Type<DescribeRouteTablesResult, RouteTable>({
  type: 'AWS::EC2::RouteTable',
  command: 'DescribeRouteTables',
  idField: 'RouteTableIds',
  parts: ['AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation'],
  items: (page) => page.RouteTables,
  id: (item) => item.RouteTableId,
  map(table, emit) {
    const tableId = table.RouteTableId as string;
    emit.resource(tableId, { VpcId: ref(table.VpcId), Tags: userTags(table.Tags) }, table.Tags, {
      main: table.Associations?.some((association) => association.Main) || undefined,
    });
    for (const route of table.Routes ?? []) {
      // Only routes a template can declare: not the VPC's local route, propagated routes or gateway-endpoint routes.
      if (route.Origin !== 'CreateRoute' || route.GatewayId?.startsWith('vpce-')) continue;
      const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? 'unknown';
      const id = `${tableId}|${destination}`;
      emit.part(
        id,
        'AWS::EC2::Route',
        compact({
          RouteTableId: ref(tableId),
          DestinationCidrBlock: route.DestinationCidrBlock,
          DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock,
          DestinationPrefixListId: route.DestinationPrefixListId,
          ...routeTargets(route),
        }),
        compact({ state: route.State }),
      );
    }
    for (const association of table.Associations ?? []) {
      if (association.Main || !association.SubnetId || !association.RouteTableAssociationId) continue;
      emit.part(association.RouteTableAssociationId, 'AWS::EC2::SubnetRouteTableAssociation', {
        RouteTableId: ref(tableId),
        SubnetId: ref(association.SubnetId),
      });
    }
  },
});
