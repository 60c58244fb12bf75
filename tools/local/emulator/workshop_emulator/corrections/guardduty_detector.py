"""AWS::GuardDuty::Detector.

moto lacks: a CloudFormation model for detectors (its GuardDuty backend implements CreateDetector),
so a stack's detector is skipped. This model creates, updates and deletes it through the backend;
Ref is the detector id.
"""

from typing import Any

from moto.guardduty.models import guardduty_backends

from ._glue import Glue, as_bool, register


@register
class Detector(Glue):
    """A GuardDuty detector, enabled when Enable is true."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::GuardDuty::Detector"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "Detector":
        detector_id = guardduty_backends[account_id][region_name].create_detector(
            enable=as_bool(properties.get("Enable")),
            finding_publishing_frequency=properties.get("FindingPublishingFrequency", "SIX_HOURS"),
            data_sources=properties.get("DataSources", {}),
            tags={tag["Key"]: tag["Value"] for tag in properties.get("Tags", [])},
            features=properties.get("Features", []),
        )
        return cls(detector_id, account_id, region_name, {"Id": detector_id})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        guardduty_backends[self.account_id][self.region_name].update_detector(
            self.physical_id,
            enable=as_bool(properties.get("Enable")),
            finding_publishing_frequency=properties.get("FindingPublishingFrequency", "SIX_HOURS"),
            data_sources=properties.get("DataSources", {}),
            features=properties.get("Features", []),
        )
        return True

    def remove(self) -> None:
        backend = guardduty_backends[self.account_id][self.region_name]
        if self.physical_id in backend.detectors:
            backend.delete_detector(self.physical_id)
