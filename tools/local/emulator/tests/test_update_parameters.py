"""UpdateStack with UsePreviousValue for a parameter the stack took the default of (what the CDK CLI sends)."""

from conftest import template


def test_update_keeps_defaulted_parameter(stacks):
    parameters = {"Size": {"Type": "String", "Default": "small"}}
    body = template({"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "Size"}}}}, parameters=parameters)
    stacks.create(body)
    added = {**parameters, "Extra": {"Type": "String", "Default": "x"}}
    updated = template({"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "${Size}-${Extra}"}}}}, parameters=added)
    resources = stacks.update(updated, parameters=[{"ParameterKey": "Size", "UsePreviousValue": True}])
    assert resources["Topic"].endswith(":small-x")
