"""S3 Intelligent-Tiering configurations: the API and AWS::S3::Bucket IntelligentTieringConfigurations.

moto lacks: the Put, Get, List and DeleteBucketIntelligentTieringConfiguration actions (its S3
responses answer a GET of ``?intelligent-tiering`` with the bucket's object listing, so a reader sees
no configuration) and the bucket model ignores the ``IntelligentTieringConfigurations`` property. A
learner who tiers cold media with an archive configuration instead of a lifecycle transition got a
live FAIL on ``media-lifecycle-tiering``. This correction stores each bucket's configurations by id
(id, filter by prefix and tags, status, archive tierings), answers the four actions in the S3 API's
shapes, and puts the template's configurations on create and update, deleting those the new template
drops; a deleted bucket takes its configurations with it.
"""

from typing import Any

import xmltodict
from moto.core.common_types import TYPE_RESPONSE
from moto.core.responses import ActionResult
from moto.s3.exceptions import S3ClientError
from moto.s3.models import FakeBucket, S3Backend, s3_backends
from moto.s3.responses import ACTION_MAP, S3Response
from moto.utilities.utils import get_partition

from ._glue import after_bucket_create_and_update

#: The query parameter that marks the four actions on a bucket's URL.
QUERY = "intelligent-tiering"


class NoSuchConfiguration(S3ClientError):
    """S3's error for an Intelligent-Tiering configuration id the bucket does not have."""

    code = "NoSuchConfiguration"

    def __init__(self) -> None:
        super().__init__("The specified configuration does not exist.")


def _configurations(bucket: FakeBucket) -> dict[str, dict[str, Any]]:
    """A bucket's configurations by id (an attribute moto's FakeBucket does not have)."""
    return bucket.__dict__.setdefault("intelligent_tiering_configs", {})


def put_bucket_intelligent_tiering_configuration(self: S3Backend, bucket_name: str, configuration: dict[str, Any]) -> None:
    """Stores (or replaces) one configuration, in the API's shape, under its Id."""
    _configurations(self.get_bucket(bucket_name))[configuration["Id"]] = configuration


def get_bucket_intelligent_tiering_configuration(self: S3Backend, bucket_name: str, configuration_id: str) -> dict[str, Any]:
    """One configuration by id; NoSuchConfiguration when the bucket has none by that id."""
    found = _configurations(self.get_bucket(bucket_name)).get(configuration_id)
    if found is None:
        raise NoSuchConfiguration()
    return found


def list_bucket_intelligent_tiering_configurations(self: S3Backend, bucket_name: str) -> list[dict[str, Any]]:
    """Every configuration of a bucket, by id."""
    configurations = _configurations(self.get_bucket(bucket_name))
    return [configurations[key] for key in sorted(configurations)]


def delete_bucket_intelligent_tiering_configuration(self: S3Backend, bucket_name: str, configuration_id: str) -> None:
    """Deletes one configuration; NoSuchConfiguration when the bucket has none by that id."""
    if _configurations(self.get_bucket(bucket_name)).pop(configuration_id, None) is None:
        raise NoSuchConfiguration()


def configuration_from_xml(body: bytes | str, configuration_id: str) -> dict[str, Any]:
    """The body of a PutBucketIntelligentTieringConfiguration request in the API's shape."""
    parsed = xmltodict.parse(body, dict_constructor=dict, force_list=("Tiering", "Tag"))["IntelligentTieringConfiguration"]
    found: dict[str, Any] = {
        "Id": configuration_id,
        "Status": parsed["Status"],
        "Tierings": [{"Days": int(item["Days"]), "AccessTier": item["AccessTier"]} for item in parsed.get("Tiering", [])],
    }
    xml_filter = parsed.get("Filter") or {}
    if "And" in xml_filter:
        joined = xml_filter["And"] or {}
        found["Filter"] = {"And": {key: value for key, value in (("Prefix", joined.get("Prefix")), ("Tags", joined.get("Tag", []))) if value}}
    elif xml_filter.get("Tag"):
        found["Filter"] = {"Tag": xml_filter["Tag"][0]}
    elif xml_filter.get("Prefix") is not None:
        found["Filter"] = {"Prefix": xml_filter["Prefix"]}
    return found


def configuration_from_cloudformation(item: dict[str, Any]) -> dict[str, Any]:
    """One entry of a template's IntelligentTieringConfigurations in the API's shape."""
    found: dict[str, Any] = {
        "Id": item["Id"],
        "Status": item["Status"],
        "Tierings": [{"Days": int(tiering["Days"]), "AccessTier": tiering["AccessTier"]} for tiering in item.get("Tierings") or []],
    }
    tags = [{"Key": tag["Key"], "Value": tag["Value"]} for tag in item.get("TagFilters") or []]
    prefix = item.get("Prefix")
    if len(tags) > 1 or (tags and prefix):
        found["Filter"] = {"And": {key: value for key, value in (("Prefix", prefix), ("Tags", tags)) if value}}
    elif tags:
        found["Filter"] = {"Tag": tags[0]}
    elif prefix:
        found["Filter"] = {"Prefix": prefix}
    return found


def apply_properties(bucket_name: str, properties: dict[str, Any], account_id: str, region_name: str) -> None:
    """Puts the configurations a bucket's properties declare and deletes the bucket's others."""
    backend = s3_backends[account_id][get_partition(region_name)]
    wanted = [configuration_from_cloudformation(item) for item in properties.get("IntelligentTieringConfigurations") or []]
    kept = {configuration["Id"] for configuration in wanted}
    for existing in backend.list_bucket_intelligent_tiering_configurations(bucket_name):
        if existing["Id"] not in kept:
            backend.delete_bucket_intelligent_tiering_configuration(bucket_name, existing["Id"])
    for configuration in wanted:
        backend.put_bucket_intelligent_tiering_configuration(bucket_name, configuration)


def _respond(self: S3Response, bucket_name: str, method: str, querystring: dict[str, Any]) -> TYPE_RESPONSE:
    """Answers the four actions on ``?intelligent-tiering`` (with ``id`` for all but List)."""
    self._set_action("BUCKET", method, querystring)
    self._authenticate_and_authorize_s3_action(bucket_name=bucket_name)
    configuration_id = (querystring.get("id") or [None])[0]
    if method == "PUT":
        self.backend.put_bucket_intelligent_tiering_configuration(bucket_name, configuration_from_xml(self.body, configuration_id))
        return 200, {}, ""
    if method == "DELETE":
        self.backend.delete_bucket_intelligent_tiering_configuration(bucket_name, configuration_id)
        return 204, {}, ""
    if configuration_id is not None:
        self.data["Action"] = "GetBucketIntelligentTieringConfiguration"
        found = self.backend.get_bucket_intelligent_tiering_configuration(bucket_name, configuration_id)
        return self.serialized(ActionResult({"IntelligentTieringConfiguration": found}))
    self.data["Action"] = "ListBucketIntelligentTieringConfigurations"
    configurations = self.backend.list_bucket_intelligent_tiering_configurations(bucket_name)
    return self.serialized(ActionResult({"IsTruncated": False, "IntelligentTieringConfigurationList": configurations}))


def apply() -> None:
    """Adds the backend methods and the actions, and wraps the bucket's create and update (as the earlier S3 corrections left them)."""
    S3Backend.put_bucket_intelligent_tiering_configuration = put_bucket_intelligent_tiering_configuration  # type: ignore[attr-defined]
    S3Backend.get_bucket_intelligent_tiering_configuration = get_bucket_intelligent_tiering_configuration  # type: ignore[attr-defined]
    S3Backend.list_bucket_intelligent_tiering_configurations = list_bucket_intelligent_tiering_configurations  # type: ignore[attr-defined]
    S3Backend.delete_bucket_intelligent_tiering_configuration = delete_bucket_intelligent_tiering_configuration  # type: ignore[attr-defined]
    for method, action in (("GET", "GetIntelligentTieringConfiguration"), ("PUT", "PutIntelligentTieringConfiguration"), ("DELETE", "PutIntelligentTieringConfiguration")):
        ACTION_MAP["BUCKET"][method][QUERY] = action

    get, put, delete = S3Response._bucket_response_get, S3Response._bucket_response_put, S3Response._bucket_response_delete

    def _bucket_response_get(self: S3Response, bucket_name: str, querystring: dict[str, Any]) -> Any:
        return _respond(self, bucket_name, "GET", querystring) if QUERY in querystring else get(self, bucket_name, querystring)

    def _bucket_response_put(self: S3Response, request: Any, bucket_name: str, querystring: dict[str, Any]) -> Any:
        return _respond(self, bucket_name, "PUT", querystring) if QUERY in querystring else put(self, request, bucket_name, querystring)

    def _bucket_response_delete(self: S3Response, bucket_name: str, querystring: dict[str, Any]) -> Any:
        return _respond(self, bucket_name, "DELETE", querystring) if QUERY in querystring else delete(self, bucket_name, querystring)

    S3Response._bucket_response_get = _bucket_response_get  # type: ignore[method-assign]
    S3Response._bucket_response_put = _bucket_response_put  # type: ignore[method-assign]
    S3Response._bucket_response_delete = _bucket_response_delete  # type: ignore[method-assign]

    after_bucket_create_and_update(apply_properties)
