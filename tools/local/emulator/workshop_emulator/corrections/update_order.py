"""UpdateStack creates and updates resources in dependency order; DeleteStack deletes in reverse.

moto lacks: ``ResourceMap.update`` (moto/cloudformation/parsing.py) creates every added resource
first and updates the modified ones afterwards. An added resource that references a modified one
(a new ingress rule naming a security group the update replaces or changes) then reads the old
value. CloudFormation orders the whole update by the template's dependencies; this correction does
the same for added and modified resources (Ref, Fn::GetAtt, Fn::Sub and DependsOn), keeping moto's
removal pass and its retries. When an update replaces a resource (a new physical id), the resources
that refer to it are updated too, as CloudFormation does, and the replaced ones are deleted at the
end (``update_fallback.clean_up``).

``ResourceMap.delete`` has the same gap: it deletes the stack's resources in the order of a set of
their names (a new order in every process) and tries again, in further passes, those whose delete
raised. That only works for a delete that raises before it changes anything: ``delete_db_instance``
removes a read replica before it looks up the replica's source, so when the source database went
first, the replica's delete raised DBInstanceNotFound, its next try found no replica, and the stack's
delete failed ("DBInstance ...readreplica... not found") with the stack gone anyway. CloudFormation
deletes a resource before what it refers to; this correction does the same, keeping moto's retry
passes and its handling of retained resources.
"""

import re
import warnings
from typing import Any

from moto.cloudformation import parsing

from .update_fallback import clean_up

_SUB_REFERENCE = re.compile(r"\$\{([^}!.]+)[^}]*\}")


def references(value: Any) -> set[str]:
    """The logical ids a template fragment refers to."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and isinstance(item, str):
                found.add(item)
            elif key == "Fn::GetAtt":
                target = item[0] if isinstance(item, list) else str(item).split(".")[0]
                found.add(target)
            elif key == "Fn::Sub":
                text = item[0] if isinstance(item, list) else item
                found.update(_SUB_REFERENCE.findall(text) if isinstance(text, str) else [])
                found.update(references(item))
            else:
                found.update(references(item))
    elif isinstance(value, list):
        for item in value:
            found.update(references(item))
    return found


def dependency_order(names: list[str], resources: dict[str, Any]) -> list[str]:
    """``names`` ordered so that each comes after the names among them it depends on."""
    wanted = set(names)
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered or name in visiting:
            return
        visiting.add(name)
        resource = resources[name]
        depends_on = resource.get("DependsOn", [])
        for dependency in sorted((references(resource) | set([depends_on] if isinstance(depends_on, str) else depends_on)) & wanted):
            visit(dependency)
        visiting.discard(name)
        ordered.append(name)

    for name in names:
        visit(name)
    return ordered


def update(self: parsing.ResourceMap, template: dict[str, Any], parameters: dict[str, Any] | None = None) -> None:
    resource_names_by_action = self.build_resource_diff(template, parameters)

    tries = 1
    last_exception: Exception | None = None
    while resource_names_by_action["Remove"] and tries < parsing.MAX_UPDATE_ATTEMPTS:
        for logical_name in resource_names_by_action["Remove"].copy():
            resource_json = self._resource_json_map[logical_name]
            try:
                if logical_name in self._parsed_resources:
                    self._delete_resource(self._parsed_resources[logical_name], resource_json)
                    del self._parsed_resources[logical_name]
                else:
                    warnings.warn(f"Unable to delete {logical_name}, as it was never created", stacklevel=2)
            except Exception as error:  # a dependency violation: try again in the next pass
                last_exception = error
            else:
                resource_names_by_action["Remove"].remove(logical_name)
        tries += 1
    if resource_names_by_action["Remove"] and last_exception:
        raise last_exception

    self._template = template
    if parameters:
        self.input_parameters = parameters
    self.load_mapping()
    self.load_parameters()
    self.load_conditions()
    self._resource_json_map = template["Resources"]

    added = set(resource_names_by_action["Add"])
    resources = template["Resources"]
    everything = dependency_order(list(resources), resources)
    pending = [name for name in everything if name in added or name in resource_names_by_action["Modify"]]
    tries = 1
    while pending and tries < parsing.MAX_UPDATE_ATTEMPTS:
        failed: list[str] = []
        queue = list(pending)
        for logical_name in queue:  # grows while it runs: the referrers of a replaced resource join it
            before = getattr(self._parsed_resources.get(logical_name), "physical_resource_id", None)
            try:
                if logical_name in added:
                    _ = self[logical_name]
                else:
                    self._parsed_resources[logical_name] = parsing.parse_and_update_resource(
                        logical_name, self._resource_json_map[logical_name], self, account_id=self._account_id, region_name=self._region_name
                    )
            except Exception as error:  # a dependency violation: try again in the next pass
                last_exception = error
                failed.append(logical_name)
                continue
            after = getattr(self._parsed_resources.get(logical_name), "physical_resource_id", None)
            if before is not None and after != before:
                # Replaced: CloudFormation updates every resource that refers to it, so they name the new one.
                queue.extend(
                    name
                    for name in everything
                    if name not in queue and name in self._parsed_resources and logical_name in references(resources[name])
                )
        pending = failed
        tries += 1
    if pending and last_exception:
        raise last_exception
    clean_up(self)


def delete(self: parsing.ResourceMap) -> None:
    resources = self._resource_json_map
    remaining = [
        name for name in reversed(dependency_order(list(resources), resources)) if resources[name].get("DeletionPolicy") != "Retain"
    ]
    last_exception: Exception | None = None
    while remaining:
        failed: list[str] = []
        for logical_name in remaining:
            parsed_resource = self._parsed_resources.get(logical_name)
            if parsed_resource is None or isinstance(parsed_resource, str):
                continue  # never created (a false condition): nothing to delete
            try:
                self._delete_resource(parsed_resource, resources[logical_name])
            except Exception as error:  # a dependency the template does not show: try again in the next pass
                last_exception = error
                failed.append(logical_name)
            else:
                self._parsed_resources.pop(logical_name)
        if len(failed) == len(remaining) and last_exception:
            raise last_exception
        remaining = failed


def apply() -> None:
    """Replaces moto's ResourceMap.update and ResourceMap.delete."""
    parsing.ResourceMap.update = update  # type: ignore[method-assign]
    parsing.ResourceMap.delete = delete  # type: ignore[method-assign]
