"""AWS::AutoScaling::ScalingPolicy.

moto lacks: a CloudFormation model for scaling policies (its Auto Scaling backend implements
PutScalingPolicy), so a stack's policies are skipped and an alarm that names one as its action
cannot resolve it. This model puts and deletes the policy through the backend; its physical id
(``Ref``) and ``Arn`` are the policy ARN, as in CloudFormation.
"""

from typing import Any

from moto.autoscaling.models import autoscaling_backends

from ._glue import Glue, as_int, register


def _step_adjustments(properties: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {key: (float(value) if key.startswith("MetricInterval") else int(value)) for key, value in step.items()}
        for step in properties.get("StepAdjustments", [])
    ]


@register
class ScalingPolicy(Glue):
    """A scaling policy of an Auto Scaling group."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AutoScaling::ScalingPolicy"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "ScalingPolicy":
        backend = autoscaling_backends[account_id][region_name]
        policy = backend.put_scaling_policy(
            name=name,
            policy_type=properties.get("PolicyType", "SimpleScaling"),
            metric_aggregation_type=properties.get("MetricAggregationType"),
            adjustment_type=properties.get("AdjustmentType"),
            as_name=properties["AutoScalingGroupName"],
            min_adjustment_magnitude=properties.get("MinAdjustmentMagnitude"),
            scaling_adjustment=as_int(properties.get("ScalingAdjustment")),
            cooldown=as_int(properties.get("Cooldown")),
            target_tracking_config=properties.get("TargetTrackingConfiguration"),
            step_adjustments=_step_adjustments(properties),
            estimated_instance_warmup=properties.get("EstimatedInstanceWarmup"),
            predictive_scaling_configuration=properties.get("PredictiveScalingConfiguration"),
        )
        resource = cls(policy.arn, account_id, region_name, {"Arn": policy.arn, "PolicyName": name})
        resource.name = name
        return resource

    def remove(self) -> None:
        autoscaling_backends[self.account_id][self.region_name].delete_policy(self.name)
