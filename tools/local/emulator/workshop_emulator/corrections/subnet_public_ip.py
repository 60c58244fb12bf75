"""AWS::EC2::Subnet with MapPublicIpOnLaunch.

moto lacks: its model (moto/ec2/models/subnets.py ``Subnet.create_from_cloudformation_json``) ignores
``MapPublicIpOnLaunch`` and keeps what ``create_subnet`` guessed (true only for the first subnet of an
Availability Zone, which in moto's server is the default VPC's), so an instance in a public subnet of
the stack gets no public IP address and its ``PublicDnsName`` (the labs' ``ShopUrl`` output) is None.
This correction sets the subnet's attribute from the template, false when absent as in
CloudFormation. A change of it replaces the subnet (``update_fallback``) where CloudFormation
updates it in place. The instance's side (the subnet decides unless its network interface says
otherwise) is in ``ec2_instance``.
"""

from typing import Any

from moto.ec2.models.subnets import Subnet

from ._glue import as_bool

_moto_create = Subnet.create_from_cloudformation_json


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> Subnet:
    subnet = _moto_create(resource_name, cloudformation_json, account_id, region_name, **kwargs)
    subnet.map_public_ip_on_launch = as_bool(cloudformation_json["Properties"].get("MapPublicIpOnLaunch"))
    return subnet


def apply() -> None:
    """Replaces moto's Subnet create with one that applies MapPublicIpOnLaunch."""
    Subnet.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
