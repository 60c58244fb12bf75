import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/** Props of {@link AuditAndDetection}. */
export interface AuditAndDetectionProps {
  /** The VPC whose traffic is recorded. */
  readonly vpc: ec2.IVpc;
  /**
   * Turn on GuardDuty. An account has one detector per Region: set false if yours already has one.
   * @default true
   */
  readonly guardDuty?: boolean;
}

/**
 * Who did what, and what crossed the network: a CloudTrail trail of every API call in every
 * Region, VPC flow logs, and GuardDuty reading both to flag threats.
 */
export class AuditAndDetection extends Construct {
  constructor(scope: Construct, id: string, props: AuditAndDetectionProps) {
    super(scope, id);

    const trailBucket = new s3.Bucket(this, 'TrailBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      // Audit logs outlive the stack: an investigation may need them after the lab is gone.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeNag(
      trailBucket,
      'AwsSolutions-S1',
      'This bucket receives CloudTrail logs; logging its own access would only add a log of the log.',
    );

    // CloudTrail records every API call (who, when, from where), such as an Auto Scaling group
    // launching an instance; CloudWatch watches metrics and raises alarms. The review needs both.
    new cloudtrail.Trail(this, 'Trail', {
      bucket: trailBucket,
      // Every Region: an attacker who starts servers in another Region is recorded too.
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      // A signed digest file every hour proves the log files were not edited or deleted.
      enableFileValidation: true,
    });

    // Flow logs: one line per accepted or rejected connection in the VPC, kept for a month.
    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    props.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    if (props.guardDuty ?? true) {
      // GuardDuty reads CloudTrail, flow logs and DNS logs itself (no agent) and reports threats
      // such as crypto-mining or credential theft. Free for 30 days, then priced by volume.
      new guardduty.CfnDetector(this, 'GuardDuty', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
    }
  }
}

/** Props of {@link CpuAlarmScaling}. */
export interface CpuAlarmScalingProps {
  /** The Auto Scaling group to scale. */
  readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  /**
   * Average CPU (percent) above which a server is added.
   * @default 70
   */
  readonly scaleOutAt?: number;
  /**
   * Average CPU (percent) below which a server is removed.
   * @default 30
   */
  readonly scaleInAt?: number;
}

/**
 * CloudWatch alarms on the group's average CPU that drive step scaling: above `scaleOutAt` the
 * group adds servers, below `scaleInAt` it removes one (never below its minimum).
 */
export class CpuAlarmScaling extends Construct {
  constructor(scope: Construct, id: string, props: CpuAlarmScalingProps) {
    const scaleOutAt = props.scaleOutAt ?? 70;
    const scaleInAt = props.scaleInAt ?? 30;
    if (!(scaleInAt > 0 && scaleInAt < scaleOutAt && scaleOutAt < 100)) {
      throw new Error(`CpuAlarmScaling: thresholds ${scaleInAt}/${scaleOutAt} must satisfy 0 < scaleInAt < scaleOutAt < 100.`);
    }
    super(scope, id);

    const cpu = new cloudwatch.Metric({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensionsMap: { AutoScalingGroupName: props.autoScalingGroup.autoScalingGroupName },
      statistic: cloudwatch.Stats.AVERAGE,
      // Without detailed monitoring EC2 publishes CPUUtilization every 5 minutes, so a shorter
      // period would see gaps; 1-minute periods need detailedMonitoring: true on the launch template.
      period: Duration.minutes(5),
    });
    // scaleOnMetric creates two CloudWatch alarms (high and low) whose actions are the step
    // scaling policies: the alarm fires, the policy changes the desired capacity, the group
    // launches servers from the launch template.
    props.autoScalingGroup.scaleOnMetric('CpuSteps', {
      metric: cpu,
      scalingSteps: [
        { upper: scaleInAt, change: -1 },
        { lower: scaleOutAt, change: +1 },
        { lower: Math.min(scaleOutAt + 20, 95), change: +2 },
      ],
      adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      // Two 5-minute periods in a row: a short spike does not start servers.
      evaluationPeriods: 2,
    });
  }
}
