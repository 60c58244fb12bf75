"""AWS::Backup::BackupVault, AWS::Backup::BackupPlan and AWS::Backup::BackupSelection.

moto lacks: CloudFormation models for all three (its Backup backend implements CreateBackupVault
and CreateBackupPlan, not UpdateBackupPlan), and backup selections altogether: no
CreateBackupSelection, GetBackupSelection, ListBackupSelections or DeleteBackupSelection. This
correction adds the four selection actions to the backend and its responses, in moto's style (a
selection is kept as sent, under its plan), and models for the three types: the vault (Ref is its
name; tags update in place), the plan (the template's ``BackupPlanRule`` shape turned into the
API's ``Rules``, numbers as numbers; Ref is the plan id; an update is a new version of the same
plan, as UpdateBackupPlan makes) and the selection (Ref is the selection id; any change replaces
it, as in CloudFormation).
"""

import json
from typing import Any

from moto.backup.exceptions import ResourceNotFoundException
from moto.backup.models import BackupBackend, Plan, backup_backends
from moto.backup.responses import BackupResponse
from moto.core.utils import unix_time
from moto.moto_api._internal import mock_random

from ._glue import Glue, as_bool, as_int, register


class Selection:
    """A backup selection: which resources a plan backs up, by ARN or by tag."""

    def __init__(self, backup_plan_id: str, selection: dict[str, Any], creator_request_id: str | None):
        self.selection_id = str(mock_random.uuid4())
        self.backup_plan_id = backup_plan_id
        self.selection = selection
        self.creator_request_id = creator_request_id
        self.creation_date = unix_time()

    def to_get_dict(self) -> dict[str, Any]:
        found = {"BackupSelection": self.selection, "SelectionId": self.selection_id, "BackupPlanId": self.backup_plan_id, "CreationDate": self.creation_date}
        if self.creator_request_id:
            found["CreatorRequestId"] = self.creator_request_id
        return found

    def to_list_dict(self) -> dict[str, Any]:
        found = {key: value for key, value in self.to_get_dict().items() if key != "BackupSelection"}
        return {**found, "SelectionName": self.selection["SelectionName"], "IamRoleArn": self.selection["IamRoleArn"]}


def _selections(backend: BackupBackend) -> dict[str, Selection]:
    if not hasattr(backend, "selections"):
        backend.selections = {}  # type: ignore[attr-defined]
    return backend.selections  # type: ignore[attr-defined,no-any-return]


def create_backup_selection(self: BackupBackend, backup_plan_id: str, backup_selection: dict[str, Any], creator_request_id: str | None) -> Selection:
    """CreateBackupSelection."""
    self.get_backup_plan(backup_plan_id, None)
    selection = Selection(backup_plan_id, backup_selection, creator_request_id)
    _selections(self)[selection.selection_id] = selection
    return selection


def get_backup_selection(self: BackupBackend, backup_plan_id: str, selection_id: str) -> Selection:
    """GetBackupSelection."""
    selection = _selections(self).get(selection_id)
    if selection is None or selection.backup_plan_id != backup_plan_id:
        raise ResourceNotFoundException(msg=f"Failed reading backup selection {selection_id} of plan {backup_plan_id}")
    return selection


def list_backup_selections(self: BackupBackend, backup_plan_id: str) -> list[Selection]:
    """ListBackupSelections (without pagination)."""
    self.get_backup_plan(backup_plan_id, None)
    return [selection for selection in _selections(self).values() if selection.backup_plan_id == backup_plan_id]


def delete_backup_selection(self: BackupBackend, backup_plan_id: str, selection_id: str) -> None:
    """DeleteBackupSelection."""
    self.get_backup_selection(backup_plan_id, selection_id)  # type: ignore[attr-defined]
    _selections(self).pop(selection_id)


def _plan_and_selection(response: BackupResponse) -> tuple[str, str]:
    parts = response.path.split("/plans/")[-1].strip("/").split("/")
    return parts[0], parts[2] if len(parts) > 2 else ""


def response_create_backup_selection(self: BackupResponse) -> str:
    params = json.loads(self.body)
    plan_id, _ = _plan_and_selection(self)
    selection = self.backup_backend.create_backup_selection(plan_id, params["BackupSelection"], params.get("CreatorRequestId"))  # type: ignore[attr-defined]
    return json.dumps({"SelectionId": selection.selection_id, "BackupPlanId": plan_id, "CreationDate": selection.creation_date})


def response_get_backup_selection(self: BackupResponse) -> str:
    plan_id, selection_id = _plan_and_selection(self)
    return json.dumps(self.backup_backend.get_backup_selection(plan_id, selection_id).to_get_dict())  # type: ignore[attr-defined]


def response_list_backup_selections(self: BackupResponse) -> str:
    plan_id, _ = _plan_and_selection(self)
    return json.dumps({"BackupSelectionsList": [selection.to_list_dict() for selection in self.backup_backend.list_backup_selections(plan_id)]})  # type: ignore[attr-defined]


def response_delete_backup_selection(self: BackupResponse) -> str:
    plan_id, selection_id = _plan_and_selection(self)
    self.backup_backend.delete_backup_selection(plan_id, selection_id)  # type: ignore[attr-defined]
    return "{}"


def _lifecycle(lifecycle: dict[str, Any] | None) -> dict[str, Any] | None:
    if not lifecycle:
        return None
    return {key: (as_bool(value) if key == "OptInToArchiveForSupportedResources" else as_int(value)) for key, value in lifecycle.items()}


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    """A CloudFormation BackupRuleResourceType as the API's BackupRuleInput."""
    found: dict[str, Any] = {"RuleName": rule["RuleName"], "TargetBackupVaultName": rule["TargetBackupVault"]}
    for key in ("ScheduleExpression", "ScheduleExpressionTimezone", "RecoveryPointTags"):
        if rule.get(key):
            found[key] = rule[key]
    for key in ("StartWindowMinutes", "CompletionWindowMinutes"):
        if rule.get(key) is not None:
            found[key] = as_int(rule[key])
    if rule.get("EnableContinuousBackup") is not None:
        found["EnableContinuousBackup"] = as_bool(rule["EnableContinuousBackup"])
    if _lifecycle(rule.get("Lifecycle")):
        found["Lifecycle"] = _lifecycle(rule["Lifecycle"])
    copies = []
    for copy in rule.get("CopyActions") or []:
        action: dict[str, Any] = {"DestinationBackupVaultArn": copy["DestinationBackupVaultArn"]}
        if _lifecycle(copy.get("Lifecycle")):
            action["Lifecycle"] = _lifecycle(copy["Lifecycle"])
        copies.append(action)
    if copies:
        found["CopyActions"] = copies
    return found


def plan_input(document: dict[str, Any]) -> dict[str, Any]:
    """A CloudFormation BackupPlanResourceType as the API's BackupPlanInput."""
    found: dict[str, Any] = {"BackupPlanName": document["BackupPlanName"], "Rules": [_rule(rule) for rule in document["BackupPlanRule"]]}
    if document.get("AdvancedBackupSettings"):
        found["AdvancedBackupSettings"] = document["AdvancedBackupSettings"]
    return found


@register
class BackupVault(Glue):
    """A backup vault; Ref is its name."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Backup::BackupVault"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "BackupVaultName"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "BackupVault":
        vault = backup_backends[account_id][region_name].create_backup_vault(
            backup_vault_name=name,
            backup_vault_tags=properties.get("BackupVaultTags") or {},
            encryption_key_arn=properties.get("EncryptionKeyArn"),
            creator_request_id=None,
        )
        return cls(name, account_id, region_name, {"BackupVaultName": name, "BackupVaultArn": vault.backup_vault_arn})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties.get("BackupVaultName", self.physical_id) != self.physical_id or properties.get("EncryptionKeyArn") != self.properties.get("EncryptionKeyArn"):
            return False
        backend = backup_backends[self.account_id][self.region_name]
        arn = self.attributes["BackupVaultArn"]
        backend.untag_resource(arn, list(backend.list_tags(arn)))
        backend.tag_resource(arn, properties.get("BackupVaultTags") or {})
        return True

    def remove(self) -> None:
        backup_backends[self.account_id][self.region_name].delete_backup_vault(self.physical_id)


@register
class BackupPlan(Glue):
    """A backup plan; Ref is its id, an update its next version."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Backup::BackupPlan"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "BackupPlan":
        plan = backup_backends[account_id][region_name].create_backup_plan(
            backup_plan=plan_input(properties["BackupPlan"]), backup_plan_tags=properties.get("BackupPlanTags") or {}, creator_request_id=None
        )
        resource = cls(plan.backup_plan_id, account_id, region_name)
        resource.describe(plan)
        return resource

    def describe(self, plan: Plan) -> None:
        """The GetAtt attributes of the plan's current version."""
        self.attributes = {"BackupPlanId": plan.backup_plan_id, "BackupPlanArn": plan.backup_plan_arn, "VersionId": plan.version_id}

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        backend = backup_backends[self.account_id][self.region_name]
        old = backend.plans[self.physical_id]
        # UpdateBackupPlan: the same plan id and ARN, a new version of the document.
        plan = Plan(backup_plan=plan_input(properties["BackupPlan"]), creator_request_id=old.creator_request_id, backend=backend)
        plan.backup_plan_id, plan.backup_plan_arn, plan.creation_date = old.backup_plan_id, old.backup_plan_arn, old.creation_date
        backend.plans[self.physical_id] = plan
        backend.untag_resource(plan.backup_plan_arn, list(backend.list_tags(plan.backup_plan_arn)))
        backend.tag_resource(plan.backup_plan_arn, properties.get("BackupPlanTags") or {})
        self.describe(plan)
        return True

    def remove(self) -> None:
        backup_backends[self.account_id][self.region_name].delete_backup_plan(self.physical_id)


@register
class BackupSelection(Glue):
    """A backup selection of a plan; Ref is the selection id."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Backup::BackupSelection"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "BackupSelection":
        plan_id = properties["BackupPlanId"]
        selection = create_backup_selection(backup_backends[account_id][region_name], plan_id, properties["BackupSelection"], None)
        resource = cls(selection.selection_id, account_id, region_name, {"BackupPlanId": plan_id, "SelectionId": selection.selection_id, "Id": selection.selection_id})
        resource.plan_id = plan_id
        return resource

    def remove(self) -> None:
        backend = backup_backends[self.account_id][self.region_name]
        if self.physical_id in _selections(backend):
            delete_backup_selection(backend, self.plan_id, self.physical_id)


def apply() -> None:
    """Adds the backup selection actions to moto's Backup backend and responses."""
    BackupBackend.create_backup_selection = create_backup_selection  # type: ignore[attr-defined]
    BackupBackend.get_backup_selection = get_backup_selection  # type: ignore[attr-defined]
    BackupBackend.list_backup_selections = list_backup_selections  # type: ignore[attr-defined]
    BackupBackend.delete_backup_selection = delete_backup_selection  # type: ignore[attr-defined]
    BackupResponse.create_backup_selection = response_create_backup_selection  # type: ignore[attr-defined]
    BackupResponse.get_backup_selection = response_get_backup_selection  # type: ignore[attr-defined]
    BackupResponse.list_backup_selections = response_list_backup_selections  # type: ignore[attr-defined]
    BackupResponse.delete_backup_selection = response_delete_backup_selection  # type: ignore[attr-defined]
