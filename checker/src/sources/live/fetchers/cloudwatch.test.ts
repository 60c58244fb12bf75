import { runFetcher } from '../test-transport';
import { cloudWatchFetcher } from './cloudwatch';

const policyArn = 'arn:aws:autoscaling:ap-northeast-2:123456789012:scalingPolicy:uuid:autoScalingGroupName/web-asg:policyName/up';

describe('cloudwatch fetcher', () => {
  it('maps metric alarms, paginated, with their actions as references', async () => {
    const alarm = {
      AlarmName: 'cpu-high',
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Average',
      Period: 300,
      EvaluationPeriods: 2,
      Threshold: 70,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web-asg' }],
      AlarmActions: [policyArn],
      StateValue: 'OK',
    };
    const { byId, requests } = await runFetcher(
      cloudWatchFetcher,
      {
        'cloudwatch:DescribeAlarms': (input: Record<string, unknown>) =>
          input.NextToken
            ? { MetricAlarms: [{ ...alarm, AlarmName: 'cpu-low', AlarmActions: [] }] }
            : { MetricAlarms: [alarm], NextToken: 'n' },
      },
      [
        { physicalId: 'cpu-high', type: 'AWS::CloudWatch::Alarm' },
        { physicalId: 'cpu-low', type: 'AWS::CloudWatch::Alarm' },
      ],
    );
    expect(byId('cpu-high').properties).toMatchObject({
      MetricName: 'CPUUtilization',
      Threshold: 70,
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web-asg' }],
      AlarmActions: [{ $ref: policyArn }],
    });
    expect(byId('cpu-low').properties).not.toHaveProperty('AlarmActions');
    expect(requests).toHaveLength(2);
  });
});
