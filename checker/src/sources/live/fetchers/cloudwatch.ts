import type { DescribeAlarmsOutput } from '@aws-sdk/client-cloudwatch';
import type { Resource } from '../../../model/types';
import { chunks, compact, idsOf, liveFacts, refs, reportMissing, type Fetcher } from './types';

/** Amazon CloudWatch: metric alarms (their actions point at scaling policies or topics). */
export const cloudWatchFetcher: Fetcher = {
  service: 'cloudwatch',
  types: ['AWS::CloudWatch::Alarm'],
  fetch: async (context, entries) => {
    const names = idsOf(entries, 'AWS::CloudWatch::Alarm');
    const pages = (
      await Promise.all(
        chunks(names, 100).map((AlarmNames) =>
          context.caller.paginate<DescribeAlarmsOutput>(
            'cloudwatch',
            'DescribeAlarms',
            { AlarmNames, AlarmTypes: ['MetricAlarm'] },
            'NextToken',
            (page) => page.NextToken,
          ),
        ),
      )
    ).flat();
    const alarms = pages.flatMap((page) => page.MetricAlarms ?? []);
    reportMissing(context, 'AWS::CloudWatch::Alarm', names, new Set(alarms.map((alarm) => alarm.AlarmName as string)));
    return alarms.map((alarm): Resource => {
      const id = alarm.AlarmName as string;
      return {
        id,
        type: 'AWS::CloudWatch::Alarm',
        physicalId: id,
        properties: compact({
          AlarmName: id,
          AlarmDescription: alarm.AlarmDescription,
          MetricName: alarm.MetricName,
          Namespace: alarm.Namespace,
          Statistic: alarm.Statistic,
          ExtendedStatistic: alarm.ExtendedStatistic,
          Dimensions: alarm.Dimensions?.length
            ? alarm.Dimensions.map((dimension) => ({ Name: dimension.Name, Value: dimension.Value }))
            : undefined,
          Period: alarm.Period,
          EvaluationPeriods: alarm.EvaluationPeriods,
          DatapointsToAlarm: alarm.DatapointsToAlarm,
          Threshold: alarm.Threshold,
          ComparisonOperator: alarm.ComparisonOperator,
          TreatMissingData: alarm.TreatMissingData,
          ActionsEnabled: alarm.ActionsEnabled,
          AlarmActions: alarm.AlarmActions?.length ? refs(alarm.AlarmActions) : undefined,
          OKActions: alarm.OKActions?.length ? refs(alarm.OKActions) : undefined,
          InsufficientDataActions: alarm.InsufficientDataActions?.length ? refs(alarm.InsufficientDataActions) : undefined,
          Metrics: alarm.Metrics?.length ? alarm.Metrics : undefined,
        }),
        live: liveFacts(entries, id, { arn: alarm.AlarmArn, state: alarm.StateValue }),
      };
    });
  },
};
