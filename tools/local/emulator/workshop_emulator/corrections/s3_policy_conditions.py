"""S3 bucket policy statements with a Condition are not enforced.

moto lacks: condition evaluation in its basic bucket policy enforcement (``FakeBucket.get_permission``
in moto/s3/models.py evaluates statements with ``IAMPolicy.is_action_permitted``, which ignores
``Condition``). A deny that holds only under a condition, such as the CDK bootstrap bucket's and
every ``enforceSSL`` bucket's "deny when aws:SecureTransport is false", then denies every request,
and a deploy cannot upload its template. This correction evaluates only the statements without a
condition, so a conditional statement never decides alone.
"""

import json
from typing import Any

from moto.iam.access_control import IAMPolicy, PermissionResult
from moto.s3.models import FakeBucket


def unconditional(policy: str) -> str:
    """The policy document without the statements that carry a Condition."""
    document = json.loads(policy)
    statements = document.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    document["Statement"] = [statement for statement in statements if not statement.get("Condition")]
    return json.dumps(document)


def get_permission(self: FakeBucket, action: str, resource: str) -> Any:
    if self.policy is None:
        return PermissionResult.NEUTRAL
    return IAMPolicy(unconditional(self.policy.decode())).is_action_permitted(action, resource)


def apply() -> None:
    """Replaces moto's bucket policy evaluation."""
    FakeBucket.get_permission = get_permission  # type: ignore[method-assign]
