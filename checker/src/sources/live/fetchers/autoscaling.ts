import type {
  DescribeAutoScalingGroupsCommandOutput,
  DescribePoliciesCommandOutput,
  DescribeScheduledActionsCommandOutput,
} from '@aws-sdk/client-auto-scaling';
import type { Resource } from '../../../model/types';
import {
  STACK_NAME_TAG,
  chunks,
  compact,
  hasStackTag,
  idsOf,
  liveFacts,
  logicalIdFromTags,
  ref,
  refs,
  reportMissing,
  type FetchContext,
  type Fetcher,
  type StackEntry,
} from './types';

type Group = NonNullable<DescribeAutoScalingGroupsCommandOutput['AutoScalingGroups']>[number];

function groupResource(group: Group, entries: readonly StackEntry[]): Resource {
  const id = group.AutoScalingGroupName as string;
  const template = group.LaunchTemplate;
  return {
    id,
    type: 'AWS::AutoScaling::AutoScalingGroup',
    physicalId: id,
    // CloudFormation declares sizes as strings; the API returns numbers.
    properties: compact({
      AutoScalingGroupName: id,
      MinSize: group.MinSize === undefined ? undefined : String(group.MinSize),
      MaxSize: group.MaxSize === undefined ? undefined : String(group.MaxSize),
      DesiredCapacity: group.DesiredCapacity === undefined ? undefined : String(group.DesiredCapacity),
      VPCZoneIdentifier: group.VPCZoneIdentifier ? refs(group.VPCZoneIdentifier.split(',').map((subnet) => subnet.trim())) : undefined,
      LaunchTemplate: template
        ? compact({
            LaunchTemplateId: ref(template.LaunchTemplateId),
            LaunchTemplateName: template.LaunchTemplateId ? undefined : template.LaunchTemplateName,
            Version: template.Version,
          })
        : undefined,
      LaunchConfigurationName: group.LaunchConfigurationName,
      MixedInstancesPolicy: group.MixedInstancesPolicy
        ? {
            ...group.MixedInstancesPolicy,
            LaunchTemplate: group.MixedInstancesPolicy.LaunchTemplate
              ? {
                  ...group.MixedInstancesPolicy.LaunchTemplate,
                  LaunchTemplateSpecification: compact({
                    ...group.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification,
                    LaunchTemplateId: ref(group.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification?.LaunchTemplateId),
                  }),
                }
              : undefined,
          }
        : undefined,
      TargetGroupARNs: group.TargetGroupARNs?.length ? refs(group.TargetGroupARNs) : undefined,
      HealthCheckType: group.HealthCheckType,
      HealthCheckGracePeriod: group.HealthCheckGracePeriod,
      Tags: group.Tags?.filter((tag) => tag.Key && !tag.Key.startsWith('aws:')).map((tag) => ({
        Key: tag.Key,
        Value: tag.Value,
        PropagateAtLaunch: tag.PropagateAtLaunch,
      })),
    }),
    live: liveFacts(entries, id, {
      logicalId: logicalIdFromTags(group.Tags),
      arn: group.AutoScalingGroupARN,
      availabilityZones: group.AvailabilityZones,
      instances: group.Instances?.map((instance) =>
        compact({
          id: instance.InstanceId,
          availabilityZone: instance.AvailabilityZone,
          state: instance.LifecycleState,
          health: instance.HealthStatus,
        }),
      ),
    }),
  };
}

async function policiesOf(context: FetchContext, groupName: string, entries: readonly StackEntry[]): Promise<Resource[]> {
  const pages = await context.caller.paginate<DescribePoliciesCommandOutput>(
    'autoscaling',
    'DescribePolicies',
    { AutoScalingGroupName: groupName },
    'NextToken',
    (page) => page.NextToken,
  );
  return pages
    .flatMap((page) => page.ScalingPolicies ?? [])
    .map((policy) => {
      const id = policy.PolicyARN as string;
      return {
        id,
        type: 'AWS::AutoScaling::ScalingPolicy',
        physicalId: id,
        properties: compact({
          AutoScalingGroupName: ref(policy.AutoScalingGroupName),
          PolicyName: policy.PolicyName,
          PolicyType: policy.PolicyType,
          AdjustmentType: policy.AdjustmentType,
          ScalingAdjustment: policy.ScalingAdjustment,
          Cooldown: policy.Cooldown === undefined ? undefined : String(policy.Cooldown),
          MetricAggregationType: policy.MetricAggregationType,
          EstimatedInstanceWarmup: policy.EstimatedInstanceWarmup,
          StepAdjustments: policy.StepAdjustments?.length ? policy.StepAdjustments : undefined,
          TargetTrackingConfiguration: policy.TargetTrackingConfiguration,
        }),
        live: liveFacts(entries, id, { alarms: policy.Alarms?.map((alarm) => alarm.AlarmName) }),
      };
    });
}

/** A time from the API as CloudFormation writes it (ISO 8601, whole seconds, UTC). */
function isoTime(time: Date | undefined): string | undefined {
  return time ? time.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
}

async function scheduledActionsOf(context: FetchContext, groupName: string, entries: readonly StackEntry[]): Promise<Resource[]> {
  const pages = await context.caller.paginate<DescribeScheduledActionsCommandOutput>(
    'autoscaling',
    'DescribeScheduledActions',
    { AutoScalingGroupName: groupName },
    'NextToken',
    (page) => page.NextToken,
  );
  return pages
    .flatMap((page) => page.ScheduledUpdateGroupActions ?? [])
    .map((action) => {
      const id = action.ScheduledActionName as string;
      return {
        id,
        type: 'AWS::AutoScaling::ScheduledAction',
        physicalId: id,
        // CloudFormation declares the sizes as integers and the times as ISO 8601 strings.
        properties: compact({
          AutoScalingGroupName: ref(action.AutoScalingGroupName),
          MinSize: action.MinSize,
          MaxSize: action.MaxSize,
          DesiredCapacity: action.DesiredCapacity,
          Recurrence: action.Recurrence,
          StartTime: action.Recurrence ? undefined : isoTime(action.StartTime),
          EndTime: isoTime(action.EndTime),
          TimeZone: action.TimeZone,
        }),
        live: liveFacts(entries, id, { arn: action.ScheduledActionARN, nextRun: isoTime(action.StartTime) }),
      };
    });
}

async function load(
  context: FetchContext,
  input: Record<string, unknown>[],
  entries: readonly StackEntry[],
  wanted?: string[],
): Promise<Resource[]> {
  const pages = (
    await Promise.all(
      input.map((request) =>
        context.caller.paginate<DescribeAutoScalingGroupsCommandOutput>(
          'autoscaling',
          'DescribeAutoScalingGroups',
          request,
          'NextToken',
          (page) => page.NextToken,
        ),
      ),
    )
  ).flat();
  // Tag lookups keep only groups that really carry the stack's tag (some emulators ignore the filter).
  const groups = pages
    .flatMap((page) => page.AutoScalingGroups ?? [])
    .filter((group) => wanted || hasStackTag(group.Tags, context.stackName));
  if (wanted)
    reportMissing(
      context,
      'AWS::AutoScaling::AutoScalingGroup',
      wanted,
      new Set(groups.map((group) => group.AutoScalingGroupName as string)),
    );
  const resources = groups.map((group) => groupResource(group, entries));
  const withPolicies = wanted === undefined || entries.some((entry) => entry.type === 'AWS::AutoScaling::ScalingPolicy');
  if (withPolicies) {
    const policies = await Promise.all(groups.map((group) => policiesOf(context, group.AutoScalingGroupName as string, entries)));
    resources.push(...policies.flat());
  }
  const withSchedules = wanted === undefined || entries.some((entry) => entry.type === 'AWS::AutoScaling::ScheduledAction');
  if (withSchedules) {
    const actions = await Promise.all(groups.map((group) => scheduledActionsOf(context, group.AutoScalingGroupName as string, entries)));
    resources.push(...actions.flat());
  }
  return resources;
}

/** Amazon EC2 Auto Scaling: groups, their scaling policies and their scheduled actions. */
export const autoScalingFetcher: Fetcher = {
  service: 'autoscaling',
  types: ['AWS::AutoScaling::AutoScalingGroup'],
  derived: ['AWS::AutoScaling::ScalingPolicy', 'AWS::AutoScaling::ScheduledAction'],
  fetch: (context, entries) => {
    const names = idsOf(entries, 'AWS::AutoScaling::AutoScalingGroup');
    return load(
      context,
      chunks(names, 50).map((AutoScalingGroupNames) => ({ AutoScalingGroupNames })),
      entries,
      names,
    );
  },
  fetchByTag: (context) => load(context, [{ Filters: [{ Name: `tag:${STACK_NAME_TAG}`, Values: [context.stackName] }] }], []),
};
