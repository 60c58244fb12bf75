"""WAFv2 ListResourcesForWebACL.

moto lacks: the ListResourcesForWebACL action (moto/wafv2/responses.py answers it with
NotImplementedError, an HTML 500), although its backend records each web ACL's associated resources
(``FakeWebACL.associated_resources``, filled by AssociateWebACL). This correction answers it from
that list, filtered by the requested resource type.
"""

import json

from moto.core.common_types import TYPE_RESPONSE
from moto.wafv2.models import WAFV2Backend
from moto.wafv2.responses import WAFV2Response

#: The ARN fragment of each ResourceType the API accepts.
RESOURCE_TYPE_MARKERS = {
    "APPLICATION_LOAD_BALANCER": ":loadbalancer/app/",
    "API_GATEWAY": ":apigateway:",
    "APPSYNC": ":appsync:",
    "COGNITO_USER_POOL": ":cognito-idp:",
    "APP_RUNNER_SERVICE": ":apprunner:",
    "VERIFIED_ACCESS_INSTANCE": ":verified-access-instance/",
    "AMPLIFY": ":amplify:",
}


def list_resources_for_web_acl(self: WAFV2Backend, web_acl_arn: str, resource_type: str | None) -> list[str]:
    """The ARNs of the resources associated with a web ACL, of one type (load balancers by default)."""
    acl = self.get_web_acl(web_acl_arn, None, None)
    marker = RESOURCE_TYPE_MARKERS.get(resource_type or "APPLICATION_LOAD_BALANCER", "")
    return [arn for arn in acl.associated_resources if marker in arn]


def list_resources_for_web_acl_response(self: WAFV2Response) -> TYPE_RESPONSE:
    body = json.loads(self.body)
    arns = self.wafv2_backend.list_resources_for_web_acl(body["WebACLArn"], body.get("ResourceType"))
    return 200, {"Content-Type": "application/json"}, json.dumps({"ResourceArns": arns})


def apply() -> None:
    """Adds the backend method and the response action."""
    WAFV2Backend.list_resources_for_web_acl = list_resources_for_web_acl  # type: ignore[attr-defined]
    WAFV2Response.list_resources_for_web_acl = list_resources_for_web_acl_response  # type: ignore[attr-defined]
