"""AWS::EC2::SecurityGroup with its SecurityGroupEgress, rule descriptions, and updates in place.

moto lacks: its model (moto/ec2/models/security_groups.py ``SecurityGroup.create_from_cloudformation_json``)
ignores the ``SecurityGroupEgress`` property (a group meant to send nothing keeps the default
allow-all outbound rule) and drops the rules' descriptions; and its update deletes the group and
creates a new one, so every instance, load balancer, database and rule that names the old group id
loses it. CloudFormation changes a group's rules in place and replaces it only when its name,
description or VPC changes; this correction does the same.
"""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.ec2.models.security_groups import SecurityGroup

from .security_group_rules import _rule_arguments

_moto_create = SecurityGroup.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
_moto_update = SecurityGroup.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]

#: Properties whose change makes CloudFormation replace a security group.
REPLACING = ("GroupDescription", "GroupName", "VpcId")


def _set_rules(backend: Any, group: SecurityGroup, properties: dict[str, Any]) -> None:
    """Replaces the rules the group's own properties made (at first, moto's default egress) with the declared ones."""
    inline = getattr(group, "workshop_inline_rules", {"ingress": [], "egress": [rule.id for rule in group.egress_rules]})
    if inline["ingress"]:
        backend.revoke_security_group_ingress(group.id, None, None, None, [], security_rule_ids=inline["ingress"])
    if inline["egress"]:
        backend.revoke_security_group_egress(group.id, None, None, None, [], security_rule_ids=inline["egress"])
    # Without declared egress, EC2 gives the group its default allow-all outbound rule.
    egress = properties.get("SecurityGroupEgress") or [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]
    added: dict[str, list[str]] = {"ingress": [], "egress": []}
    for rule in properties.get("SecurityGroupIngress", []):
        rules, _ = backend.authorize_security_group_ingress(group_name_or_id=group.id, **_rule_arguments(rule, egress=False))
        added["ingress"] += [item.id for item in rules]
    for rule in egress:
        rules, _ = backend.authorize_security_group_egress(group_name_or_id=group.id, **_rule_arguments(rule, egress=True))
        added["egress"] += [item.id for item in rules]
    group.workshop_inline_rules = added


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> SecurityGroup:
    properties = cloudformation_json["Properties"]
    moto_properties = {key: value for key, value in properties.items() if key != "SecurityGroupIngress"}
    group = _moto_create(cls, resource_name, {**cloudformation_json, "Properties": moto_properties}, account_id, region_name, **kwargs)
    _set_rules(ec2_backends[account_id][region_name], group, properties)
    group.workshop_properties = properties
    return group


def update_from_cloudformation_json(
    cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
) -> SecurityGroup:
    properties = cloudformation_json["Properties"]
    previous = getattr(original_resource, "workshop_properties", {})
    if any(properties.get(key) != previous.get(key) for key in REPLACING):
        return _moto_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
    _set_rules(ec2_backends[account_id][region_name], original_resource, properties)
    for tag in properties.get("Tags", []):
        original_resource.add_tag(tag["Key"], tag["Value"])
    original_resource.workshop_properties = properties
    return original_resource


def apply() -> None:
    """Replaces moto's SecurityGroup create and update."""
    SecurityGroup.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    SecurityGroup.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
