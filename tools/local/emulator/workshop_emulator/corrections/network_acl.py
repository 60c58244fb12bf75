"""AWS::EC2::NetworkAcl, AWS::EC2::NetworkAclEntry and AWS::EC2::SubnetNetworkAclAssociation.

moto lacks: CloudFormation models for network ACLs (its EC2 backend implements them, in
moto/ec2/models/network_acls.py), so a stack's network ACLs, their rules and their subnet
associations are skipped with a warning. These models call the backend as the EC2 API does.
"""

from typing import Any

from moto.ec2.models import ec2_backends

from ._glue import Glue, as_bool, as_int, register


def _backend(account_id: str, region_name: str) -> Any:
    return ec2_backends[account_id][region_name]


@register
class NetworkAcl(Glue):
    """A custom network ACL of a VPC; the physical id is its acl- id."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::NetworkAcl"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "NetworkAcl":
        acl = _backend(account_id, region_name).create_network_acl(properties["VpcId"], tags=properties.get("Tags", []))
        return cls(acl.id, account_id, region_name, {"Id": acl.id})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        return properties.get("VpcId") == self.properties.get("VpcId")

    def remove(self) -> None:
        _backend(self.account_id, self.region_name).delete_network_acl(self.physical_id)


def _entry_arguments(properties: dict[str, Any]) -> dict[str, Any]:
    port_range = properties.get("PortRange") or {}
    icmp = properties.get("Icmp") or {}
    return {
        "network_acl_id": properties["NetworkAclId"],
        "rule_number": as_int(properties["RuleNumber"]),
        "protocol": str(properties["Protocol"]),
        "rule_action": properties["RuleAction"],
        "egress": as_bool(properties.get("Egress")),
        "cidr_block": properties.get("CidrBlock"),
        "icmp_code": as_int(icmp.get("Code")),
        "icmp_type": as_int(icmp.get("Type")),
        "port_range_from": as_int(port_range.get("From")),
        "port_range_to": as_int(port_range.get("To")),
        "ipv6_cidr_block": properties.get("Ipv6CidrBlock"),
    }


@register
class NetworkAclEntry(Glue):
    """One rule of a network ACL; the physical id is "acl-id|egress|rule-number"."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::NetworkAclEntry"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "NetworkAclEntry":
        arguments = _entry_arguments(properties)
        _backend(account_id, region_name).create_network_acl_entry(**arguments)
        physical_id = f"{arguments['network_acl_id']}|{'egress' if arguments['egress'] else 'ingress'}|{arguments['rule_number']}"
        resource = cls(physical_id, account_id, region_name)
        resource.arguments = arguments
        return resource

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        arguments = _entry_arguments(properties)
        same_slot = all(arguments[key] == self.arguments[key] for key in ("network_acl_id", "rule_number", "egress"))
        if same_slot:
            _backend(self.account_id, self.region_name).replace_network_acl_entry(**arguments)
            self.arguments = arguments
        return same_slot

    def remove(self) -> None:
        backend = _backend(self.account_id, self.region_name)
        if self.arguments["network_acl_id"] in backend.network_acls:
            backend.delete_network_acl_entry(self.arguments["network_acl_id"], self.arguments["rule_number"], self.arguments["egress"])


@register
class SubnetNetworkAclAssociation(Glue):
    """A subnet moved from its current network ACL to this one; the physical id is the association id."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::SubnetNetworkAclAssociation"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "SubnetNetworkAclAssociation":
        backend = _backend(account_id, region_name)
        association = backend.replace_network_acl_association(
            _current_association(backend, properties["SubnetId"]), properties["NetworkAclId"]
        )
        return cls(association.id, account_id, region_name, {"AssociationId": association.id})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties.get("SubnetId") != self.properties.get("SubnetId"):
            return False
        association = _backend(self.account_id, self.region_name).replace_network_acl_association(self.physical_id, properties["NetworkAclId"])
        self.physical_id = association.id
        self.attributes["AssociationId"] = association.id
        return True

    def remove(self) -> None:
        # EC2 moves a subnet back to its VPC's default network ACL when the association goes away.
        backend = _backend(self.account_id, self.region_name)
        owner = next((acl for acl in backend.network_acls.values() if self.physical_id in acl._associations), None)
        if owner is None:
            return
        default = next(acl for acl in backend.network_acls.values() if acl.default and acl.vpc_id == owner.vpc_id)
        backend.replace_network_acl_association(self.physical_id, default.id)


def _current_association(backend: Any, subnet_id: str) -> str:
    for acl in backend.network_acls.values():
        for association_id, association in acl._associations.items():
            if association.subnet_id == subnet_id:
                return association_id
    raise KeyError(f"subnet {subnet_id} has no network ACL association")

