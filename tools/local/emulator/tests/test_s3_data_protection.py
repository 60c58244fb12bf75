"""Lab 8 and 9's media bucket: versioned, replicated to a bucket in the recovery Region, with lifecycle rules."""

import json

import pytest
from botocore.exceptions import ClientError

from conftest import client, template

SECONDARY = "ap-northeast-1"
REPLICA = "shop-media-replica-123456789012-ap-northeast-1"
LIFECYCLE = {
    "Rules": [
        {
            "Id": "noncurrent",
            "Status": "Enabled",
            "NoncurrentVersionExpiration": {"NoncurrentDays": 90},
            "NoncurrentVersionTransitions": [{"StorageClass": "STANDARD_IA", "TransitionInDays": 30}],
            "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
        },
        {"Id": "cold-media", "Status": "Enabled", "Prefix": "media/", "Transitions": [{"StorageClass": "INTELLIGENT_TIERING", "TransitionInDays": 0}, {"StorageClass": "GLACIER_IR", "TransitionInDays": 180}]},
    ]
}


def media(replicated=True, lifecycle=True):
    properties = {"VersioningConfiguration": {"Status": "Enabled"}}
    if replicated:
        properties["ReplicationConfiguration"] = {
            "Role": {"Fn::GetAtt": ["ReplicationRole", "Arn"]},
            "Rules": [
                {
                    "Id": "to-recovery-region",
                    "Status": "Enabled",
                    "Priority": 1,
                    "Filter": {"Prefix": ""},
                    "DeleteMarkerReplication": {"Status": "Enabled"},
                    "Destination": {"Bucket": f"arn:aws:s3:::{REPLICA}", "StorageClass": "STANDARD_IA"},
                }
            ],
        }
    if lifecycle:
        properties["LifecycleConfiguration"] = LIFECYCLE
    role = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    return {
        "ReplicationRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": role}},
        "Media": {"Type": "AWS::S3::Bucket", "Properties": properties},
    }


def test_replication_to_the_other_region_and_lifecycle_rules(stacks):
    recovery = stacks.in_region(SECONDARY)
    replica = {"Replica": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": REPLICA, "VersioningConfiguration": {"Status": "Enabled"}}}}
    recovery.create(template(replica), name="Recovery")
    s3 = client("s3")
    assert s3.get_bucket_location(Bucket=REPLICA)["LocationConstraint"] == SECONDARY

    stacks.cfn.create_stack(
        StackName="Test",
        TemplateBody=json.dumps(template(media(), {"Rto": {"Value": "PT4H"}})),
        Tags=[{"Key": "workshop:rto", "Value": "PT4H"}, {"Key": "workshop:rpo", "Value": "PT24H"}],
    )
    ids = stacks.resources()
    stack = stacks.cfn.describe_stacks(StackName="Test")["Stacks"][0]
    assert {tag["Key"]: tag["Value"] for tag in stack["Tags"]} == {"workshop:rto": "PT4H", "workshop:rpo": "PT24H"}
    assert stacks.outputs() == {"Rto": "PT4H"}

    found = s3.get_bucket_replication(Bucket=ids["Media"])["ReplicationConfiguration"]
    role = client("iam").get_role(RoleName=ids["ReplicationRole"])["Role"]["Arn"]
    assert found["Role"] == role
    rule = found["Rules"][0]
    assert (rule["ID"], rule["Status"], rule["Priority"]) == ("to-recovery-region", "Enabled", 1)
    assert rule["Destination"] == {"Bucket": f"arn:aws:s3:::{REPLICA}", "StorageClass": "STANDARD_IA"}

    rules = {item["ID"]: item for item in s3.get_bucket_lifecycle_configuration(Bucket=ids["Media"])["Rules"]}
    assert rules["noncurrent"]["NoncurrentVersionExpiration"] == {"NoncurrentDays": 90}
    assert rules["noncurrent"]["NoncurrentVersionTransitions"] == [{"NoncurrentDays": 30, "StorageClass": "STANDARD_IA"}]
    assert rules["noncurrent"]["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 7}
    assert rules["cold-media"]["Filter"] == {"Prefix": "media/"}
    assert rules["cold-media"]["Transitions"] == [{"Days": 0, "StorageClass": "INTELLIGENT_TIERING"}, {"Days": 180, "StorageClass": "GLACIER_IR"}]


def test_update_changes_and_drops_the_rules(stacks):
    name = stacks.create(template(media(replicated=False)))["Media"]
    s3 = client("s3")
    with pytest.raises(ClientError):
        s3.get_bucket_replication(Bucket=name)
    assert stacks.update(template(media()))["Media"] == name
    assert s3.get_bucket_replication(Bucket=name)["ReplicationConfiguration"]["Rules"][0]["ID"] == "to-recovery-region"
    stacks.update(template(media(replicated=False, lifecycle=False)))
    with pytest.raises(ClientError):
        s3.get_bucket_replication(Bucket=name)
    with pytest.raises(ClientError):
        s3.get_bucket_lifecycle_configuration(Bucket=name)
