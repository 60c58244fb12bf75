"""Instances wear SecurityGroupIds, take their launch template's metadata options, and update in place."""

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
