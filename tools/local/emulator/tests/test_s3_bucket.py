"""Buckets get their website, versioning and public access block, on create and on update."""

import pytest
from botocore.exceptions import ClientError

from conftest import client, template

FULL = {
    "WebsiteConfiguration": {"IndexDocument": "index.html", "ErrorDocument": "error.html"},
    "VersioningConfiguration": {"Status": "Enabled"},
    "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": "true", "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
    "Tags": [{"Key": "workshop:content", "Value": "site"}],
}


def bucket(properties):
    return template({"Site": {"Type": "AWS::S3::Bucket", "Properties": properties}})


def test_properties_are_applied(stacks):
    name = stacks.create(bucket(FULL))["Site"]
    s3 = client("s3")
    website = s3.get_bucket_website(Bucket=name)
    assert (website["IndexDocument"]["Suffix"], website["ErrorDocument"]["Key"]) == ("index.html", "error.html")
    assert s3.get_bucket_versioning(Bucket=name)["Status"] == "Enabled"
    assert s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    }


def test_update_of_a_generated_name_bucket(stacks):
    name = stacks.create(bucket({"Tags": [{"Key": "a", "Value": "b"}]}))["Site"]
    assert stacks.update(bucket(FULL))["Site"] == name
    s3 = client("s3")
    assert s3.get_bucket_versioning(Bucket=name)["Status"] == "Enabled"
    assert s3.get_bucket_tagging(Bucket=name)["TagSet"] == [{"Key": "workshop:content", "Value": "site"}]
    stacks.update(bucket({}))
    assert s3.get_bucket_versioning(Bucket=name)["Status"] == "Suspended"
    with pytest.raises(ClientError):
        s3.get_bucket_website(Bucket=name)
    with pytest.raises(ClientError):
        s3.get_public_access_block(Bucket=name)
