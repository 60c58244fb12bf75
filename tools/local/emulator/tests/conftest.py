"""Fixtures: moto's in-process mock with the workshop's corrections, and a stack deployer."""

import json
import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from workshop_emulator import apply

# WORKSHOP_CORRECTIONS=off runs the tests on moto alone (a moto with patches/ applied, for example).
if os.environ.get("WORKSHOP_CORRECTIONS") != "off":
    apply()

REGION = "us-east-1"


class Stacks:
    """Deploys templates through moto's CloudFormation API and reads back physical ids."""

    def __init__(self, region: str = REGION) -> None:
        self.region = region
        self.cfn = boto3.client("cloudformation", region_name=region)

    def in_region(self, region: str) -> "Stacks":
        """A deployer of stacks in another Region of the same mocked account."""
        return Stacks(region)

    def create(self, template: dict[str, Any], name: str = "Test", parameters: dict[str, str] | None = None) -> dict[str, str]:
        """CreateStack; returns logical id -> physical id."""
        self.cfn.create_stack(StackName=name, TemplateBody=json.dumps(template), Parameters=_parameters(parameters))
        return self.resources(name)

    def update(self, template: dict[str, Any], name: str = "Test", parameters: list[dict[str, Any]] | None = None) -> dict[str, str]:
        """UpdateStack; returns logical id -> physical id."""
        self.cfn.update_stack(StackName=name, TemplateBody=json.dumps(template), Parameters=parameters or [])
        return self.resources(name)

    def delete(self, name: str = "Test") -> None:
        """DeleteStack."""
        self.cfn.delete_stack(StackName=name)

    def resources(self, name: str = "Test") -> dict[str, str]:
        """Logical id -> physical id of the stack's resources."""
        summaries = self.cfn.list_stack_resources(StackName=name)["StackResourceSummaries"]
        return {item["LogicalResourceId"]: item["PhysicalResourceId"] for item in summaries}

    def outputs(self, name: str = "Test") -> dict[str, str]:
        """Output key -> value."""
        stack = self.cfn.describe_stacks(StackName=name)["Stacks"][0]
        return {item["OutputKey"]: item["OutputValue"] for item in stack.get("Outputs", [])}


def _parameters(parameters: dict[str, str] | None) -> list[dict[str, str]]:
    return [{"ParameterKey": key, "ParameterValue": value} for key, value in (parameters or {}).items()]


@pytest.fixture
def stacks() -> Iterator[Stacks]:
    """A fresh mocked account with a stack deployer."""
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=REGION)
    with mock_aws():
        yield Stacks()


def client(service: str, region: str = REGION) -> Any:
    """A boto3 client of the mocked account (in the default Region unless told)."""
    return boto3.client(service, region_name=region)


def template(resources: dict[str, Any], outputs: dict[str, Any] | None = None, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    """A CloudFormation template."""
    body: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}
    if outputs:
        body["Outputs"] = outputs
    if parameters:
        body["Parameters"] = parameters
    return body


VPC = {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"}},
}
