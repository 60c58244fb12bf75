"""A VPC stack's route tables, gateways, Elastic IPs and endpoints go with it, and so does the VPC."""

from conftest import client, template

NETWORK = template(
    {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Public": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"}},
        "Private": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1a"}},
        "Gateway": {"Type": "AWS::EC2::InternetGateway"},
        "Attachment": {"Type": "AWS::EC2::VPCGatewayAttachment", "Properties": {"VpcId": {"Ref": "Vpc"}, "InternetGatewayId": {"Ref": "Gateway"}}},
        "PublicRoutes": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "PublicAssociation": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "Public"}, "RouteTableId": {"Ref": "PublicRoutes"}}},
        "PublicDefault": {
            "Type": "AWS::EC2::Route",
            "DependsOn": "Attachment",
            "Properties": {"RouteTableId": {"Ref": "PublicRoutes"}, "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": {"Ref": "Gateway"}},
        },
        "NatAddress": {"Type": "AWS::EC2::EIP", "Properties": {"Domain": "vpc"}},
        "Nat": {
            "Type": "AWS::EC2::NatGateway",
            "DependsOn": "PublicDefault",
            "Properties": {"SubnetId": {"Ref": "Public"}, "AllocationId": {"Fn::GetAtt": ["NatAddress", "AllocationId"]}},
        },
        "PrivateRoutes": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "PrivateAssociation": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "Private"}, "RouteTableId": {"Ref": "PrivateRoutes"}}},
        "PrivateDefault": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "PrivateRoutes"}, "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": {"Ref": "Nat"}}},
        "S3Endpoint": {
            "Type": "AWS::EC2::VPCEndpoint",
            "Properties": {"VpcId": {"Ref": "Vpc"}, "ServiceName": "com.amazonaws.us-east-1.s3", "VpcEndpointType": "Gateway", "RouteTableIds": [{"Ref": "PrivateRoutes"}]},
        },
    }
)


def test_the_network_and_its_vpc_are_deleted_with_the_stack(stacks):
    ec2 = client("ec2")
    ids = stacks.create(NETWORK)
    vpc = [{"Name": "vpc-id", "Values": [ids["Vpc"]]}]
    assert len(ec2.describe_route_tables(Filters=vpc)["RouteTables"]) == 3
    nat = ec2.describe_nat_gateways(NatGatewayIds=[ids["Nat"]])["NatGateways"][0]
    assert nat["State"] == "available"
    nat_interface = nat["NatGatewayAddresses"][0]["NetworkInterfaceId"]

    stacks.delete()

    assert stacks.cfn.list_stacks(StackStatusFilter=["DELETE_FAILED"])["StackSummaries"] == []
    assert ids["Vpc"] not in [item["VpcId"] for item in ec2.describe_vpcs()["Vpcs"]]
    assert ec2.describe_route_tables(Filters=vpc)["RouteTables"] == []
    assert ec2.describe_internet_gateways(Filters=[{"Name": "internet-gateway-id", "Values": [ids["Gateway"]]}])["InternetGateways"] == []
    assert ec2.describe_nat_gateways(NatGatewayIds=[ids["Nat"]])["NatGateways"][0]["State"] == "deleted"
    assert nat_interface not in [item["NetworkInterfaceId"] for item in ec2.describe_network_interfaces()["NetworkInterfaces"]]
    assert ec2.describe_addresses()["Addresses"] == []
    assert ec2.describe_vpc_endpoints(VpcEndpointIds=[ids["S3Endpoint"]])["VpcEndpoints"][0]["State"] == "deleted"
