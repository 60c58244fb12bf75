"""AWS::CloudTrail::Trail.

moto lacks: a CloudFormation model for trails (its CloudTrail backend implements CreateTrail,
StartLogging and PutEventSelectors), so a stack's trail is skipped. This model creates the trail,
starts or stops its logging (``IsLogging``) and puts its event selectors; Ref is the trail name,
GetAtt Arn its ARN.
"""

from typing import Any

from moto.cloudtrail.models import cloudtrail_backends

from ._glue import Glue, as_bool, register


def _settings(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "s3_key_prefix": properties.get("S3KeyPrefix"),
        "sns_topic_name": properties.get("SnsTopicName"),
        "is_multi_region": as_bool(properties.get("IsMultiRegionTrail")),
        "log_validation": as_bool(properties.get("EnableLogFileValidation")),
        "is_org_trail": as_bool(properties.get("IsOrganizationTrail")),
        "cw_log_group_arn": properties.get("CloudWatchLogsLogGroupArn"),
        "cw_role_arn": properties.get("CloudWatchLogsRoleArn"),
        "kms_key_id": properties.get("KMSKeyId"),
    }


@register
class Trail(Glue):
    """A CloudTrail trail, logging when IsLogging is true."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudTrail::Trail"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "TrailName"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "Trail":
        backend = cloudtrail_backends[account_id][region_name]
        trail = backend.create_trail(
            name=name,
            bucket_name=properties["S3BucketName"],
            is_global=as_bool(properties.get("IncludeGlobalServiceEvents"), default=True),
            tags_list=properties.get("Tags", []),
            **_settings(properties),
        )
        resource = cls(name, account_id, region_name, {"Arn": trail.arn, "SnsTopicArn": trail.topic_arn})
        resource.configure(properties)
        return resource

    def configure(self, properties: dict[str, Any]) -> None:
        """Logging state and event selectors, which CreateTrail and UpdateTrail do not set."""
        backend = cloudtrail_backends[self.account_id][self.region_name]
        if as_bool(properties.get("IsLogging")):
            backend.start_logging(self.physical_id)
        else:
            backend.stop_logging(self.physical_id)
        if properties.get("EventSelectors") or properties.get("AdvancedEventSelectors"):
            backend.put_event_selectors(self.physical_id, properties.get("EventSelectors", []), properties.get("AdvancedEventSelectors", []))

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        settings = _settings(properties)
        cloudtrail_backends[self.account_id][self.region_name].update_trail(
            name=self.physical_id,
            s3_bucket_name=properties["S3BucketName"],
            s3_key_prefix=settings["s3_key_prefix"],
            sns_topic_name=settings["sns_topic_name"],
            include_global_service_events=as_bool(properties.get("IncludeGlobalServiceEvents"), default=True),
            is_multi_region_trail=settings["is_multi_region"],
            enable_log_file_validation=settings["log_validation"],
            is_organization_trail=settings["is_org_trail"],
            cw_log_group_arn=settings["cw_log_group_arn"],
            cw_role_arn=settings["cw_role_arn"],
            kms_key_id=settings["kms_key_id"],
        )
        self.configure(properties)
        return True

    def remove(self) -> None:
        cloudtrail_backends[self.account_id][self.region_name].delete_trail(self.physical_id)
