"""AWS::CloudFront::Distribution and AWS::CloudFront::OriginAccessControl.

moto lacks: CloudFormation models for both (its CloudFront backend implements the API), so a stack's
distribution and origin access control are skipped and a ``GetAtt Distribution.DomainName`` fails
the deploy. Its ``Origin`` also drops ``OriginAccessControlId``, so GetDistribution never shows which
OAC an S3 origin uses (fixed in moto 5.2.6: delete ``_origin_init`` when the pin moves there). These models convert CloudFormation's DistributionConfig (plain lists,
``AcmCertificateArn``...) to the API's shape (``{Quantity, Items}``, ``ACMCertificateArn``...) that
the backend stores, and keep the origins' OAC ids. Ref is the distribution id; GetAtt DomainName and
Id as in CloudFormation.
"""

import uuid
from typing import Any

from moto.cloudfront.models import Origin, cloudfront_backends
from moto.utilities.utils import get_partition

from ._glue import Glue, register

_moto_origin_init = Origin.__init__


def _origin_init(self: Origin, origin: dict[str, Any]) -> None:
    _moto_origin_init(self, origin)
    self.origin_access_control_id = origin.get("OriginAccessControlId", "")


def _items(values: list[Any] | None) -> dict[str, Any]:
    values = values or []
    return {"Quantity": len(values), "Items": values} if values else {"Quantity": 0}


def _methods(behavior: dict[str, Any]) -> dict[str, Any]:
    allowed = behavior.get("AllowedMethods") or ["GET", "HEAD"]
    cached = behavior.get("CachedMethods") or ["GET", "HEAD"]
    return {"Quantity": len(allowed), "Items": allowed, "CachedMethods": {"Quantity": len(cached), "Items": cached}}


def _behavior(behavior: dict[str, Any]) -> dict[str, Any]:
    converted = {key: value for key, value in behavior.items() if key not in ("AllowedMethods", "CachedMethods")}
    converted["AllowedMethods"] = _methods(behavior)
    for key in ("TrustedSigners", "TrustedKeyGroups"):
        if key in behavior:
            converted[key] = {"Items": behavior[key]}
    return converted


def _origin(origin: dict[str, Any]) -> dict[str, Any]:
    converted = {key: value for key, value in origin.items() if key not in ("OriginCustomHeaders", "CustomOriginConfig", "S3OriginConfig")}
    if "S3OriginConfig" in origin:
        converted["S3OriginConfig"] = {"OriginAccessIdentity": origin["S3OriginConfig"].get("OriginAccessIdentity", "")}
    if "CustomOriginConfig" in origin:
        custom = {key: value for key, value in origin["CustomOriginConfig"].items() if key != "OriginSSLProtocols"}
        custom["OriginSslProtocols"] = _items(origin["CustomOriginConfig"].get("OriginSSLProtocols"))
        converted["CustomOriginConfig"] = custom
    converted["CustomHeaders"] = _items(origin.get("OriginCustomHeaders"))
    return converted


def api_distribution_config(config: dict[str, Any], caller_reference: str) -> dict[str, Any]:
    """The API's DistributionConfig (as moto's backend takes it) of a CloudFormation DistributionConfig."""
    converted: dict[str, Any] = {
        key: value
        for key, value in config.items()
        if key
        not in ("Origins", "DefaultCacheBehavior", "CacheBehaviors", "CustomErrorResponses", "Aliases", "ViewerCertificate", "Restrictions")
    }
    converted["CallerReference"] = caller_reference
    converted["Comment"] = config.get("Comment", "")
    converted["Enabled"] = config.get("Enabled", True)
    converted["Origins"] = {"Quantity": len(config.get("Origins", [])), "Items": [_origin(origin) for origin in config.get("Origins", [])]}
    converted["DefaultCacheBehavior"] = _behavior(config["DefaultCacheBehavior"])
    converted["CacheBehaviors"] = _items([_behavior(behavior) for behavior in config.get("CacheBehaviors", [])])
    converted["CustomErrorResponses"] = _items(config.get("CustomErrorResponses"))
    converted["Aliases"] = _items(config.get("Aliases"))
    if "ViewerCertificate" in config:
        renamed = {"AcmCertificateArn": "ACMCertificateArn", "SslSupportMethod": "SSLSupportMethod", "IamCertificateId": "IAMCertificateId"}
        converted["ViewerCertificate"] = {renamed.get(key, key): value for key, value in config["ViewerCertificate"].items()}
    geo = (config.get("Restrictions") or {}).get("GeoRestriction")
    if geo:
        converted["Restrictions"] = {"GeoRestriction": {"RestrictionType": geo.get("RestrictionType", "none"), "Items": geo.get("Locations", [])}}
    return converted


def _backend(account_id: str, region_name: str) -> Any:
    return cloudfront_backends[account_id][get_partition(region_name)]


@register
class Distribution(Glue):
    """A CloudFront distribution; updates keep its id and domain name."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudFront::Distribution"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "Distribution":
        config = api_distribution_config(properties["DistributionConfig"], str(uuid.uuid4()))
        distribution, _, _ = _backend(account_id, region_name).create_distribution(config, properties.get("Tags", []))
        return cls(distribution.distribution_id, account_id, region_name, {"Id": distribution.distribution_id, "DomainName": distribution.domain_name})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        backend = _backend(self.account_id, self.region_name)
        distribution = backend.distributions[self.physical_id]
        config = api_distribution_config(properties["DistributionConfig"], distribution.distribution_config.caller_reference)
        backend.update_distribution(config, self.physical_id, distribution.etag)
        return True

    def remove(self) -> None:
        backend = _backend(self.account_id, self.region_name)
        if self.physical_id in backend.distributions:
            backend.delete_distribution(self.physical_id, if_match=True)


@register
class OriginAccessControl(Glue):
    """An origin access control; Ref and GetAtt Id are its id."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudFront::OriginAccessControl"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "OriginAccessControl":
        control = _backend(account_id, region_name).create_origin_access_control(properties["OriginAccessControlConfig"])
        return cls(control.id, account_id, region_name, {"Id": control.id})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        _backend(self.account_id, self.region_name).update_origin_access_control(self.physical_id, properties["OriginAccessControlConfig"])
        return True

    def remove(self) -> None:
        _backend(self.account_id, self.region_name).origin_access_controls.pop(self.physical_id, None)


def apply() -> None:
    """Makes moto's Origin keep its OriginAccessControlId."""
    Origin.__init__ = _origin_init  # type: ignore[method-assign]
