import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { Construct } from 'constructs';

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

    // TODO(security-review) step 4: a private, encrypted, versioned bucket (acknowledge its
    // AwsSolutions-S1 finding with acknowledgeNag and a reason) and a cloudtrail.Trail into it that
    // records every Region with log file validation; then VPC flow logs of ALL traffic from
    // props.vpc to a CloudWatch Logs group kept one month.

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

    // TODO(security-review) step 5: a CloudWatch metric of the group's average CPUUtilization over
    // 5 minutes (namespace AWS/EC2, dimension AutoScalingGroupName) and
    // props.autoScalingGroup.scaleOnMetric with steps: remove a server below scaleInAt, add one
    // above scaleOutAt, add two above scaleOutAt + 20.
  }
}
