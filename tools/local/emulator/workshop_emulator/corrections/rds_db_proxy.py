"""AWS::RDS::DBProxy and AWS::RDS::DBProxyTargetGroup.

moto lacks: CloudFormation models for both (its RDS backend implements CreateDBProxy,
RegisterDBProxyTargets and ModifyDBProxyTargetGroup), so a stack's proxy is skipped. These models
create the proxy (Ref is its name; GetAtt DBProxyArn, Endpoint, VpcId) and fill its default target
group with the template's DB instances or clusters and connection pool settings (Ref and GetAtt
TargetGroupArn are the group's ARN). A proxy change replaces the proxy; a target group change
registers the new targets and settings in place; both go with their stack.
"""

from typing import Any

from moto.rds.models import rds_backends

from ._glue import Glue, as_bool, as_int, register


@register
class DBProxy(Glue):
    """An RDS Proxy in the template's subnets and security groups."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::RDS::DBProxy"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "DBProxyName"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "DBProxy":
        proxy = rds_backends[account_id][region_name].create_db_proxy(
            db_proxy_name=properties.get("DBProxyName") or name.lower()[:60].rstrip("-"),
            engine_family=properties["EngineFamily"],
            auth=properties.get("Auth") or [],
            role_arn=properties["RoleArn"],
            vpc_subnet_ids=properties["VpcSubnetIds"],
            vpc_security_group_ids=list(properties.get("VpcSecurityGroupIds") or []),
            require_tls=as_bool(properties.get("RequireTLS")),
            idle_client_timeout=as_int(properties.get("IdleClientTimeout")),
            debug_logging=as_bool(properties.get("DebugLogging")),
            tags=properties.get("Tags"),
        )
        attributes = {"DBProxyArn": proxy.arn, "Endpoint": proxy.endpoint, "VpcId": proxy.vpc_id}
        return cls(proxy.db_proxy_name, account_id, region_name, attributes)

    def remove(self) -> None:
        rds_backends[self.account_id][self.region_name].db_proxies.pop(self.physical_id, None)


@register
class DBProxyTargetGroup(Glue):
    """The default target group of a proxy: its databases and connection pool."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::RDS::DBProxyTargetGroup"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "DBProxyTargetGroup":
        proxy = rds_backends[account_id][region_name].db_proxies[properties["DBProxyName"]]
        group = proxy.proxy_target_groups[properties.get("TargetGroupName", "default")]
        resource = cls(group.target_group_arn, account_id, region_name, {"TargetGroupArn": group.target_group_arn})
        resource.configure(properties)
        return resource

    def configure(self, properties: dict[str, Any]) -> None:
        """Registers the template's targets and applies its connection pool settings."""
        backend = rds_backends[self.account_id][self.region_name]
        backend.register_db_proxy_targets(
            db_proxy_name=properties["DBProxyName"],
            target_group_name=properties.get("TargetGroupName", "default"),
            db_cluster_identifiers=properties.get("DBClusterIdentifiers") or [],
            db_instance_identifiers=properties.get("DBInstanceIdentifiers") or [],
        )
        pool = {key: (value if key == "SessionPinningFilters" else as_int(value)) for key, value in (properties.get("ConnectionPoolConfigurationInfo") or {}).items()}
        if pool:
            backend.modify_db_proxy_target_group(properties["DBProxyName"], pool)

    def deregister(self) -> None:
        """Deregisters the targets this resource registered, when the proxy is still there."""
        backend = rds_backends[self.account_id][self.region_name]
        if self.properties["DBProxyName"] in backend.db_proxies:
            backend.deregister_db_proxy_targets(
                db_proxy_name=self.properties["DBProxyName"],
                target_group_name=self.properties.get("TargetGroupName", "default"),
                db_cluster_identifiers=self.properties.get("DBClusterIdentifiers") or [],
                db_instance_identifiers=self.properties.get("DBInstanceIdentifiers") or [],
            )

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties["DBProxyName"] != self.properties["DBProxyName"]:
            return False
        self.deregister()
        self.configure(properties)
        return True

    def remove(self) -> None:
        self.deregister()
