"""Updates that change a resource whose moto model has no update: it is replaced, and what refers to it follows."""

from conftest import VPC, client, template

SECOND_SUBNET = {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b"}}


def nat_network(route_to):
    """Two NAT gateways and a route table whose default route goes to one of them (natGateways: 1, then 2)."""
    resources = {**VPC, "Gateway": {"Type": "AWS::EC2::InternetGateway", "Properties": {}}, "Table": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}}}
    for name in ("Nat1", "Nat2"):
        resources[f"{name}Ip"] = {"Type": "AWS::EC2::EIP", "Properties": {"Domain": "vpc"}}
        resources[name] = {"Type": "AWS::EC2::NatGateway", "Properties": {"SubnetId": {"Ref": "Subnet"}, "AllocationId": {"Fn::GetAtt": [f"{name}Ip", "AllocationId"]}}}
    resources["Default"] = {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "Table"}, "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": {"Ref": route_to}}}
    return resources


def default_route_targets(table_id):
    table = client("ec2").describe_route_tables(RouteTableIds=[table_id])["RouteTables"][0]
    return [route.get("NatGatewayId") for route in table["Routes"] if route.get("DestinationCidrBlock") == "0.0.0.0/0"]


def test_route_follows_its_new_nat_gateway(stacks):
    stacks.create(template(nat_network("Nat1")))
    ids = stacks.update(template(nat_network("Nat2")))
    assert default_route_targets(ids["Table"]) == [ids["Nat2"]]


def test_subnet_with_a_new_cidr_is_replaced_and_its_association_follows(stacks):
    association = {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "Subnet"}, "RouteTableId": {"Ref": "Table"}}}
    table = {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}}
    before = stacks.create(template({**VPC, "Table": table, "Association": association}))
    moved = {**VPC["Subnet"], "Properties": {**VPC["Subnet"]["Properties"], "CidrBlock": "10.0.3.0/24"}}
    after = stacks.update(template({**VPC, "Subnet": moved, "Table": table, "Association": association}))
    ec2 = client("ec2")
    assert after["Subnet"] != before["Subnet"]
    assert ec2.describe_subnets(SubnetIds=[after["Subnet"]])["Subnets"][0]["CidrBlock"] == "10.0.3.0/24"
    assert before["Subnet"] not in [subnet["SubnetId"] for subnet in ec2.describe_subnets()["Subnets"]]
    associations = ec2.describe_route_tables(RouteTableIds=[after["Table"]])["RouteTables"][0]["Associations"]
    assert [item.get("SubnetId") for item in associations] == [after["Subnet"]]


def test_load_balancer_with_a_new_scheme_is_replaced(stacks):
    def balancer(scheme):
        return {
            **VPC,
            "Subnet2": SECOND_SUBNET,
            "Balancer": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Scheme": scheme, "Subnets": [{"Ref": "Subnet"}, {"Ref": "Subnet2"}], "Type": "application"}},
        }

    stacks.create(template(balancer("internal")))
    ids = stacks.update(template(balancer("internet-facing")))
    found = client("elbv2").describe_load_balancers(LoadBalancerArns=[ids["Balancer"]])["LoadBalancers"]
    assert [item["Scheme"] for item in found] == ["internet-facing"]
    assert len(client("elbv2").describe_load_balancers()["LoadBalancers"]) == 1


def test_a_tag_change_keeps_the_resource(stacks):
    tagged = {**VPC["Vpc"], "Properties": {**VPC["Vpc"]["Properties"], "Tags": [{"Key": "tier", "Value": "new"}]}}
    before = stacks.create(template(VPC))
    after = stacks.update(template({**VPC, "Vpc": tagged}))
    assert after["Vpc"] == before["Vpc"]
