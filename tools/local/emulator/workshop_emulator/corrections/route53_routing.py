"""AWS::Route53::HealthCheck updates and deletes, and RecordSets that share a name (latency, failover).

moto lacks: its RecordSet model (moto/route53/models.py) deletes a record by name (and type), so
deleting or updating one record of a latency or failover pair (same name and type, another
``SetIdentifier``) deletes its partners too; its HealthCheck model reads only part of
``HealthCheckConfig`` (no EnableSNI, Inverted, MeasureLatency, Regions, child checks) and has
neither update nor delete, so a changed path or domain name makes a second check and the old one
(and every check, after the stack is deleted) stays. This correction deletes exactly the record a
resource made (name, type and set identifier), reads the whole config, updates a check in place
through ``UpdateHealthCheck`` (a new Type replaces it, as the API cannot change one) and deletes it
with its stack.
"""

from typing import Any

from moto.route53.models import HealthCheck, RecordSet, route53_backends
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


def apply() -> None:
    """Gives moto's HealthCheck the whole config, an update and a delete; RecordSet an exact delete."""
    HealthCheck.create_from_cloudformation_json = classmethod(create_health_check)  # type: ignore[method-assign,assignment]
    HealthCheck.update_from_cloudformation_json = classmethod(update_health_check)  # type: ignore[method-assign,assignment]
    HealthCheck.delete = delete_health_check  # type: ignore[attr-defined]
    RecordSet.delete = delete_record  # type: ignore[method-assign]
    RecordSet.update_from_cloudformation_json = classmethod(update_record)  # type: ignore[method-assign,assignment]
