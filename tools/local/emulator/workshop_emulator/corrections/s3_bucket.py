"""AWS::S3::Bucket with WebsiteConfiguration, VersioningConfiguration and PublicAccessBlockConfiguration.

moto lacks: its model (moto/s3/models.py ``FakeBucket.create_from_cloudformation_json`` and
``update_from_cloudformation_json``) applies only BucketEncryption and Tags, so a stack's bucket
has no website, versioning or public access block; and its update tags the bucket named by the
``BucketName`` property, a KeyError for a bucket with a generated name. This correction applies the
three through the S3 backend, on create and on update (removing what the new template no longer
declares), and tags the bucket it updates.
"""

from typing import Any
from xml.sax.saxutils import escape

from moto.s3.models import FakeBucket, s3_backends
from moto.s3.cloud_formation import cfn_to_api_encryption
from moto.utilities.tagging_service import TaggingService
from moto.utilities.utils import get_partition

from ._glue import as_bool

_moto_create = FakeBucket.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
_moto_update = FakeBucket.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def website_xml(website: dict[str, Any]) -> bytes:
    """The PutBucketWebsite request body (what moto stores and GetBucketWebsite returns) of a CloudFormation WebsiteConfiguration."""
    parts = ['<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">']
    redirect_all = website.get("RedirectAllRequestsTo")
    if redirect_all:
        parts.append("<RedirectAllRequestsTo>")
        parts.append(f"<HostName>{escape(redirect_all['HostName'])}</HostName>")
        if redirect_all.get("Protocol"):
            parts.append(f"<Protocol>{escape(redirect_all['Protocol'])}</Protocol>")
        parts.append("</RedirectAllRequestsTo>")
    if website.get("IndexDocument"):
        parts.append(f"<IndexDocument><Suffix>{escape(website['IndexDocument'])}</Suffix></IndexDocument>")
    if website.get("ErrorDocument"):
        parts.append(f"<ErrorDocument><Key>{escape(website['ErrorDocument'])}</Key></ErrorDocument>")
    rules = website.get("RoutingRules") or []
    if rules:
        parts.append("<RoutingRules>")
        for rule in rules:
            parts.append("<RoutingRule>")
            if rule.get("RoutingRuleCondition"):
                parts.append("<Condition>" + "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in rule["RoutingRuleCondition"].items()) + "</Condition>")
            parts.append("<Redirect>" + "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in rule.get("RedirectRule", {}).items()) + "</Redirect>")
            parts.append("</RoutingRule>")
        parts.append("</RoutingRules>")
    parts.append("</WebsiteConfiguration>")
    return "".join(parts).encode()


def apply_properties(bucket_name: str, properties: dict[str, Any], account_id: str, region_name: str) -> None:
    """Puts (or removes) the website, versioning and public access block a bucket's properties declare."""
    backend = s3_backends[account_id][get_partition(region_name)]
    bucket = backend.get_bucket(bucket_name)
    if properties.get("WebsiteConfiguration"):
        backend.put_bucket_website(bucket_name, website_xml(properties["WebsiteConfiguration"]))
    elif bucket.website_configuration:
        backend.delete_bucket_website(bucket_name)
    versioning = (properties.get("VersioningConfiguration") or {}).get("Status")
    if versioning:
        backend.put_bucket_versioning(bucket_name, versioning)
    elif bucket.versioning_status == "Enabled":
        # A bucket that had versioning can only be suspended, never unversioned again.
        backend.put_bucket_versioning(bucket_name, "Suspended")
    block = properties.get("PublicAccessBlockConfiguration")
    if block:
        backend.put_public_access_block(bucket_name, {key: as_bool(value) for key, value in block.items()})
    elif bucket.public_access_block:
        backend.delete_public_access_block(bucket_name)


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> FakeBucket:
    bucket = _moto_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    apply_properties(bucket.name, cloudformation_json.get("Properties", {}), account_id, region_name)
    return bucket


def update_from_cloudformation_json(
    cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
) -> FakeBucket:
    properties = cloudformation_json.get("Properties", {})
    if "BucketName" in properties and properties["BucketName"] != original_resource.name:
        bucket = _moto_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
    else:
        bucket = original_resource
        backend = s3_backends[account_id][get_partition(region_name)]
        if properties.get("BucketEncryption"):
            backend.put_bucket_encryption(bucket.name, cfn_to_api_encryption(properties["BucketEncryption"]))
        backend.put_bucket_tagging(bucket.name, TaggingService().flatten_tag_list(properties.get("Tags", [])))
    apply_properties(bucket.name, cloudformation_json.get("Properties", {}), account_id, region_name)
    return bucket


def apply() -> None:
    """Wraps moto's bucket create and update."""
    FakeBucket.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    FakeBucket.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
