"""AWS::EC2::Route that can be updated and deleted.

moto lacks: its Route model (moto/ec2/models/route_tables.py) has neither an update nor a delete. A
stack update that sends a route to another target (a private subnet's default route moved from the
first NAT gateway to the one in its own AZ, or from the internet gateway to a NAT gateway) kept the
old target, and deleting the stack left the route. CloudFormation changes a route's target in place
and replaces the route only when its route table or destination changes; this correction does the
same through the backend's ReplaceRoute, CreateRoute and DeleteRoute.
"""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.ec2.models.route_tables import Route

#: Properties whose change makes CloudFormation replace a route.
REPLACING = ("RouteTableId", "DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId")


def _targets(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "gateway_id": properties.get("GatewayId"),
        "instance_id": properties.get("InstanceId"),
        "nat_gateway_id": properties.get("NatGatewayId"),
        "egress_only_igw_id": properties.get("EgressOnlyInternetGatewayId"),
        "transit_gateway_id": properties.get("TransitGatewayId"),
        "interface_id": properties.get("NetworkInterfaceId"),
        "vpc_peering_connection_id": properties.get("VpcPeeringConnectionId"),
    }


def _destination(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "destination_cidr_block": properties.get("DestinationCidrBlock"),
        "destination_ipv6_cidr_block": properties.get("DestinationIpv6CidrBlock"),
        "destination_prefix_list_id": properties.get("DestinationPrefixListId"),
    }


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> Route:
    properties = cloudformation_json["Properties"]
    route = ec2_backends[account_id][region_name].create_route(properties["RouteTableId"], **_destination(properties), **_targets(properties))
    route.workshop_properties = properties
    return route


def update_from_cloudformation_json(
    cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
) -> Route:
    properties = cloudformation_json["Properties"]
    previous = getattr(original_resource, "workshop_properties", {})
    if any(properties.get(key) != previous.get(key) for key in REPLACING):
        original_resource.delete(account_id, region_name)
        return create_from_cloudformation_json(cls, new_resource_name, cloudformation_json, account_id, region_name)
    route = ec2_backends[account_id][region_name].replace_route(properties["RouteTableId"], **_destination(properties), **_targets(properties))
    route.workshop_properties = properties
    return route


def delete(self: Route, account_id: str, region_name: str) -> None:
    """DeleteRoute of this route, when its table still has it."""
    properties = getattr(self, "workshop_properties", None)
    backend = ec2_backends[account_id][region_name]
    if properties is None or properties["RouteTableId"] not in backend.route_tables:
        return
    if self.id in backend.route_tables[properties["RouteTableId"]]._routes:
        backend.delete_route(properties["RouteTableId"], **_destination(properties))


def apply() -> None:
    """Gives moto's Route an update and a delete (its create remembers the properties they need)."""
    Route.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    Route.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    Route.delete = delete  # type: ignore[attr-defined]
