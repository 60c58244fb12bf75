"""AWS::WAFv2::WebACL and AWS::WAFv2::WebACLAssociation.

moto lacks: CloudFormation models for both (its WAFv2 backend implements CreateWebACL and
AssociateWebACL), so a stack's web ACL is skipped and ``GetAtt WebACL.Arn`` fails the deploy. These
models create, update and delete through the backend of the ACL's scope (CLOUDFRONT lives in
us-east-1). Ref of a web ACL is "name|id|scope" and GetAtt Arn/Id as in CloudFormation.
"""

from typing import Any

from moto.wafv2.models import wafv2_backends

from ._glue import Glue, register


def _backend(account_id: str, region_name: str, scope: str) -> Any:
    return wafv2_backends[account_id]["us-east-1" if scope == "CLOUDFRONT" else region_name]


@register
class WebACL(Glue):
    """A WAF web ACL; updates keep its id and ARN."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::WAFv2::WebACL"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "WebACL":
        scope = properties["Scope"]
        acl = _backend(account_id, region_name, scope).create_web_acl(
            name=name,
            visibility_config=properties["VisibilityConfig"],
            default_action=properties["DefaultAction"],
            scope=scope,
            description=properties.get("Description"),
            tags=properties.get("Tags", []),
            rules=properties.get("Rules", []),
            association_config=properties.get("AssociationConfig"),
            captcha_config=properties.get("CaptchaConfig"),
            challenge_config=properties.get("ChallengeConfig"),
            custom_response_bodies=properties.get("CustomResponseBodies"),
            token_domains=properties.get("TokenDomains"),
        )
        resource = cls(f"{name}|{acl.id}|{scope}", account_id, region_name, {"Arn": acl.arn, "Id": acl.id, "LabelNamespace": acl.label_namespace})
        resource.name, resource.acl_id, resource.scope, resource.arn = name, acl.id, scope, acl.arn
        return resource

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties["Scope"] != self.scope or properties.get("Name", self.name) != self.name:
            return False
        backend = _backend(self.account_id, self.region_name, self.scope)
        backend.update_web_acl(
            name=self.name,
            _id=self.acl_id,
            default_action=properties["DefaultAction"],
            rules=properties.get("Rules", []),
            description=properties.get("Description"),
            visibility_config=properties["VisibilityConfig"],
            lock_token=backend.wacls[self.arn].lock_token,
            custom_response_bodies=properties.get("CustomResponseBodies"),
            captcha_config=properties.get("CaptchaConfig"),
            challenge_config=properties.get("ChallengeConfig"),
            token_domains=properties.get("TokenDomains"),
            association_config=properties.get("AssociationConfig"),
        )
        return True

    def remove(self) -> None:
        backend = _backend(self.account_id, self.region_name, self.scope)
        acl = backend.wacls.get(self.arn)
        if acl is not None:
            acl.associated_resources.clear()
            backend.delete_web_acl(self.name, self.scope, self.acl_id, acl.lock_token)


@register
class WebACLAssociation(Glue):
    """A regional resource (a load balancer) protected by a web ACL; the physical id is "resource-arn|acl-arn"."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::WAFv2::WebACLAssociation"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "WebACLAssociation":
        resource_arn, acl_arn = properties["ResourceArn"], properties["WebACLArn"]
        wafv2_backends[account_id][region_name].associate_web_acl(acl_arn, resource_arn)
        resource = cls(f"{resource_arn}|{acl_arn}", account_id, region_name)
        resource.resource_arn = resource_arn
        return resource

    def remove(self) -> None:
        wafv2_backends[self.account_id][self.region_name].disassociate_web_acl(self.resource_arn)
