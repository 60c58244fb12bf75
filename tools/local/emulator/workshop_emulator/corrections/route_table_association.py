"""AWS::EC2::SubnetRouteTableAssociation that DescribeRouteTables shows.

moto lacks: its CloudFormation model (``SubnetRouteTableAssociation`` in moto/ec2/models/subnets.py)
stores the association in ``SubnetBackend.subnet_associations``, a side table the EC2 API never
reads, so every route table describes no subnet associations. This model associates through
``RouteBackend.associate_route_table``, as the AssociateRouteTable API does.
"""

from typing import Any

from moto.ec2.models import ec2_backends

from ._glue import Glue, register


@register
class SubnetRouteTableAssociation(Glue):
    """A subnet associated with a route table; the physical id is the association id (rtbassoc-...)."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::SubnetRouteTableAssociation"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "SubnetRouteTableAssociation":
        backend = ec2_backends[account_id][region_name]
        association_id = backend.associate_route_table(properties["RouteTableId"], subnet_id=properties["SubnetId"])
        return cls(association_id, account_id, region_name, {"Id": association_id})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties.get("SubnetId") != self.properties.get("SubnetId"):
            return False
        backend = ec2_backends[self.account_id][self.region_name]
        self.physical_id = backend.replace_route_table_association(self.physical_id, properties["RouteTableId"])
        return True

    def remove(self) -> None:
        ec2_backends[self.account_id][self.region_name].disassociate_route_table(self.physical_id)

