"""A subnet's MapPublicIpOnLaunch gives its instances a public IP address and DNS name (the labs' ShopUrl)."""

from conftest import client, template

SHOP_URL = {"ShopUrl": {"Value": {"Fn::Join": ["", ["http://", {"Fn::GetAtt": ["Server", "PublicDnsName"]}]]}}}


def resources(public=True):
    subnet = {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"}
    if public:
        subnet["MapPublicIpOnLaunch"] = True
    return {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": subnet},
        "Server": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": "ami-12c6146b", "InstanceType": "t3.micro", "SubnetId": {"Ref": "Subnet"}}},
    }


def subnet(subnet_id):
    return client("ec2").describe_subnets(SubnetIds=[subnet_id])["Subnets"][0]


def instance(instance_id):
    return client("ec2").describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]


def test_instance_in_a_public_subnet_has_a_public_address_and_dns_name(stacks):
    ids = stacks.create(template(resources(), outputs=SHOP_URL))
    assert subnet(ids["Subnet"])["MapPublicIpOnLaunch"] is True
    server = instance(ids["Server"])
    assert server["SubnetId"] == ids["Subnet"]
    assert server["PublicIpAddress"]
    assert server["PublicDnsName"] == f"ec2-{server['PublicIpAddress'].replace('.', '-')}.compute-1.amazonaws.com"
    assert stacks.outputs()["ShopUrl"] == f"http://{server['PublicDnsName']}"


def test_subnet_without_the_property_gives_no_public_address(stacks):
    ids = stacks.create(template(resources(public=False)))
    assert subnet(ids["Subnet"])["MapPublicIpOnLaunch"] is False
    server = instance(ids["Server"])
    assert "PublicIpAddress" not in server
    assert not server.get("PublicDnsName")


def test_turning_the_property_off_takes_the_address_away(stacks):
    before = stacks.create(template(resources()))
    assert instance(before["Server"])["PublicIpAddress"]
    ids = stacks.update(template(resources(public=False)))
    assert subnet(ids["Subnet"])["MapPublicIpOnLaunch"] is False
    assert "PublicIpAddress" not in instance(ids["Server"])
