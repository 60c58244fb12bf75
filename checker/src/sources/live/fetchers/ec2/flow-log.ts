import type { DescribeFlowLogsResult } from '@aws-sdk/client-ec2';
import { ref, userTags } from '../types';
import { ec2Type } from './describe';

function flowLogResourceType(resourceId: string | undefined): string | undefined {
  if (resourceId?.startsWith('vpc-')) return 'VPC';
  if (resourceId?.startsWith('subnet-')) return 'Subnet';
  if (resourceId?.startsWith('eni-')) return 'NetworkInterface';
  return undefined;
}

/** AWS::EC2::FlowLog, with the type of what it watches read from the watched id. */
export const flowLogs = ec2Type<DescribeFlowLogsResult, NonNullable<DescribeFlowLogsResult['FlowLogs']>[number]>({
  type: 'AWS::EC2::FlowLog',
  command: 'DescribeFlowLogs',
  idField: 'FlowLogIds',
  filterField: 'Filter',
  items: (page) => page.FlowLogs,
  id: (item) => item.FlowLogId,
  map: (log, emit) =>
    emit.resource(
      log.FlowLogId as string,
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
});
