"""AWS::Route53::HealthCheck updates and deletes, RecordSets that share a name (latency, failover), HostedZone GetAtt.

moto lacks: its RecordSet model (moto/route53/models.py) deletes a record by name (and type), so
deleting or updating one record of a latency or failover pair (same name and type, another
``SetIdentifier``) deletes its partners too; its HealthCheck model reads only part of
``HealthCheckConfig`` (no EnableSNI, Inverted, MeasureLatency, Regions, child checks) and has
neither update nor delete, so a changed path or domain name makes a second check and the old one
(and every check, after the stack is deleted) stays. This correction deletes exactly the record a
resource made (name, type and set identifier), reads the whole config, updates a check in place
through ``UpdateHealthCheck`` (a new Type replaces it, as the API cannot change one) and deletes it
with its stack. Its HostedZone model has no ``get_cfn_attribute``, so a stack output that reads
``GetAtt Zone.NameServers`` (or ``Id``) fails while DescribeStacks builds the outputs and the stack
shows none at all (lab 9's read-Region stack then cannot get its parameters from the primary's
outputs); this correction answers both attributes as CloudFormation does.
"""

from typing import Any

from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.route53.models import FakeZone, HealthCheck, RecordSet, route53_backends
from moto.utilities.utils import get_partition

from ._glue import as_bool, as_int


def health_check_args(config: dict[str, Any]) -> dict[str, Any]:
    """A CloudFormation HealthCheckConfig as moto's health check arguments."""
    flags = {key: as_bool(config[name]) for key, name in (("inverted", "Inverted"), ("disabled", "Disabled"), ("enable_sni", "EnableSNI"), ("measure_latency", "MeasureLatency")) if name in config}
    if "enable_sni" not in flags and config["Type"].startswith("HTTPS"):
        flags["enable_sni"] = True  # CloudFormation's default for an HTTPS check
    return {
        "ip_address": config.get("IPAddress"),
        "port": as_int(config.get("Port")),
        "type": config["Type"],
        "resource_path": config.get("ResourcePath"),
        "fqdn": config.get("FullyQualifiedDomainName"),
        "search_string": config.get("SearchString"),
        "request_interval": as_int(config.get("RequestInterval")),
        "failure_threshold": as_int(config.get("FailureThreshold")),
        "health_threshold": as_int(config.get("HealthThreshold")),
        "children": config.get("ChildHealthChecks"),
        "regions": config.get("Regions"),
        **flags,
    }


def create_health_check(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> HealthCheck:
    backend = route53_backends[account_id][get_partition(region_name)]
    args = health_check_args(cloudformation_json["Properties"]["HealthCheckConfig"])
    return backend.create_health_check(caller_reference=resource_name, health_check_args=args)


def update_health_check(cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str) -> HealthCheck:
    config = cloudformation_json["Properties"]["HealthCheckConfig"]
    if config["Type"] != original_resource.type_:
        original_resource.delete(account_id, region_name)
        return create_health_check(cls, new_resource_name, cloudformation_json, account_id, region_name)
    backend = route53_backends[account_id][get_partition(region_name)]
    check = backend.update_health_check(original_resource.id, health_check_args(config))
    check.health_check_version += 1
    return check


def delete_health_check(self: HealthCheck, account_id: str, region_name: str) -> None:
    route53_backends[account_id][get_partition(region_name)].delete_health_check(self.id)


def _zone(record: RecordSet, account_id: str, region_name: str) -> Any:
    backend = route53_backends[account_id][get_partition(region_name)]
    zone = backend.get_hosted_zone_by_name(record.hosted_zone_name) if record.hosted_zone_name else None
    return zone or backend.get_hosted_zone(record.hosted_zone_id)


def delete_record(self: RecordSet, account_id: str, region_name: str) -> None:
    zone = _zone(self, account_id, region_name)
    zone.rrsets = [item for item in zone.rrsets if (item.name, item.type, item.set_identifier) != (self.name, self.type, self.set_identifier)]


def update_record(cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str) -> RecordSet:
    original_resource.delete(account_id, region_name)
    return RecordSet.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)


def has_zone_attribute(cls: type, attr: str) -> bool:
    return attr in ("Id", "NameServers")


def zone_attribute(self: FakeZone, attribute_name: str) -> Any:
    """GetAtt of a hosted zone: its id, or the name servers of its delegation set (a list, as CloudFormation gives)."""
    if attribute_name == "Id":
        return self.physical_resource_id
    if attribute_name == "NameServers":
        return list(self.delegation_set.name_servers) if self.delegation_set else []
    raise UnformattedGetAttTemplateException()


def apply() -> None:
    """Gives moto's HealthCheck the whole config, an update and a delete; RecordSet an exact delete; HostedZone its attributes."""
    FakeZone.has_cfn_attr = classmethod(has_zone_attribute)  # type: ignore[method-assign,assignment]
    FakeZone.get_cfn_attribute = zone_attribute  # type: ignore[attr-defined]
    HealthCheck.create_from_cloudformation_json = classmethod(create_health_check)  # type: ignore[method-assign,assignment]
    HealthCheck.update_from_cloudformation_json = classmethod(update_health_check)  # type: ignore[method-assign,assignment]
    HealthCheck.delete = delete_health_check  # type: ignore[attr-defined]
    RecordSet.delete = delete_record  # type: ignore[method-assign]
    RecordSet.update_from_cloudformation_json = classmethod(update_record)  # type: ignore[method-assign,assignment]
