import { awsError, runFetcher } from '../test-transport';
import { autoScalingFetcher } from './autoscaling';

const group = {
  AutoScalingGroupName: 'web-asg',
  AutoScalingGroupARN: 'arn:aws:autoscaling:ap-northeast-2:123456789012:autoScalingGroup:uuid:autoScalingGroupName/web-asg',
  MinSize: 2,
  MaxSize: 4,
  DesiredCapacity: 2,
  VPCZoneIdentifier: 'subnet-xa,subnet-xb',
  LaunchTemplate: { LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', Version: '3' },
  TargetGroupARNs: ['arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/web/1'],
  HealthCheckType: 'ELB',
  AvailabilityZones: ['ap-northeast-2a', 'ap-northeast-2c'],
  Instances: [{ InstanceId: 'i-1', AvailabilityZone: 'ap-northeast-2a', LifecycleState: 'InService', HealthStatus: 'Healthy' }],
  Tags: [{ Key: 'aws:cloudformation:logical-id', Value: 'WebAsg', PropagateAtLaunch: true }],
};
const policy = {
  AutoScalingGroupName: 'web-asg',
  PolicyName: 'cpu',
  PolicyARN: 'arn:aws:autoscaling:ap-northeast-2:123456789012:scalingPolicy:uuid:autoScalingGroupName/web-asg:policyName/cpu',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
  Alarms: [{ AlarmName: 'TargetTracking-web-asg-AlarmHigh' }],
};

describe('autoscaling fetcher', () => {
  it('maps groups with sizes as strings, subnets, launch template and target groups as references', async () => {
    const { byId } = await runFetcher(
      autoScalingFetcher,
      {
        'autoscaling:DescribeAutoScalingGroups': { AutoScalingGroups: [group] },
        'autoscaling:DescribePolicies': { ScalingPolicies: [policy] },
      },
      [
        { logicalId: 'WebAsg', physicalId: 'web-asg', type: 'AWS::AutoScaling::AutoScalingGroup' },
        { logicalId: 'Cpu', physicalId: policy.PolicyARN, type: 'AWS::AutoScaling::ScalingPolicy' },
      ],
    );
    expect(byId('web-asg')).toMatchObject({
      type: 'AWS::AutoScaling::AutoScalingGroup',
      properties: {
        MinSize: '2',
        MaxSize: '4',
        DesiredCapacity: '2',
        VPCZoneIdentifier: [{ $ref: 'subnet-xa' }, { $ref: 'subnet-xb' }],
        LaunchTemplate: { LaunchTemplateId: { $ref: 'lt-1' }, Version: '3' },
        TargetGroupARNs: [{ $ref: group.TargetGroupARNs[0] }],
        HealthCheckType: 'ELB',
      },
      live: { logicalId: 'WebAsg', availabilityZones: ['ap-northeast-2a', 'ap-northeast-2c'] },
    });
    expect(byId(policy.PolicyARN)).toMatchObject({
      type: 'AWS::AutoScaling::ScalingPolicy',
      properties: {
        AutoScalingGroupName: { $ref: 'web-asg' },
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: policy.TargetTrackingConfiguration,
      },
    });
  });

  it('follows NextToken and skips DescribePolicies when the stack has no scaling policy', async () => {
    const { requests, resources } = await runFetcher(
      autoScalingFetcher,
      {
        'autoscaling:DescribeAutoScalingGroups': (input: Record<string, unknown>) =>
          input.NextToken
            ? { AutoScalingGroups: [{ ...group, AutoScalingGroupName: 'app-asg' }] }
            : { AutoScalingGroups: [group], NextToken: 'p2' },
        'autoscaling:DescribePolicies': awsError('AccessDenied'),
      },
      [
        { physicalId: 'web-asg', type: 'AWS::AutoScaling::AutoScalingGroup' },
        { physicalId: 'app-asg', type: 'AWS::AutoScaling::AutoScalingGroup' },
      ],
    );
    expect(resources.map((resource) => resource.id)).toEqual(['web-asg', 'app-asg']);
    expect(requests.map((request) => request.command)).toEqual(['DescribeAutoScalingGroups', 'DescribeAutoScalingGroups']);
  });

  it('maps scheduled actions with sizes, recurrence or start time and time zone, referencing their group', async () => {
    const { byId, requests } = await runFetcher(
      autoScalingFetcher,
      {
        'autoscaling:DescribeAutoScalingGroups': { AutoScalingGroups: [group] },
        'autoscaling:DescribeScheduledActions': {
          ScheduledUpdateGroupActions: [
            {
              AutoScalingGroupName: 'web-asg',
              ScheduledActionName: 'web-event-start',
              ScheduledActionARN:
                'arn:aws:autoscaling:ap-northeast-2:123456789012:scheduledUpdateGroupAction:uuid:autoScalingGroupName/web-asg:scheduledActionName/web-event-start',
              Recurrence: '0 23 10 11 *',
              StartTime: new Date('2031-11-10T14:00:00.000Z'),
              TimeZone: 'Asia/Seoul',
              MinSize: 4,
              MaxSize: 8,
            },
            {
              AutoScalingGroupName: 'web-asg',
              ScheduledActionName: 'web-once',
              StartTime: new Date('2031-11-10T14:00:00.000Z'),
              DesiredCapacity: 6,
            },
          ],
        },
      },
      [
        { physicalId: 'web-asg', type: 'AWS::AutoScaling::AutoScalingGroup' },
        { logicalId: 'WebEventStart', physicalId: 'web-event-start', type: 'AWS::AutoScaling::ScheduledAction' },
        { physicalId: 'web-once', type: 'AWS::AutoScaling::ScheduledAction' },
      ],
    );
    expect(byId('web-event-start')).toMatchObject({
      type: 'AWS::AutoScaling::ScheduledAction',
      properties: { AutoScalingGroupName: { $ref: 'web-asg' }, Recurrence: '0 23 10 11 *', TimeZone: 'Asia/Seoul', MinSize: 4, MaxSize: 8 },
      live: { logicalId: 'WebEventStart', nextRun: '2031-11-10T14:00:00Z' },
    });
    expect(byId('web-event-start').properties.StartTime).toBeUndefined();
    expect(byId('web-once').properties).toEqual({
      AutoScalingGroupName: { $ref: 'web-asg' },
      StartTime: '2031-11-10T14:00:00Z',
      DesiredCapacity: 6,
    });
    expect(requests.find((request) => request.command === 'DescribeScheduledActions')?.input).toEqual({ AutoScalingGroupName: 'web-asg' });
  });
});
