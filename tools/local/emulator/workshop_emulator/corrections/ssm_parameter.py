"""AWS::SSM::Parameter with Tags and GetAtt Type and Value.

moto lacks: its model (moto/ssm/models.py ``Parameter.create_from_cloudformation_json``) passes
the template's ``Tags`` (a map in CloudFormation) to PutParameter as a list of Key/Value pairs, a
TypeError that fails the stack, leaves a parameter without ``Name`` nameless, and answers no
``Fn::GetAtt`` (``Type``, ``Value``). This correction turns the map into the list, names an
unnamed parameter as CloudFormation does (stack, logical id, random suffix) and answers both
attributes; Ref stays the name, as in CloudFormation.
"""

from typing import Any

from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.ssm.models import Parameter

_moto_create = Parameter.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> Parameter:
    properties = {"Name": resource_name, **cloudformation_json["Properties"]}
    if isinstance(properties.get("Tags"), dict):
        properties["Tags"] = [{"Key": key, "Value": value} for key, value in properties["Tags"].items()]
    return _moto_create(cls, resource_name, {**cloudformation_json, "Properties": properties}, account_id, region_name, **kwargs)


def has_cfn_attr(cls: type, attr: str) -> bool:
    return attr in ("Type", "Value")


def get_cfn_attribute(self: Parameter, attribute_name: str) -> Any:
    if attribute_name == "Type":
        return self.parameter_type
    if attribute_name == "Value":
        return self.value
    raise UnformattedGetAttTemplateException()


def apply() -> None:
    """Wraps moto's Parameter create and adds its GetAtt attributes."""
    Parameter.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    Parameter.has_cfn_attr = classmethod(has_cfn_attr)  # type: ignore[method-assign,assignment]
    Parameter.get_cfn_attribute = get_cfn_attribute  # type: ignore[method-assign,assignment]
