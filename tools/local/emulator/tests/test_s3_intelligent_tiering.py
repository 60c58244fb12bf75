"""Lab 9's media bucket tiered by an Intelligent-Tiering archive configuration instead of a lifecycle transition."""

import pytest
from botocore.exceptions import ClientError

from conftest import client, template

ARCHIVE = {"Id": "archive", "Status": "Enabled", "Prefix": "media/", "Tierings": [{"AccessTier": "ARCHIVE_ACCESS", "Days": 90}]}
DEEP = {
    "Id": "deep",
    "Status": "Disabled",
    "Prefix": "video/",
    "TagFilters": [{"Key": "kind", "Value": "cold"}],
    "Tierings": [{"AccessTier": "ARCHIVE_ACCESS", "Days": 120}, {"AccessTier": "DEEP_ARCHIVE_ACCESS", "Days": 365}],
}


def media(*configurations):
    properties = {"VersioningConfiguration": {"Status": "Enabled"}}
    if configurations:
        properties["IntelligentTieringConfigurations"] = list(configurations)
    return template({"Media": {"Type": "AWS::S3::Bucket", "Properties": properties}})


def listed(bucket):
    return client("s3").list_bucket_intelligent_tiering_configurations(Bucket=bucket).get("IntelligentTieringConfigurationList", [])


def test_create_applies_the_configurations(stacks):
    name = stacks.create(media(ARCHIVE, DEEP))["Media"]
    assert listed(name) == [
        {"Id": "archive", "Filter": {"Prefix": "media/"}, "Status": "Enabled", "Tierings": [{"Days": 90, "AccessTier": "ARCHIVE_ACCESS"}]},
        {
            "Id": "deep",
            "Filter": {"And": {"Prefix": "video/", "Tags": [{"Key": "kind", "Value": "cold"}]}},
            "Status": "Disabled",
            "Tierings": [{"Days": 120, "AccessTier": "ARCHIVE_ACCESS"}, {"Days": 365, "AccessTier": "DEEP_ARCHIVE_ACCESS"}],
        },
    ]
    found = client("s3").get_bucket_intelligent_tiering_configuration(Bucket=name, Id="archive")["IntelligentTieringConfiguration"]
    assert found["Tierings"] == [{"Days": 90, "AccessTier": "ARCHIVE_ACCESS"}]


def test_update_adds_changes_and_drops_configurations(stacks):
    name = stacks.create(media())["Media"]
    assert listed(name) == []
    assert stacks.update(media(ARCHIVE))["Media"] == name
    assert [item["Id"] for item in listed(name)] == ["archive"]
    stacks.update(media({**ARCHIVE, "Tierings": [{"AccessTier": "ARCHIVE_ACCESS", "Days": 180}]}, DEEP))
    assert [(item["Id"], item["Tierings"][0]["Days"]) for item in listed(name)] == [("archive", 180), ("deep", 120)]
    stacks.update(media(DEEP))
    assert [item["Id"] for item in listed(name)] == ["deep"]
    stacks.update(media())
    assert listed(name) == []


def test_delete_takes_the_configurations_with_the_bucket(stacks):
    name = stacks.create(media(ARCHIVE))["Media"]
    stacks.delete()
    with pytest.raises(ClientError) as error:
        listed(name)
    assert error.value.response["Error"]["Code"] == "NoSuchBucket"


def test_the_api_outside_cloudformation(stacks):
    s3 = client("s3")
    s3.create_bucket(Bucket="media")
    s3.put_bucket_intelligent_tiering_configuration(
        Bucket="media",
        Id="tagged",
        IntelligentTieringConfiguration={
            "Id": "tagged",
            "Filter": {"Tag": {"Key": "kind", "Value": "cold"}},
            "Status": "Enabled",
            "Tierings": [{"Days": 180, "AccessTier": "DEEP_ARCHIVE_ACCESS"}],
        },
    )
    joined = {"Prefix": "video/", "Tags": [{"Key": "kind", "Value": "cold"}, {"Key": "team", "Value": "shop"}]}
    s3.put_bucket_intelligent_tiering_configuration(
        Bucket="media",
        Id="joined",
        IntelligentTieringConfiguration={"Id": "joined", "Filter": {"And": joined}, "Status": "Enabled", "Tierings": [{"Days": 90, "AccessTier": "ARCHIVE_ACCESS"}]},
    )
    found = s3.get_bucket_intelligent_tiering_configuration(Bucket="media", Id="tagged")["IntelligentTieringConfiguration"]
    assert found["Filter"] == {"Tag": {"Key": "kind", "Value": "cold"}}
    assert [(item["Id"], item["Filter"]) for item in listed("media")] == [("joined", {"And": joined}), ("tagged", found["Filter"])]
    s3.delete_bucket_intelligent_tiering_configuration(Bucket="media", Id="joined")
    assert s3.list_objects_v2(Bucket="media")["KeyCount"] == 0
    s3.delete_bucket_intelligent_tiering_configuration(Bucket="media", Id="tagged")
    assert listed("media") == []
    with pytest.raises(ClientError) as error:
        s3.get_bucket_intelligent_tiering_configuration(Bucket="media", Id="tagged")
    assert error.value.response["Error"]["Code"] == "NoSuchConfiguration"
