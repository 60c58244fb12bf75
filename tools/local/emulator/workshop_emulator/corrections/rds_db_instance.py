"""AWS::RDS::DBInstance with VPCSecurityGroups and DeletionProtection, and updates of it.

moto lacks: its model (moto/rds/models.py ``DBInstance.create_from_cloudformation_json``) reads
``VpcSecurityGroupIds``, a property CloudFormation does not have (the property is
``VPCSecurityGroups``), so the instance wears no security group; it drops ``DeletionProtection``;
and it has no update, so changing MultiAZ or the backup retention in a stack changes nothing. This
correction passes both properties (and the template's numbers as numbers) and updates through ``RDSBackend.modify_db_instance``.
"""

from typing import Any

from moto.rds.models import DBInstance, rds_backends

from ._glue import as_bool, as_int

_moto_create = DBInstance.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

#: Properties whose change makes CloudFormation replace a DB instance.
REPLACING = ("DBName", "Engine", "MasterUsername", "DBSubnetGroupName", "StorageEncrypted", "DBInstanceIdentifier", "AvailabilityZone")


#: Number properties a template may give as strings ("20"), which moto compares with numbers.
NUMBERS = ("AllocatedStorage", "MaxAllocatedStorage", "Port", "BackupRetentionPeriod", "Iops")


def _modifiable(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "vpc_security_group_ids": properties.get("VPCSecurityGroups") or properties.get("VpcSecurityGroupIds"),
        "deletion_protection": as_bool(properties.get("DeletionProtection")),
        "multi_az": as_bool(properties.get("MultiAZ")),
        "backup_retention_period": as_int(properties.get("BackupRetentionPeriod")),
        "allocated_storage": as_int(properties.get("AllocatedStorage")),
        "db_instance_class": properties.get("DBInstanceClass"),
        "engine_version": properties.get("EngineVersion"),
        "publicly_accessible": as_bool(properties.get("PubliclyAccessible")) if "PubliclyAccessible" in properties else None,
        "copy_tags_to_snapshot": as_bool(properties.get("CopyTagsToSnapshot")) if "CopyTagsToSnapshot" in properties else None,
        "storage_type": properties.get("StorageType"),
    }


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> DBInstance:
    properties = cloudformation_json["Properties"]
    for key in NUMBERS:
        if key in properties:
            properties[key] = as_int(properties[key])
    if properties.get("VPCSecurityGroups") and not properties.get("VpcSecurityGroupIds"):
        properties["VpcSecurityGroupIds"] = properties["VPCSecurityGroups"]
    database = _moto_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    database.deletion_protection = as_bool(properties.get("DeletionProtection"))
    database.workshop_properties = properties
    return database


def update_from_cloudformation_json(
    cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
) -> DBInstance:
    properties = cloudformation_json["Properties"]
    previous = getattr(original_resource, "workshop_properties", {})
    if any(properties.get(key) != previous.get(key) for key in REPLACING):
        original_resource.delete(account_id, region_name)
        return create_from_cloudformation_json(cls, new_resource_name, cloudformation_json, account_id, region_name)
    changes = {key: value for key, value in _modifiable(properties).items() if value is not None}
    database = rds_backends[account_id][region_name].modify_db_instance(original_resource.db_instance_identifier, changes)
    database.workshop_properties = properties
    return database


def apply() -> None:
    """Wraps moto's DBInstance create and adds an update."""
    DBInstance.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    DBInstance.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
