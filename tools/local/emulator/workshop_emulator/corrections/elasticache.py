"""AWS::ElastiCache::SubnetGroup and AWS::ElastiCache::ReplicationGroup.

moto lacks: CloudFormation models for both (its ElastiCache backend implements
CreateCacheSubnetGroup and CreateReplicationGroup), so a stack's cache is skipped. Its backend also
ignores ``NumCacheClusters`` when cluster mode is off (one node, whatever the count), places every
node in us-east-1a/us-east-1b whatever the Region and the subnet group, keeps the member clusters
out of DescribeCacheClusters (and a "valkey" node out of its group), shows no ReaderEndpoint nor a
subnet's zone or a node's security groups, and leaves a deleted group listed as "deleting" for ever. These models
create the subnet group and the replication group through the backend, with ``NumCacheClusters``
nodes in the subnet group's Availability Zones (or ``PreferredCacheClusterAZs``), each node a cache
cluster wearing the group's security groups and subnet group; GetAtt gives the endpoints
(``PrimaryEndPoint.Address``, ``ReaderEndPoint.Address``, their ports, ``ReadEndPoint.Addresses``).
Description, node type, failover, Multi-AZ, snapshot retention, security groups and transit
encryption update in place; other changes replace the group, as CloudFormation does. A delete
removes the group and its nodes.
"""

from typing import Any

from moto.elasticache.models import elasticache_backends

from ._glue import Glue, as_bool, as_int, register

#: ReplicationGroup properties CloudFormation changes without replacing the group.
IN_PLACE = (
    "ReplicationGroupDescription",
    "CacheNodeType",
    "AutomaticFailoverEnabled",
    "MultiAZEnabled",
    "SnapshotRetentionLimit",
    "SecurityGroupIds",
    "TransitEncryptionEnabled",
    "Tags",
)


def _name(generated: str, limit: int) -> str:
    """A CloudFormation-generated ElastiCache name: lower case, within the service's length limit."""
    return generated.lower()[:limit].rstrip("-")


@register
class SubnetGroup(Glue):
    """A cache subnet group; Ref is its name."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ElastiCache::SubnetGroup"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "CacheSubnetGroupName"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "SubnetGroup":
        name = properties.get("CacheSubnetGroupName") or _name(name, 255)
        group = elasticache_backends[account_id][region_name].create_cache_subnet_group(
            cache_subnet_group_name=name,
            cache_subnet_group_description=properties.get("Description", ""),
            subnet_ids=properties["SubnetIds"],
            tags=properties.get("Tags"),
        )
        for subnet in group.subnets:
            # DescribeCacheSubnetGroups shows SubnetAvailabilityZone.Name; moto stored the bare name, shown as {}.
            zone = subnet.pop("subnet_availability_zone", None) or subnet.pop("Subnet_availability_zone", {}).get("Name")
            subnet["subnet_availability_zone"] = {"name": zone}
        return cls(name, account_id, region_name)

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties.get("CacheSubnetGroupName", self.physical_id) != self.physical_id or properties["SubnetIds"] != self.properties.get("SubnetIds"):
            return False
        group = elasticache_backends[self.account_id][self.region_name].cache_subnet_groups[self.physical_id]
        group.cache_subnet_group_description = properties.get("Description", "")
        return True

    def remove(self) -> None:
        elasticache_backends[self.account_id][self.region_name].cache_subnet_groups.pop(self.physical_id, None)


def _availability_zones(properties: dict[str, Any], account_id: str, region_name: str) -> list[str]:
    """Where the nodes go: PreferredCacheClusterAZs, else the subnet group's zones in turn (one node per zone first)."""
    if properties.get("PreferredCacheClusterAZs"):
        return list(properties["PreferredCacheClusterAZs"])
    group = elasticache_backends[account_id][region_name].cache_subnet_groups.get(properties.get("CacheSubnetGroupName", ""))
    zones = sorted({subnet["subnet_availability_zone"]["name"] for subnet in group.subnets}) if group else []
    count = as_int(properties.get("NumCacheClusters"), 1) or 1
    zones = zones or [f"{region_name}a", f"{region_name}b"]
    return [zones[index % len(zones)] for index in range(count)]


def _security_groups(group_ids: list[str] | None) -> list[dict[str, str]]:
    """A cache cluster's SecurityGroups as DescribeCacheClusters shows them (moto kept the ids only)."""
    return [{"security_group_id": group_id, "status": "active"} for group_id in group_ids or []]


@register
class ReplicationGroup(Glue):
    """A Valkey or Redis OSS replication group with its nodes as cache clusters; Ref is its id."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ElastiCache::ReplicationGroup"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "ReplicationGroupId"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "ReplicationGroup":
        backend = elasticache_backends[account_id][region_name]
        group_id = properties.get("ReplicationGroupId") or _name(name, 40)
        count = as_int(properties.get("NumCacheClusters"))
        replicas = as_int(properties.get("ReplicasPerNodeGroup"))
        engine = properties.get("Engine", "redis")
        group = backend.create_replication_group(
            replication_group_id=group_id,
            replication_group_description=properties.get("ReplicationGroupDescription", ""),
            global_replication_group_id=properties.get("GlobalReplicationGroupId"),
            primary_cluster_id=properties.get("PrimaryClusterId"),
            automatic_failover_enabled=as_bool(properties.get("AutomaticFailoverEnabled")),
            multi_az_enabled=as_bool(properties.get("MultiAZEnabled")),
            num_cache_clusters=count,
            preferred_cache_cluster_azs=_availability_zones(properties, account_id, region_name),
            num_node_groups=as_int(properties.get("NumNodeGroups")),
            # moto counts the nodes of a group without cluster mode from the replicas alone.
            replicas_per_node_group=replicas if replicas is not None else (count - 1 if count else None),
            node_group_configuration=properties.get("NodeGroupConfiguration"),
            cache_node_type=properties.get("CacheNodeType"),
            engine=engine,
            engine_version=properties.get("EngineVersion"),
            cache_parameter_group_name=properties.get("CacheParameterGroupName"),
            cache_subnet_group_name=properties.get("CacheSubnetGroupName"),
            cache_security_group_names=properties.get("CacheSecurityGroupNames"),
            security_group_ids=properties.get("SecurityGroupIds"),
            tags=properties.get("Tags"),
            snapshot_arns=properties.get("SnapshotArns"),
            snapshot_name=properties.get("SnapshotName"),
            preferred_maintenance_window=properties.get("PreferredMaintenanceWindow"),
            port=as_int(properties.get("Port")),
            notification_topic_arn=properties.get("NotificationTopicArn"),
            auto_minor_version_upgrade=as_bool(properties.get("AutoMinorVersionUpgrade"), default=True),
            snapshot_retention_limit=as_int(properties.get("SnapshotRetentionLimit")),
            snapshot_window=properties.get("SnapshotWindow"),
            auth_token=properties.get("AuthToken"),
            transit_encryption_enabled=as_bool(properties.get("TransitEncryptionEnabled")),
            at_rest_encryption_enabled=as_bool(properties.get("AtRestEncryptionEnabled")),
            kms_key_id=properties.get("KmsKeyId"),
            user_group_ids=properties.get("UserGroupIds"),
            log_delivery_configurations=properties.get("LogDeliveryConfigurations"),
            data_tiering_enabled=as_bool(properties.get("DataTieringEnabled")),
            network_type=properties.get("NetworkType"),
            ip_discovery=properties.get("IpDiscovery"),
            transit_encryption_mode=properties.get("TransitEncryptionMode"),
            cluster_mode=properties.get("ClusterMode"),
            serverless_cache_snapshot_name=None,
        )
        for node_group in group.node_groups:
            if "reader_endpoint_address" in node_group:
                # DescribeReplicationGroups shows ReaderEndpoint; moto kept its address unshown.
                node_group["reader_endpoint"] = {"address": node_group["reader_endpoint_address"], "port": group.port}
            for member in node_group["node_group_members"]:
                cluster = backend.create_cache_cluster(
                    cache_cluster_id=member["cache_cluster_id"],
                    replication_group_id=group_id,
                    az_mode="single-az",
                    preferred_availability_zone=member["preferred_availability_zone"],
                    num_cache_nodes=1,
                    cache_node_type=group.cache_node_type,
                    engine=engine,
                    engine_version=group.engine_version,
                    cache_parameter_group_name=group.cache_parameter_group_name,
                    cache_subnet_group_name=group.cache_subnet_group_name,
                    transit_encryption_enabled=group.transit_encryption_enabled,
                    network_type=group.network_type,
                    ip_discovery=group.ip_discovery,
                    snapshot_name=None,
                    preferred_maintenance_window=group.preferred_maintenance_window,
                    port=group.port,
                    notification_topic_arn=group.notification_topic_arn,
                    auto_minor_version_upgrade=group.auto_minor_version_upgrade,
                    snapshot_retention_limit=group.snapshot_retention_limit,
                    snapshot_window=group.snapshot_window,
                    auth_token=None,
                    outpost_mode=None,
                    preferred_outpost_arn=None,
                    preferred_availability_zones=[],
                    cache_security_group_names=[],
                    security_group_ids=group.security_group_ids or [],
                    tags=[],
                    snapshot_arns=[],
                    preferred_outpost_arns=[],
                    log_delivery_configurations=[],
                    cache_node_ids_to_remove=[],
                    cache_node_ids_to_reboot=[],
                )
                # moto sets the group of a "redis" cluster only; a "valkey" node belongs to its group too.
                cluster.replication_group_id = group_id
                cluster.at_rest_encryption_enabled = group.at_rest_encryption_enabled
                cluster.security_groups = _security_groups(group.security_group_ids)
        resource = cls(group_id, account_id, region_name)
        resource.describe_endpoints()
        return resource

    def describe_endpoints(self) -> None:
        """The GetAtt attributes of the group: its endpoints and ports."""
        group = elasticache_backends[self.account_id][self.region_name].replication_groups[self.physical_id]
        first = group.node_groups[0]
        port = str(group.port)
        if group.cluster_enabled:
            self.attributes = {"ConfigurationEndPoint.Address": group.configuration_endpoint["address"], "ConfigurationEndPoint.Port": port}
            return
        readers = [member["read_endpoint"]["address"] for member in first["node_group_members"]]
        self.attributes = {
            "PrimaryEndPoint.Address": first["primary_endpoint_address"],
            "PrimaryEndPoint.Port": port,
            "ReaderEndPoint.Address": first["reader_endpoint_address"],
            "ReaderEndPoint.Port": port,
            "ReadEndPoint.Addresses": ",".join(readers),
            "ReadEndPoint.Ports": ",".join(port for _ in readers),
            "ReadEndPoint.Addresses.List": readers,
            "ReadEndPoint.Ports.List": [port for _ in readers],
        }

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        changed = {key for key in set(properties) | set(self.properties) if properties.get(key) != self.properties.get(key)}
        if not changed <= set(IN_PLACE):
            return False
        backend = elasticache_backends[self.account_id][self.region_name]
        group = backend.modify_replication_group(
            replication_group_id=self.physical_id,
            replication_group_description=properties.get("ReplicationGroupDescription", ""),
            engine=None,
            cache_node_type=properties.get("CacheNodeType"),
            automatic_failover_enabled=as_bool(properties.get("AutomaticFailoverEnabled")),
            multi_az_enabled=as_bool(properties.get("MultiAZEnabled")),
            snapshot_retention_limit=as_int(properties.get("SnapshotRetentionLimit"), 0),
        )
        # ModifyReplicationGroup in moto takes neither the security groups nor transit encryption.
        group.security_group_ids = properties.get("SecurityGroupIds") or []
        group.transit_encryption_enabled = as_bool(properties.get("TransitEncryptionEnabled"))
        for cluster_id in group.member_clusters:
            cluster = backend.cache_clusters[cluster_id]
            cluster.security_group_ids = group.security_group_ids
            cluster.security_groups = _security_groups(group.security_group_ids)
            cluster.transit_encryption_enabled = group.transit_encryption_enabled
            cluster.cache_node_type = group.cache_node_type
        old_keys = [tag["Key"] for tag in backend.tagging_service.list_tags_for_resource(group.arn)["Tags"]]
        backend.tagging_service.untag_resource_using_names(group.arn, old_keys)
        if properties.get("Tags"):
            backend.tagging_service.tag_resource(group.arn, properties["Tags"])
        return True

    def remove(self) -> None:
        backend = elasticache_backends[self.account_id][self.region_name]
        group = backend.replication_groups.pop(self.physical_id, None)
        if group is not None:
            for cluster_id in group.member_clusters:
                backend.cache_clusters.pop(cluster_id, None)
