"""Shared glue for CloudFormation models that moto's CloudFormation lacks.

moto's CloudFormation finds a model by ``cloudformation_type()`` among the direct subclasses of
``CloudFormationModel`` (``moto.cloudformation.parsing.get_model_map``, cached). A glue model here is
such a subclass that creates its resource through moto's own service backend and remembers the
physical id and the attributes ``Fn::GetAtt`` reads.
"""

from typing import Any, Callable

from moto.cloudformation import parsing
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.core.common_models import CloudFormationModel

#: Every glue model, in registration order (``register`` appends).
GLUE_MODELS: list[type[CloudFormationModel]] = []


def register(model: type[CloudFormationModel]) -> type[CloudFormationModel]:
    """Class decorator: marks a model to be put into moto's model map by ``install_models``."""
    GLUE_MODELS.append(model)
    return model


def install_models() -> None:
    """Puts every glue model into moto's (cached) model and name maps, replacing moto's own model of the type."""
    parsing.get_model_list.cache_clear()
    parsing.get_model_map.cache_clear()
    parsing.get_name_type_map.cache_clear()
    model_map = parsing.get_model_map()
    name_map = parsing.get_name_type_map()
    for model in GLUE_MODELS:
        model_map[model.cloudformation_type()] = model
        name_map[model.cloudformation_type()] = model.cloudformation_name_type()


class Glue(CloudFormationModel):
    """Base of the glue models: a physical id, GetAtt attributes, and a delete through the backend.

    Subclasses implement ``create`` (returns the resource) and ``remove``; an update replaces the
    resource unless the subclass overrides ``update_in_place``.
    """

    def __init__(self, physical_id: str, account_id: str, region_name: str, attributes: dict[str, Any] | None = None):
        self.physical_id = physical_id
        self.account_id = account_id
        self.region_name = region_name
        self.attributes = attributes or {}
        self.properties: dict[str, Any] = {}

    @property
    def physical_resource_id(self) -> str:
        return self.physical_id

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return True

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name in self.attributes:
            return self.attributes[attribute_name]
        raise UnformattedGetAttTemplateException()

    def is_created(self) -> bool:
        return True

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "Glue":
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        """Applies new properties to the existing resource; False when it must be replaced."""
        return False

    def delete(self, account_id: str, region_name: str) -> None:
        self.remove()

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[override]
        cls, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any
    ) -> "Glue":
        properties = cloudformation_json.get("Properties", {})
        resource = cls.create(resource_name, properties, account_id, region_name)
        resource.properties = properties
        return resource

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[override]
        cls, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
    ) -> "Glue":
        properties = cloudformation_json.get("Properties", {})
        if isinstance(original_resource, cls) and original_resource.update_in_place(properties):
            original_resource.properties = properties
            return original_resource
        if isinstance(original_resource, Glue):
            original_resource.remove()
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[override]
        cls, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
    ) -> None:
        # Only reached when the resource object is gone; the object's own delete() is the normal path.
        return None


def as_bool(value: Any, default: bool = False) -> bool:
    """A CloudFormation boolean (true, "true", "True") as a Python bool."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)


def as_int(value: Any, default: int | None = None) -> int | None:
    """A CloudFormation number (5, "5") as an int."""
    if value is None or value == "":
        return default
    return int(value)


def after_bucket_create_and_update(apply_properties: Callable[[str, dict[str, Any], str, str], None]) -> None:
    """Wraps moto's S3 bucket create and update (as earlier corrections left them) to run
    ``apply_properties(bucket_name, properties, account_id, region_name)`` on the bucket each makes."""
    from moto.s3.models import FakeBucket

    create = FakeBucket.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
    update = FakeBucket.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def create_from_cloudformation_json(cls: type, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> FakeBucket:
        bucket = create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        apply_properties(bucket.name, cloudformation_json.get("Properties", {}), account_id, region_name)
        return bucket

    def update_from_cloudformation_json(
        cls: type, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str
    ) -> FakeBucket:
        bucket = update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
        apply_properties(bucket.name, cloudformation_json.get("Properties", {}), account_id, region_name)
        return bucket

    FakeBucket.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign,assignment]
    FakeBucket.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign,assignment]
