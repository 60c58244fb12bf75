"""Lab 7's configuration and schedule: SSM parameters under a path, and scheduled actions of an Auto Scaling group."""

from conftest import VPC, client, template

GROUP = {
    **VPC,
    "Template": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"ImageId": "ami-12c6146b", "InstanceType": "t3.micro"}}},
    "Web": {
        "Type": "AWS::AutoScaling::AutoScalingGroup",
        "Properties": {
            "MinSize": "2",
            "MaxSize": "4",
            "VPCZoneIdentifier": [{"Ref": "Subnet"}],
            "LaunchTemplate": {"LaunchTemplateId": {"Ref": "Template"}, "Version": {"Fn::GetAtt": ["Template", "LatestVersionNumber"]}},
        },
    },
}


def schedule(recurrence="0 8 * * *", minimum=4):
    return {
        "ScaleOut": {
            "Type": "AWS::AutoScaling::ScheduledAction",
            "Properties": {
                "AutoScalingGroupName": {"Ref": "Web"},
                "MinSize": minimum,
                "MaxSize": 8,
                "DesiredCapacity": minimum,
                "Recurrence": recurrence,
                "TimeZone": "Asia/Seoul",
                "StartTime": "2027-01-01T00:00:00Z",
            },
        },
        "ScaleIn": {"Type": "AWS::AutoScaling::ScheduledAction", "Properties": {"AutoScalingGroupName": {"Ref": "Web"}, "MinSize": 2, "Recurrence": "0 23 * * *", "TimeZone": "Asia/Seoul"}},
    }


def actions():
    found = client("autoscaling").describe_scheduled_actions()["ScheduledUpdateGroupActions"]
    return {action["ScheduledActionName"]: action for action in found}


def test_scheduled_actions_update_in_place_and_go_with_the_stack(stacks):
    ids = stacks.create(template({**GROUP, **schedule()}))
    found = actions()
    assert sorted(found) == sorted([ids["ScaleOut"], ids["ScaleIn"]])
    assert ids["ScaleOut"].startswith("Test-ScaleOut-")
    out = found[ids["ScaleOut"]]
    assert (out["AutoScalingGroupName"], out["Recurrence"], out["TimeZone"], out["MinSize"], out["DesiredCapacity"]) == (ids["Web"], "0 8 * * *", "Asia/Seoul", 4, 4)
    assert out["StartTime"].year == 2027
    assert stacks.update(template({**GROUP, **schedule("0 7 * * *", 6)}))["ScaleOut"] == ids["ScaleOut"]
    out = actions()[ids["ScaleOut"]]
    assert (out["Recurrence"], out["MinSize"]) == ("0 7 * * *", 6)
    stacks.delete()
    assert actions() == {}


def parameters(value="db.internal"):
    return {
        "Reader": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/shop/Test/DB_READER_HOST", "Type": "String", "Value": value, "Tags": {"workshop:lab": "event-ready"}}},
        "Port": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/shop/Test/DB_PORT", "Type": "String", "Value": "3306"}},
        "Unnamed": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": "x"}},
    }


OUTPUTS = {
    "Name": {"Value": {"Ref": "Reader"}},
    "Value": {"Value": {"Fn::GetAtt": ["Reader", "Value"]}},
    "Type": {"Value": {"Fn::GetAtt": ["Reader", "Type"]}},
}


def by_path():
    found = client("ssm").get_parameters_by_path(Path="/shop/Test/")["Parameters"]
    return {parameter["Name"]: parameter["Value"] for parameter in found}


def test_parameters_by_path_with_tags_attributes_update_and_delete(stacks):
    ids = stacks.create(template(parameters(), OUTPUTS))
    assert by_path() == {"/shop/Test/DB_READER_HOST": "db.internal", "/shop/Test/DB_PORT": "3306"}
    assert stacks.outputs() == {"Name": "/shop/Test/DB_READER_HOST", "Value": "db.internal", "Type": "String"}
    tags = client("ssm").list_tags_for_resource(ResourceType="Parameter", ResourceId="/shop/Test/DB_READER_HOST")["TagList"]
    assert tags == [{"Key": "workshop:lab", "Value": "event-ready"}]
    assert ids["Unnamed"].startswith("Test-Unnamed-")
    assert client("ssm").get_parameter(Name=ids["Unnamed"])["Parameter"]["Value"] == "x"
    stacks.update(template(parameters("replica.internal"), OUTPUTS))
    assert by_path()["/shop/Test/DB_READER_HOST"] == "replica.internal"
    stacks.delete()
    assert by_path() == {}
    assert client("ssm").describe_parameters()["Parameters"] == []
