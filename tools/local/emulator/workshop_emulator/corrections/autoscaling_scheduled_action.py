"""AWS::AutoScaling::ScheduledAction: its name, physical id, update and delete.

moto lacks: its model (moto/autoscaling/models.py ``FakeScheduledAction``) names the action after
the logical id (two stacks' actions of the same logical id overwrite each other, as moto keys the
actions by name alone), has no physical id (Ref is empty), no update and no delete, so an action
outlives its stack and an update is applied only as a side effect of a replacement. This
correction names the action as CloudFormation does (stack, logical id, random suffix), makes that
name the physical id, updates the action in place (a new group replaces it) and deletes it with
the stack.
"""

from typing import Any

from moto.autoscaling.models import FakeScheduledAction, autoscaling_backends


def _put(name: str, properties: dict[str, Any], account_id: str, region_name: str) -> FakeScheduledAction:
    return autoscaling_backends[account_id][region_name].put_scheduled_update_group_action(
        name=properties["AutoScalingGroupName"],
        desired_capacity=properties.get("DesiredCapacity"),
        max_size=properties.get("MaxSize"),
        min_size=properties.get("MinSize"),
        scheduled_action_name=name,
        start_time=properties.get("StartTime"),
        end_time=properties.get("EndTime"),
        recurrence=properties.get("Recurrence"),
        timezone=properties.get("TimeZone"),
    )


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> FakeScheduledAction:
    return _put(resource_name, cloudformation_json["Properties"], account_id, region_name)


def update_from_cloudformation_json(
    cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
) -> FakeScheduledAction:
    properties = cloudformation_json["Properties"]
    if properties["AutoScalingGroupName"] == original_resource.auto_scaling_group_name:
        return _put(original_resource.scheduled_action_name, properties, account_id, region_name)
    original_resource.delete(account_id, region_name)
    return _put(new_resource_name, properties, account_id, region_name)


def delete(self: FakeScheduledAction, account_id: str, region_name: str) -> None:
    backend = autoscaling_backends[account_id][region_name]
    if self.scheduled_action_name in backend.scheduled_actions:
        backend.delete_scheduled_action(self.auto_scaling_group_name, self.scheduled_action_name)


def apply() -> None:
    """Gives moto's FakeScheduledAction a generated name, a physical id, an update and a delete."""
    FakeScheduledAction.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    FakeScheduledAction.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    FakeScheduledAction.physical_resource_id = property(lambda self: self.scheduled_action_name)  # type: ignore[attr-defined]
    FakeScheduledAction.delete = delete  # type: ignore[attr-defined]
