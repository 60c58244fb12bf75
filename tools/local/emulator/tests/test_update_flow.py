"""Updates: a resource whose moto model cannot update keeps existing, and updates follow dependencies."""

from conftest import VPC, client, template


def test_unupdatable_resource_keeps_its_physical_id(stacks):
    before = stacks.create(template({**VPC, "Gateway": {"Type": "AWS::EC2::InternetGateway", "Properties": {"Tags": [{"Key": "a", "Value": "1"}]}}}))
    after = stacks.update(template({**VPC, "Gateway": {"Type": "AWS::EC2::InternetGateway", "Properties": {"Tags": [{"Key": "a", "Value": "2"}]}}}))
    assert after["Gateway"] == before["Gateway"]
    assert client("ec2").describe_internet_gateways(InternetGatewayIds=[after["Gateway"]])["InternetGateways"]


def test_added_rule_names_the_group_as_updated(stacks):
    group = {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "app", "VpcId": {"Ref": "Vpc"}, "GroupName": "app-v1"}}
    stacks.create(template({**VPC, "App": group}))
    replaced = {**group, "Properties": {**group["Properties"], "GroupName": "app-v2"}}
    rule = {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": {"Fn::GetAtt": ["App", "GroupId"]}, "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "10.0.0.0/16"}}
    ids = stacks.update(template({**VPC, "Rule": rule, "App": replaced}))
    found = client("ec2").describe_security_groups(GroupIds=[ids["App"]])["SecurityGroups"][0]
    assert found["GroupName"] == "app-v2"
    assert [permission["FromPort"] for permission in found["IpPermissions"]] == [80]
