"""AWS::EC2::Instance with SecurityGroupIds, LaunchTemplate and NetworkInterfaces, and updates of them.

moto lacks: its model (moto/ec2/models/instances.py ``Instance.create_from_cloudformation_json``)
reads only ``SecurityGroups`` (so an instance in a VPC wears the VPC's default group instead of
``SecurityGroupIds``), ignores ``LaunchTemplate`` (so the template's MetadataOptions, such as IMDSv2
``HttpTokens: required``, and its tags are lost) and ``NetworkInterfaces`` (so such an instance
lands in the default VPC), launches with ``associate_public_ip`` False, never None (so the subnet's
MapPublicIpOnLaunch is never read and an instance in a public subnet has no public IP address), and
has no update. This correction runs the instance with all of them, lets the subnet decide the public
IP address unless the primary network interface's ``AssociatePublicIpAddress`` does (as RunInstances
does), applies the launch template's metadata options, and updates security groups, metadata
options and tags in place (other changes replace the instance, as CloudFormation does).
"""

from typing import Any

from moto.ec2.models import ec2_backends
from moto.ec2.models.instances import Instance, MetadataOptions

from ._glue import as_bool

#: Properties whose change makes CloudFormation replace an instance.
REPLACING = ("ImageId", "SubnetId", "AvailabilityZone", "LaunchTemplate", "KeyName", "PrivateIpAddress", "NetworkInterfaces")


def _network_interfaces(properties: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """NetworkInterfaces as run_instances takes them, and the primary interface's groups (the instance's)."""
    nics: list[dict[str, Any]] = []
    primary_groups: list[str] = []
    for interface in properties.get("NetworkInterfaces", []):
        nic = {key: value for key, value in interface.items() if key not in ("GroupSet", "AssociatePublicIpAddress")}
        if "AssociatePublicIpAddress" in interface:
            nic["AssociatePublicIpAddress"] = as_bool(interface["AssociatePublicIpAddress"])
        if int(interface.get("DeviceIndex", 0)) == 0:
            # run_instances gives the instance's groups to its primary interface
            primary_groups = list(interface.get("GroupSet", []))
        else:
            nic["Groups"] = list(interface.get("GroupSet", []))
        nics.append(nic)
    return nics, primary_groups


def _groups(backend: Any, properties: dict[str, Any]) -> list[Any]:
    names = properties.get("SecurityGroups", [])
    groups = [backend.get_security_group_by_name_or_id(name) for name in names]
    group_ids = properties.get("SecurityGroupIds", []) + _network_interfaces(properties)[1]
    return groups + [backend.get_security_group_from_id(group_id) for group_id in group_ids]


def _apply_launch_template(backend: Any, instance: Instance, properties: dict[str, Any]) -> None:
    if not properties.get("LaunchTemplate"):
        return
    data = backend._get_template_from_args(properties["LaunchTemplate"]).data
    if data.get("MetadataOptions"):
        instance.metadata_options = MetadataOptions(data["MetadataOptions"])


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> Instance:
    properties = cloudformation_json["Properties"]
    backend = ec2_backends[account_id][region_name]
    launch_template = properties.get("LaunchTemplate")
    nics, primary_groups = _network_interfaces(properties)
    arguments: dict[str, Any] = {
        "instance_type": properties.get("InstanceType", "m1.small"),
        "is_instance_type_default": not properties.get("InstanceType"),
        "subnet_id": properties.get("SubnetId"),
        "key_name": properties.get("KeyName"),
        "private_ip": properties.get("PrivateIpAddress"),
        "security_group_ids": properties.get("SecurityGroupIds", []) + primary_groups,
        "nics": nics,
        # None lets the subnet's MapPublicIpOnLaunch decide; the primary interface's setting overrides it
        "associate_public_ip": None,
    }
    if properties.get("BlockDeviceMappings"):
        arguments["block_device_mappings"] = properties["BlockDeviceMappings"]
    if launch_template:
        arguments["launch_template"] = launch_template
    names = [backend.get_security_group_by_name_or_id(group).name for group in properties.get("SecurityGroups", [])]
    reservation = backend.run_instances(properties.get("ImageId"), 1, properties.get("UserData"), names, **arguments)
    instance = reservation.instances[0]
    _apply_launch_template(backend, instance, properties)
    for tag in properties.get("Tags", []):
        instance.add_tag(tag["Key"], tag["Value"])
    if properties.get("IamInstanceProfile"):
        backend.associate_iam_instance_profile(instance_id=instance.id, iam_instance_profile_name=properties["IamInstanceProfile"])
    instance.workshop_properties = properties
    return instance


def update_from_cloudformation_json(
    cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
) -> Instance:
    properties = cloudformation_json["Properties"]
    backend = ec2_backends[account_id][region_name]
    previous = getattr(original_resource, "workshop_properties", {})
    if any(properties.get(key) != previous.get(key) for key in REPLACING):
        original_resource.delete(account_id, region_name)
        return create_from_cloudformation_json(cls, new_resource_name, cloudformation_json, account_id, region_name)
    original_resource.security_groups = _groups(backend, properties)
    if properties.get("InstanceType"):
        original_resource.instance_type = properties["InstanceType"]
    _apply_launch_template(backend, original_resource, properties)
    for tag in properties.get("Tags", []):
        original_resource.add_tag(tag["Key"], tag["Value"])
    original_resource.workshop_properties = properties
    return original_resource


def apply() -> None:
    """Replaces moto's Instance create and adds an update."""
    Instance.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    Instance.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
