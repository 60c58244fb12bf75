"""Instances wear SecurityGroupIds, take their launch template's metadata options and their NetworkInterfaces, and update in place."""

from conftest import VPC, client, template


def resources(group="Web", tokens="required"):
    return {
        **VPC,
        "Web": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web", "VpcId": {"Ref": "Vpc"}}},
        "Admin": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "admin", "VpcId": {"Ref": "Vpc"}}},
        "Template": {
            "Type": "AWS::EC2::LaunchTemplate",
            "Properties": {"LaunchTemplateName": "imds", "LaunchTemplateData": {"MetadataOptions": {"HttpTokens": tokens}}},
        },
        "Server": {
            "Type": "AWS::EC2::Instance",
            "Properties": {
                "ImageId": "ami-12c6146b",
                "InstanceType": "t3.micro",
                "SubnetId": {"Ref": "Subnet"},
                "SecurityGroupIds": [{"Fn::GetAtt": [group, "GroupId"]}],
                "LaunchTemplate": {"LaunchTemplateName": "imds", "Version": {"Fn::GetAtt": ["Template", "LatestVersionNumber"]}},
            },
        },
    }


def instance(instance_id):
    return client("ec2").describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]


def test_security_group_ids_and_metadata_options(stacks):
    ids = stacks.create(template(resources()))
    server = instance(ids["Server"])
    assert [item["GroupId"] for item in server["SecurityGroups"]] == [ids["Web"]]
    assert server["MetadataOptions"]["HttpTokens"] == "required"
    tags = {tag["Key"]: tag["Value"] for tag in server["Tags"]}
    assert tags["aws:ec2launchtemplate:id"] == ids["Template"]


def test_update_keeps_the_instance_and_changes_its_groups(stacks):
    before = stacks.create(template(resources()))
    after = stacks.update(template(resources(group="Admin")))
    assert after["Server"] == before["Server"]
    assert [item["GroupId"] for item in instance(after["Server"])["SecurityGroups"]] == [after["Admin"]]


def test_delete_terminates(stacks):
    ids = stacks.create(template(resources()))
    stacks.delete()
    assert instance(ids["Server"])["State"]["Name"] == "terminated"


def interface_resources(associate, tag="a"):
    return {
        **VPC,
        "Public": {
            "Type": "AWS::EC2::Subnet",
            "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1a", "MapPublicIpOnLaunch": True},
        },
        "Web": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web", "VpcId": {"Ref": "Vpc"}}},
        "Server": {
            "Type": "AWS::EC2::Instance",
            "Properties": {
                "ImageId": "ami-12c6146b",
                "Tags": [{"Key": "Name", "Value": tag}],
                "NetworkInterfaces": [
                    {
                        "DeviceIndex": "0",
                        "AssociatePublicIpAddress": associate,
                        "SubnetId": {"Ref": "Subnet" if associate else "Public"},
                        "GroupSet": [{"Fn::GetAtt": ["Web", "GroupId"]}],
                    }
                ],
            },
        },
    }


def test_network_interface_public_address_overrides_the_subnet(stacks):
    ids = stacks.create(template(interface_resources(True)))
    server = instance(ids["Server"])
    # the interface asks for a public address in a subnet that gives none
    assert (server["VpcId"], server["SubnetId"]) == (ids["Vpc"], ids["Subnet"])
    assert server["PublicIpAddress"] and server["PublicDnsName"]
    assert [item["GroupId"] for item in server["SecurityGroups"]] == [ids["Web"]]
    assert [[item["GroupId"] for item in nic["Groups"]] for nic in server["NetworkInterfaces"]] == [[ids["Web"]]]


def test_network_interface_without_public_address_in_a_public_subnet(stacks):
    ids = stacks.create(template(interface_resources(False)))
    server = instance(ids["Server"])
    assert server["SubnetId"] == ids["Public"]
    assert "PublicIpAddress" not in server


def test_network_interface_instance_keeps_its_groups_on_update(stacks):
    before = stacks.create(template(interface_resources(True)))
    after = stacks.update(template(interface_resources(True, tag="b")))
    assert after["Server"] == before["Server"]
    assert [item["GroupId"] for item in instance(after["Server"])["SecurityGroups"]] == [after["Web"]]
