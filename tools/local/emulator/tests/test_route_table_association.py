"""Subnet-route table associations show in DescribeRouteTables and go away with the stack."""

from conftest import VPC, client, template

RESOURCES = {
    **VPC,
    "Routes": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
    "Association": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"RouteTableId": {"Ref": "Routes"}, "SubnetId": {"Ref": "Subnet"}}},
}


def associations(route_table_id):
    table = client("ec2").describe_route_tables(RouteTableIds=[route_table_id])["RouteTables"][0]
    return {item["RouteTableAssociationId"]: item.get("SubnetId") for item in table["Associations"]}


def test_association_is_described(stacks):
    resources = stacks.create(template(RESOURCES))
    assert associations(resources["Routes"]) == {resources["Association"]: resources["Subnet"]}


def test_association_moves_on_update_and_goes_on_delete(stacks):
    stacks.create(template(RESOURCES))
    moved = {**RESOURCES, "Other": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}}}
    moved["Association"] = {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"RouteTableId": {"Ref": "Other"}, "SubnetId": {"Ref": "Subnet"}}}
    resources = stacks.update(template(moved))
    assert associations(resources["Routes"]) == {}
    assert list(associations(resources["Other"]).values()) == [resources["Subnet"]]
    del moved["Association"]
    resources = stacks.update(template(moved))
    assert associations(resources["Other"]) == {}
