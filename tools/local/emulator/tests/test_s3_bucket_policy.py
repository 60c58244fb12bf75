"""Bucket policies are put and removed; a conditional deny does not deny every request."""

import json

import pytest
from botocore.exceptions import ClientError

from conftest import client, template

DENY_INSECURE = {
    "Effect": "Deny",
    "Principal": {"AWS": "*"},
    "Action": "s3:*",
    "Resource": "*",
    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
}


def with_policy(statement):
    policy = {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Site"}, "PolicyDocument": {"Version": "2012-10-17", "Statement": [statement]}}}
    return template({"Site": {"Type": "AWS::S3::Bucket"}, "Policy": policy})


def test_policy_put_and_removed(stacks):
    name = stacks.create(with_policy(DENY_INSECURE))["Site"]
    s3 = client("s3")
    assert json.loads(s3.get_bucket_policy(Bucket=name)["Policy"])["Statement"] == [DENY_INSECURE]
    stacks.update(template({"Site": {"Type": "AWS::S3::Bucket"}}))
    with pytest.raises(ClientError):
        s3.get_bucket_policy(Bucket=name)


def test_conditional_deny_is_not_enforced_but_plain_deny_is(stacks):
    name = stacks.create(with_policy(DENY_INSECURE))["Site"]
    client("s3").put_object(Bucket=name, Key="index.html", Body=b"hi")
    plain = {key: value for key, value in DENY_INSECURE.items() if key != "Condition"}
    stacks.update(with_policy(plain))
    with pytest.raises(ClientError):
        client("s3").put_object(Bucket=name, Key="index.html", Body=b"hi")
