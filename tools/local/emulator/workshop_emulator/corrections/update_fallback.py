"""An update of a resource whose moto model has no update keeps the resource.

moto lacks: ``parse_and_update_resource`` (moto/cloudformation/parsing.py) returns None when the
resource's model has no ``update_from_cloudformation_json`` (EC2 VPC, subnet, route, NAT gateway,
load balancer, target group, DB instance, log group...), and ``ResourceMap.update`` stores that None
as the resource: every later ``Ref`` to it resolves to nothing and the stack lists no physical id.
This correction keeps the existing resource instead (its new properties are not applied; the
corrections of specific types apply the properties the labs change).
"""

from typing import Any

from moto.cloudformation import parsing

_moto_parse_and_update_resource = parsing.parse_and_update_resource


def parse_and_update_resource(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
    """moto's update, or the unchanged resource when its model cannot update."""
    updated = _moto_parse_and_update_resource(logical_id, resource_json, resources_map, account_id, region_name)
    if updated is not None:
        return updated
    original = resources_map._parsed_resources.get(logical_id)
    if original is None:
        # Never created (a type moto skips): create it now, as CloudFormation would have.
        return parsing.parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name)
    return original


def apply() -> None:
    """Replaces moto's parse_and_update_resource, which ResourceMap.update calls by its module name."""
    parsing.parse_and_update_resource = parse_and_update_resource
