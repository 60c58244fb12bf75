"""AWS::EC2::SecurityGroupEgress, and AWS::EC2::SecurityGroupIngress that can be updated and deleted.

moto lacks: a CloudFormation model for SecurityGroupEgress (its EC2 backend implements
AuthorizeSecurityGroupEgress), so egress rules declared apart from their group are skipped. Its
SecurityGroupIngress model has neither update nor delete: a changed rule keeps the old one and never
adds the new one, and deleting the stack leaves the rule. These models authorize and revoke through
the backend as the EC2 API does; the physical id is the rule's sgr- id.
"""

from typing import Any

from moto.ec2.models import ec2_backends

from ._glue import Glue, register


def _rule_arguments(properties: dict[str, Any], egress: bool) -> dict[str, Any]:
    peer_group = properties.get("DestinationSecurityGroupId" if egress else "SourceSecurityGroupId")
    peer_name = None if egress else properties.get("SourceSecurityGroupName")
    source_groups = [{"GroupId": peer_group}] if peer_group else [{"GroupName": peer_name}] if peer_name else []
    ip_ranges: list[dict[str, Any]] = []
    if properties.get("CidrIp"):
        ip_ranges.append({"CidrIp": properties["CidrIp"], "Description": properties.get("Description")})
    if properties.get("CidrIpv6"):
        ip_ranges.append({"CidrIpv6": properties["CidrIpv6"], "Description": properties.get("Description")})
    prefix_list = properties.get("DestinationPrefixListId" if egress else "SourcePrefixListId")
    if source_groups and properties.get("Description"):
        source_groups[0]["Description"] = properties["Description"]
    return {
        "ip_protocol": str(properties["IpProtocol"]),
        "from_port": properties.get("FromPort"),
        "to_port": properties.get("ToPort"),
        "ip_ranges": ip_ranges,
        "source_groups": source_groups,
        "prefix_list_ids": [{"PrefixListId": prefix_list}] if prefix_list else [],
    }


class _SecurityGroupRule(Glue):
    egress = False

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "_SecurityGroupRule":
        backend = ec2_backends[account_id][region_name]
        group = properties.get("GroupId") or backend.get_security_group_by_name_or_id(properties["GroupName"]).id
        arguments = _rule_arguments(properties, cls.egress)
        authorize = backend.authorize_security_group_egress if cls.egress else backend.authorize_security_group_ingress
        rules, _ = authorize(group_name_or_id=group, **arguments)
        resource = cls(rules[0].id, account_id, region_name, {"Id": rules[0].id})
        resource.group_id = group
        resource.rule_ids = [rule.id for rule in rules]
        return resource

    def remove(self) -> None:
        backend = ec2_backends[self.account_id][self.region_name]
        if backend.get_security_group_from_id(self.group_id) is None:
            return
        revoke = backend.revoke_security_group_egress if self.egress else backend.revoke_security_group_ingress
        revoke(
            group_name_or_id=self.group_id,
            ip_protocol=None,
            from_port=None,
            to_port=None,
            ip_ranges=[],
            security_rule_ids=self.rule_ids,
        )


@register
class SecurityGroupEgress(_SecurityGroupRule):
    """An outbound rule added to an existing security group."""

    egress = True

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::SecurityGroupEgress"


@register
class SecurityGroupIngress(_SecurityGroupRule):
    """An inbound rule added to an existing security group (replaces moto's model, which cannot update or delete)."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::SecurityGroupIngress"
