"""A cross-Region read replica (AWS::RDS::DBInstance with a source DB instance ARN) in its own Region.

moto lacks: ``RDSBackend.create_db_instance_read_replica`` (moto/rds/models.py) copies the source
instance and applies the new settings in the order given, the replica's own backend last, so a
``DBSubnetGroupName`` of the replica's Region is looked up in the source's Region
(DBSubnetGroupNotFoundFault fails the stack) and the replica keeps the source's Availability Zone
(us-east-1a in ap-northeast-1); and ``DBInstance.remove_replica`` removes the replica by its
identifier while a cross-Region replica is listed by its ARN (``add_replica``), so deleting the
replica, or its stack, fails with a ValueError. This correction hands the replica its backend
first, places it in its subnet group's first zone (or the Region's first) when the copied zone is
not of its Region, and removes a cross-Region replica from its source by ARN.
"""

from typing import Any

from moto.rds.models import DBInstance, RDSBackend

_moto_create_replica = RDSBackend.create_db_instance_read_replica


def create_db_instance_read_replica(self: RDSBackend, db_kwargs: dict[str, Any]) -> DBInstance:
    """moto's CreateDBInstanceReadReplica, with the replica's Region settled before its settings."""
    if self.arn_regex.match(db_kwargs["source_db_instance_identifier"]):
        db_kwargs = {"backend": self, **db_kwargs}
    replica = _moto_create_replica(self, db_kwargs)
    if not replica.availability_zone.startswith(self.region_name):
        subnets = replica.db_subnet_group.subnets if replica._db_subnet_group_name else []
        replica.availability_zone = subnets[0]["SubnetAvailabilityZone"]["Name"] if subnets else f"{self.region_name}a"
    return replica


def remove_replica(self: DBInstance, replica: DBInstance) -> None:
    """Removes a replica from the source's list, by ARN when it is in another Region (as add_replica lists it)."""
    self.replicas.remove(replica.db_instance_arn if self.region != replica.region else replica.db_instance_identifier)


def apply() -> None:
    """Replaces moto's create_db_instance_read_replica and DBInstance.remove_replica."""
    RDSBackend.create_db_instance_read_replica = create_db_instance_read_replica  # type: ignore[method-assign]
    DBInstance.remove_replica = remove_replica  # type: ignore[method-assign]
