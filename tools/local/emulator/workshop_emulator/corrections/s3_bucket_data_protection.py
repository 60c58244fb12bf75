"""AWS::S3::Bucket with ReplicationConfiguration and LifecycleConfiguration.

moto lacks: its bucket model (moto/s3/models.py ``FakeBucket``) applies neither property, so a
stack's bucket has no replication rule and no lifecycle rule (GetBucketReplication and
GetBucketLifecycleConfiguration answer "not found") although the S3 backend implements both. This
correction turns the template's shapes into the ones the backend stores (those of the
PutBucketReplication and PutBucketLifecycleConfiguration requests) and puts them on create and on
update, deleting them when the new template drops them: replication's role and rules (priority,
filter, destination bucket ARN, storage class, KMS key, delete marker replication), lifecycle
rules with expiration, transitions (Intelligent-Tiering, Glacier...), noncurrent version
expiration and transitions, and incomplete multipart upload cleanup.
"""

from typing import Any

from moto.s3.models import s3_backends
from moto.utilities.utils import get_partition

from ._glue import after_bucket_create_and_update


def _filter(rule: dict[str, Any]) -> dict[str, Any] | None:
    """A lifecycle rule's filter: prefix, tags, object sizes (And when more than one)."""
    parts: list[tuple[str, Any]] = []
    if rule.get("Prefix") is not None:
        parts.append(("Prefix", rule["Prefix"]))
    parts += [("Tag", {"Key": tag["Key"], "Value": tag["Value"]}) for tag in rule.get("TagFilters") or []]
    for key in ("ObjectSizeGreaterThan", "ObjectSizeLessThan"):
        if rule.get(key) is not None:
            parts.append((key, str(rule[key])))
    if not parts:
        return None
    if len(parts) == 1:
        return dict(parts)
    tags = [value for key, value in parts if key == "Tag"]
    joined: dict[str, Any] = {key: value for key, value in parts if key != "Tag"}
    if tags:
        joined["Tag"] = tags
    return {"And": joined}


def lifecycle_rules(configuration: dict[str, Any]) -> list[dict[str, Any]]:
    """A CloudFormation LifecycleConfiguration as the rules of a PutBucketLifecycleConfiguration request."""
    rules = []
    for rule in configuration.get("Rules", []):
        found: dict[str, Any] = {"Status": rule["Status"]}
        if rule.get("Id"):
            found["ID"] = rule["Id"]
        found["Filter"] = _filter(rule) or {"Prefix": ""}
        expiration = {}
        if rule.get("ExpirationInDays") is not None:
            expiration["Days"] = str(rule["ExpirationInDays"])
        if rule.get("ExpirationDate"):
            expiration["Date"] = rule["ExpirationDate"]
        if rule.get("ExpiredObjectDeleteMarker") is not None:
            expiration["ExpiredObjectDeleteMarker"] = str(rule["ExpiredObjectDeleteMarker"]).lower()
        if expiration:
            found["Expiration"] = expiration
        transitions = list(rule.get("Transitions") or []) + ([rule["Transition"]] if rule.get("Transition") else [])
        if transitions:
            found["Transition"] = [
                {key: str(value) for key, value in (("Days", item.get("TransitionInDays")), ("Date", item.get("TransitionDate")), ("StorageClass", item["StorageClass"])) if value is not None}
                for item in transitions
            ]
        noncurrent = rule.get("NoncurrentVersionExpiration") or (
            {"NoncurrentDays": rule["NoncurrentVersionExpirationInDays"]} if rule.get("NoncurrentVersionExpirationInDays") is not None else None
        )
        if noncurrent:
            found["NoncurrentVersionExpiration"] = {key: str(value) for key, value in noncurrent.items()}
        noncurrent_transitions = list(rule.get("NoncurrentVersionTransitions") or []) + (
            [rule["NoncurrentVersionTransition"]] if rule.get("NoncurrentVersionTransition") else []
        )
        if noncurrent_transitions:
            found["NoncurrentVersionTransition"] = [
                {
                    key: str(value)
                    for key, value in (("NoncurrentDays", item["TransitionInDays"]), ("StorageClass", item["StorageClass"]), ("NewerNoncurrentVersions", item.get("NewerNoncurrentVersions")))
                    if value is not None
                }
                for item in noncurrent_transitions
            ]
        if rule.get("AbortIncompleteMultipartUpload"):
            found["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": str(rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"])}
        rules.append(found)
    return rules


def replication(configuration: dict[str, Any]) -> dict[str, Any]:
    """A CloudFormation ReplicationConfiguration as the body of a PutBucketReplication request."""
    rules = []
    for index, rule in enumerate(configuration["Rules"]):
        destination = rule["Destination"]
        found: dict[str, Any] = {"Status": rule["Status"], "Priority": str(rule.get("Priority", index + 1)), "Destination": {"Bucket": destination["Bucket"]}}
        if rule.get("Id"):
            found["ID"] = rule["Id"]
        for key in ("StorageClass", "Account"):
            if destination.get(key):
                found["Destination"][key] = destination[key]
        if (destination.get("EncryptionConfiguration") or {}).get("ReplicaKmsKeyID"):
            found["Destination"]["EncryptionConfiguration"] = {"ReplicaKmsKeyID": destination["EncryptionConfiguration"]["ReplicaKmsKeyID"]}
        if rule.get("Filter") is not None:
            found["Filter"] = rule["Filter"]
        elif rule.get("Prefix") is not None:
            found["Prefix"] = rule["Prefix"]
        if rule.get("DeleteMarkerReplication"):
            found["DeleteMarkerReplication"] = rule["DeleteMarkerReplication"]
        rules.append(found)
    return {"Role": configuration["Role"], "Rule": rules}


def apply_properties(bucket_name: str, properties: dict[str, Any], account_id: str, region_name: str) -> None:
    """Puts (or removes) the replication and lifecycle rules a bucket's properties declare."""
    backend = s3_backends[account_id][get_partition(region_name)]
    bucket = backend.get_bucket(bucket_name)
    if properties.get("ReplicationConfiguration"):
        backend.put_bucket_replication(bucket_name, replication(properties["ReplicationConfiguration"]))
    elif getattr(bucket, "replication", None):
        backend.delete_bucket_replication(bucket_name)
    if properties.get("LifecycleConfiguration"):
        backend.put_bucket_lifecycle_configuration(bucket_name, lifecycle_rules(properties["LifecycleConfiguration"]))
    elif bucket.rules:
        backend.delete_bucket_lifecycle(bucket_name)


def apply() -> None:
    """Wraps the bucket's create and update (as ``s3_bucket`` left them)."""
    after_bucket_create_and_update(apply_properties)
