"""AWS::CloudWatch::Alarm.

moto lacks: a CloudFormation model for alarms (its CloudWatch backend implements PutMetricAlarm),
so a stack's alarms are skipped. This model puts the alarm (an update puts it again under the same
name, as PutMetricAlarm does) and deletes it; Ref is the alarm name, GetAtt Arn its ARN.
"""

from typing import Any

from moto.cloudwatch.models import cloudwatch_backends

from ._glue import Glue, as_bool, as_int, register


@register
class Alarm(Glue):
    """A CloudWatch metric alarm."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudWatch::Alarm"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "AlarmName"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "Alarm":
        alarm = cls.put(name, properties, account_id, region_name)
        return cls(name, account_id, region_name, {"Arn": alarm.alarm_arn})

    @staticmethod
    def put(name: str, properties: dict[str, Any], account_id: str, region_name: str) -> Any:
        """PutMetricAlarm with the alarm's CloudFormation properties."""
        return cloudwatch_backends[account_id][region_name].put_metric_alarm(
            name=name,
            namespace=properties.get("Namespace"),
            metric_name=properties.get("MetricName"),
            comparison_operator=properties["ComparisonOperator"],
            evaluation_periods=as_int(properties["EvaluationPeriods"]),
            period=as_int(properties.get("Period")),
            threshold=float(properties["Threshold"]) if properties.get("Threshold") is not None else None,
            statistic=properties.get("Statistic"),
            description=properties.get("AlarmDescription"),
            dimensions=[{"Name": item["Name"], "Value": item["Value"]} for item in properties.get("Dimensions", [])],
            alarm_actions=properties.get("AlarmActions", []),
            datapoints_to_alarm=as_int(properties.get("DatapointsToAlarm")),
            extended_statistic=properties.get("ExtendedStatistic"),
            ok_actions=properties.get("OKActions", []),
            insufficient_data_actions=properties.get("InsufficientDataActions", []),
            unit=properties.get("Unit"),
            actions_enabled=as_bool(properties.get("ActionsEnabled"), default=True),
            treat_missing_data=properties.get("TreatMissingData"),
            evaluate_low_sample_count_percentile=properties.get("EvaluateLowSampleCountPercentile"),
            threshold_metric_id=properties.get("ThresholdMetricId"),
            tags=properties.get("Tags", []),
        )

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties.get("AlarmName", self.physical_id) != self.physical_id:
            return False
        self.put(self.physical_id, properties, self.account_id, self.region_name)
        return True

    def remove(self) -> None:
        cloudwatch_backends[self.account_id][self.region_name].delete_alarms([self.physical_id])
