"""UpdateStack with ``UsePreviousValue`` for a parameter the stack was created without.

moto lacks: ``CloudFormationBackend._resolve_update_parameters`` reads ``stack.parameters[key]`` for
every parameter sent with ``UsePreviousValue``. ``stack.parameters`` holds only the values passed at
creation, so a parameter that took its template default (the CDK's ``BootstrapVersion``, an SSM AMI
parameter) raises KeyError and the update answers HTTP 500. CloudFormation keeps using the default
in that case; this correction leaves such a parameter out, so the new template's default applies.
"""

from typing import Any

from moto.cloudformation.models import CloudFormationBackend


def _resolve_update_parameters(self: CloudFormationBackend, instance: Any, incoming_params: list[dict[str, str]]) -> dict[str, str]:
    parameters = {
        parameter["ParameterKey"]: parameter["ParameterValue"] for parameter in incoming_params if "ParameterValue" in parameter
    }
    for parameter in incoming_params:
        key = parameter["ParameterKey"]
        if parameter.get("UsePreviousValue", False) and key in instance.parameters:
            parameters[key] = instance.parameters[key]
    return parameters


def apply() -> None:
    """Replaces moto's parameter resolution of UpdateStack and UpdateStackSet."""
    CloudFormationBackend._resolve_update_parameters = _resolve_update_parameters  # type: ignore[method-assign]
