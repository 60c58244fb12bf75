"""An update of a resource whose moto model has no update replaces it, as CloudFormation would.

moto lacks: ``parse_and_update_resource`` (moto/cloudformation/parsing.py) returns None when the
resource's model has no ``update_from_cloudformation_json`` (EC2 VPC, subnet, route, NAT gateway,
load balancer, target group, DB subnet group, log group...), and ``ResourceMap.update`` stores that
None as the resource: every later ``Ref`` to it resolves to nothing and the stack lists no physical
id. This correction keeps the resource when only its tags changed, and otherwise creates the
resource anew from the new properties (deleting the old one first only when the new one clashes
with it, as a route of the same destination does). The old resource is deleted after the update,
as CloudFormation's cleanup does, and the resources that refer to it are updated to the new one
(``update_order``). A learner who changes a subnet's CIDR, a route's NAT gateway or a load
balancer's scheme and deploys again then sees the change live, not the old value.
"""

import warnings
from typing import Any

from moto.cloudformation import parsing

_moto_parse_and_create_resource = parsing.parse_and_create_resource
_moto_parse_and_update_resource = parsing.parse_and_update_resource

#: The attribute that holds the resolved properties a resource was created or last updated with.
PROPERTIES = "workshop_cfn_properties"


def resolved_properties(logical_id: str, resource_json: dict[str, Any], resources_map: Any) -> dict[str, Any] | None:
    """The resource's properties with Ref, GetAtt and Sub resolved, without Tags; None for a type moto skips."""
    parsed = parsing.parse_resource_and_generate_name(logical_id, resource_json, resources_map)
    if not parsed:
        return None
    return {key: value for key, value in parsed[1].get("Properties", {}).items() if key != "Tags"}


def remember(resource: Any, properties: dict[str, Any] | None) -> None:
    """Records the properties a resource was made with (some moto models refuse new attributes)."""
    try:
        setattr(resource, PROPERTIES, properties)
    except AttributeError:
        pass


def parse_and_create_resource(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
    """moto's create, remembering the resolved properties for a later update."""
    resource = _moto_parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name)
    if resource is not None:
        remember(resource, resolved_properties(logical_id, resource_json, resources_map))
    return resource


def parse_and_update_resource(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
    """moto's update; for a model without one, the unchanged resource or a replacement."""
    updated = _moto_parse_and_update_resource(logical_id, resource_json, resources_map, account_id, region_name)
    if updated is not None:
        remember(updated, resolved_properties(logical_id, resource_json, resources_map))
        return updated
    original = resources_map._parsed_resources.get(logical_id)
    if original is None:
        # Never created (a type moto skips): create it now, as CloudFormation would have.
        return parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name)
    new_properties = resolved_properties(logical_id, resource_json, resources_map)
    if new_properties is None or new_properties == getattr(original, PROPERTIES, new_properties):
        return original
    try:
        replacement = parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name)
    except Exception:
        # The new resource clashes with the old one (a route to the same destination): delete the old one first.
        resources_map._delete_resource(original, resources_map._resource_json_map[logical_id])
        return parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name)
    replaced = getattr(resources_map, "workshop_replaced", [])
    replaced.append((original, resource_json))
    resources_map.workshop_replaced = replaced
    return replacement


def clean_up(resources_map: Any) -> None:
    """Deletes the resources replaced during an update, newest first; one that cannot go is left with a warning."""
    for original, resource_json in reversed(getattr(resources_map, "workshop_replaced", [])):
        try:
            resources_map._delete_resource(original, resource_json)
        except Exception as error:  # CloudFormation reports a cleanup failure and keeps the update
            warnings.warn(f"could not delete a replaced {resource_json.get('Type')}: {error}", stacklevel=2)
    resources_map.workshop_replaced = []


def apply() -> None:
    """Replaces moto's parse_and_create_resource and parse_and_update_resource, which ResourceMap calls by module name."""
    parsing.parse_and_create_resource = parse_and_create_resource
    parsing.parse_and_update_resource = parse_and_update_resource
