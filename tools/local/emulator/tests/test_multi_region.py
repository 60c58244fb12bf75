"""Two stacks of the same name in two Regions of one account: each Region creates and describes its own."""

from conftest import client, template

REGIONS = ("us-east-1", "ap-northeast-1")


def regional(region):
    return template(
        {
            "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
            "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": f"{region}a"}},
            "Web": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": f"web in {region}", "VpcId": {"Ref": "Vpc"}}},
            "Setting": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/shop/region", "Type": "String", "Value": region}},
        },
        {"Region": {"Value": {"Ref": "AWS::Region"}}, "Subnet": {"Value": {"Ref": "Subnet"}}},
    )


def test_each_region_holds_and_describes_its_own_stack(stacks):
    deployers = {region: stacks.in_region(region) for region in REGIONS}
    ids = {region: deployer.create(regional(region), name="Shop") for region, deployer in deployers.items()}
    for region, deployer in deployers.items():
        other = next(name for name in REGIONS if name != region)
        assert deployer.outputs("Shop") == {"Region": region, "Subnet": ids[region]["Subnet"]}
        stack = deployer.cfn.describe_stacks(StackName="Shop")["Stacks"][0]
        assert stack["StackId"].startswith(f"arn:aws:cloudformation:{region}:")
        ec2 = client("ec2", region)
        subnet = ec2.describe_subnets(SubnetIds=[ids[region]["Subnet"]])["Subnets"][0]
        assert (subnet["AvailabilityZone"], subnet["VpcId"]) == (f"{region}a", ids[region]["Vpc"])
        assert ids[other]["Subnet"] not in {item["SubnetId"] for item in ec2.describe_subnets()["Subnets"]}
        groups = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [ids[region]["Vpc"]]}])["SecurityGroups"]
        assert f"web in {region}" in {group["Description"] for group in groups}
        assert client("ssm", region).get_parameter(Name="/shop/region")["Parameter"]["Value"] == region
    deployers["ap-northeast-1"].delete("Shop")
    assert client("ssm", "us-east-1").get_parameter(Name="/shop/region")["Parameter"]["Value"] == "us-east-1"
    assert [stack["StackName"] for stack in deployers["us-east-1"].cfn.list_stacks(StackStatusFilter=["CREATE_COMPLETE"])["StackSummaries"]] == ["Shop"]
