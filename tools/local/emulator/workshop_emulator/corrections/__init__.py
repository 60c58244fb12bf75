"""The corrections, one module each; every module's docstring says what moto lacks.

A module registers CloudFormation models (``_glue.register``) and may define ``apply()`` to patch a
moto function it corrects. Delete a module when a moto release carries its fix (README.md).
"""

import importlib
from types import ModuleType

#: The correction modules, in the order they are applied.
CORRECTIONS = (
    "update_parameters",
    "update_fallback",
    "update_order",
    "route_table_association",
    "ec2_route",
    "vpc_network_delete",
    "network_acl",
    "security_group_rules",
    "security_group",
    "subnet_public_ip",
    "ec2_instance",
    "rds_db_instance",
    "rds_read_replica",
    "rds_db_proxy",
    "s3_bucket",
    "s3_bucket_data_protection",
    "s3_intelligent_tiering",
    "s3_bucket_policy",
    "s3_policy_conditions",
    "autoscaling_scaling_policy",
    "cloudfront",
    "cloudtrail_trail",
    "cloudwatch_alarm",
    "guardduty_detector",
    "secretsmanager",
    "wafv2",
    "wafv2_list_resources",
    "elasticache",
    "autoscaling_scheduled_action",
    "ssm_parameter",
    "backup",
    "route53_routing",
)

_applied: list[ModuleType] = []


def apply() -> list[ModuleType]:
    """Imports every correction, runs its patch, and puts the glue models into moto's model map (once)."""
    if _applied:
        return _applied
    from ._glue import install_models

    for name in CORRECTIONS:
        module = importlib.import_module(f"{__name__}.{name}")
        if hasattr(module, "apply"):
            module.apply()
        _applied.append(module)
    install_models()
    return _applied
