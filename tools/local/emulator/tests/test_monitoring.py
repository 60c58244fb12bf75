"""Scaling policies and the CloudWatch alarms that name them."""

from conftest import VPC, client, template


def resources(threshold=70):
    return {
        **VPC,
        "Template": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"ImageId": "ami-12c6146b", "InstanceType": "t3.micro"}}},
        "Group": {
            "Type": "AWS::AutoScaling::AutoScalingGroup",
            "Properties": {
                "MinSize": "1",
                "MaxSize": "2",
                "VPCZoneIdentifier": [{"Ref": "Subnet"}],
                "LaunchTemplate": {"LaunchTemplateId": {"Ref": "Template"}, "Version": {"Fn::GetAtt": ["Template", "LatestVersionNumber"]}},
            },
        },
        "ScaleOut": {
            "Type": "AWS::AutoScaling::ScalingPolicy",
            "Properties": {
                "AutoScalingGroupName": {"Ref": "Group"},
                "PolicyType": "StepScaling",
                "AdjustmentType": "ChangeInCapacity",
                "MetricAggregationType": "Average",
                "StepAdjustments": [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 1}],
            },
        },
        "Cpu": {
            "Type": "AWS::CloudWatch::Alarm",
            "Properties": {
                "Namespace": "AWS/EC2",
                "MetricName": "CPUUtilization",
                "Dimensions": [{"Name": "AutoScalingGroupName", "Value": {"Ref": "Group"}}],
                "Statistic": "Average",
                "Period": 300,
                "EvaluationPeriods": 2,
                "Threshold": threshold,
                "ComparisonOperator": "GreaterThanThreshold",
                "AlarmActions": [{"Ref": "ScaleOut"}],
            },
        },
    }


def test_policy_and_alarm(stacks):
    ids = stacks.create(template(resources()))
    policies = client("autoscaling").describe_policies(AutoScalingGroupName=ids["Group"])["ScalingPolicies"]
    assert [(policy["PolicyARN"], policy["PolicyType"]) for policy in policies] == [(ids["ScaleOut"], "StepScaling")]
    alarm = client("cloudwatch").describe_alarms(AlarmNames=[ids["Cpu"]])["MetricAlarms"][0]
    assert (alarm["AlarmActions"], alarm["Threshold"], alarm["Dimensions"]) == ([ids["ScaleOut"]], 70.0, [{"Name": "AutoScalingGroupName", "Value": ids["Group"]}])


def test_alarm_update_and_delete(stacks):
    ids = stacks.create(template(resources()))
    assert stacks.update(template(resources(threshold=80)))["Cpu"] == ids["Cpu"]
    cloudwatch = client("cloudwatch")
    assert cloudwatch.describe_alarms(AlarmNames=[ids["Cpu"]])["MetricAlarms"][0]["Threshold"] == 80.0
    stacks.delete()
    assert cloudwatch.describe_alarms(AlarmNames=[ids["Cpu"]])["MetricAlarms"] == []
    assert client("autoscaling").describe_policies()["ScalingPolicies"] == []
