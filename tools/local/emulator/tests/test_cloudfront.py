"""Distributions (CloudFormation's shape converted to the API's) and origin access controls."""

from conftest import client, template


def resources(comment="shop"):
    return {
        "Oac": {
            "Type": "AWS::CloudFront::OriginAccessControl",
            "Properties": {"OriginAccessControlConfig": {"Name": "oac", "OriginAccessControlOriginType": "s3", "SigningBehavior": "always", "SigningProtocol": "sigv4"}},
        },
        "Cdn": {
            "Type": "AWS::CloudFront::Distribution",
            "Properties": {
                "DistributionConfig": {
                    "Comment": comment,
                    "Enabled": True,
                    "DefaultRootObject": "index.html",
                    "Origins": [
                        {"Id": "s3", "DomainName": "site.s3.us-east-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}, "OriginAccessControlId": {"Fn::GetAtt": ["Oac", "Id"]}},
                        {"Id": "alb", "DomainName": "shop.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1.2"]}},
                    ],
                    "DefaultCacheBehavior": {"TargetOriginId": "s3", "ViewerProtocolPolicy": "redirect-to-https", "AllowedMethods": ["GET", "HEAD"], "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                    "CacheBehaviors": [{"PathPattern": "/api/*", "TargetOriginId": "alb", "ViewerProtocolPolicy": "https-only", "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]}],
                    "CustomErrorResponses": [{"ErrorCode": 404, "ResponseCode": 404, "ResponsePagePath": "/error.html"}],
                }
            },
        },
    }


OUTPUTS = {"Domain": {"Value": {"Fn::GetAtt": ["Cdn", "DomainName"]}}}


def test_distribution_config_and_domain(stacks):
    ids = stacks.create(template(resources(), outputs=OUTPUTS))
    found = client("cloudfront").get_distribution(Id=ids["Cdn"])["Distribution"]
    config = found["DistributionConfig"]
    assert stacks.outputs()["Domain"] == found["DomainName"]
    origins = {origin["Id"]: origin for origin in config["Origins"]["Items"]}
    assert origins["s3"]["OriginAccessControlId"] == ids["Oac"]
    assert origins["alb"]["CustomOriginConfig"]["OriginProtocolPolicy"] == "https-only"
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"
    assert [behavior["PathPattern"] for behavior in config["CacheBehaviors"]["Items"]] == ["/api/*"]
    assert config["DefaultRootObject"] == "index.html"
    control = client("cloudfront").get_origin_access_control(Id=ids["Oac"])["OriginAccessControl"]
    assert control["OriginAccessControlConfig"]["SigningBehavior"] == "always"


def test_update_keeps_the_distribution_and_delete_removes_it(stacks):
    ids = stacks.create(template(resources(), outputs=OUTPUTS))
    assert stacks.update(template(resources(comment="changed"), outputs=OUTPUTS))["Cdn"] == ids["Cdn"]
    cloudfront = client("cloudfront")
    assert cloudfront.get_distribution(Id=ids["Cdn"])["Distribution"]["DistributionConfig"]["Comment"] == "changed"
    stacks.delete()
    assert cloudfront.list_distributions()["DistributionList"].get("Items", []) == []
