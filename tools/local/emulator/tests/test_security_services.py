"""CloudTrail trails, GuardDuty detectors, and WAF web ACLs with their load balancer associations."""

from conftest import VPC, client, template

TRAIL = {
    "Logs": {"Type": "AWS::S3::Bucket"},
    "Trail": {
        "Type": "AWS::CloudTrail::Trail",
        "Properties": {"S3BucketName": {"Ref": "Logs"}, "IsLogging": True, "IsMultiRegionTrail": True, "EnableLogFileValidation": True, "IncludeGlobalServiceEvents": True},
    },
    "Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": True, "FindingPublishingFrequency": "FIFTEEN_MINUTES"}},
}


def test_trail_and_detector(stacks):
    ids = stacks.create(template(TRAIL))
    cloudtrail = client("cloudtrail")
    trail = cloudtrail.describe_trails(trailNameList=[ids["Trail"]])["trailList"][0]
    assert (trail["S3BucketName"], trail["IsMultiRegionTrail"], trail["LogFileValidationEnabled"]) == (ids["Logs"], True, True)
    assert cloudtrail.get_trail_status(Name=ids["Trail"])["IsLogging"] is True
    detector = client("guardduty").get_detector(DetectorId=ids["Detector"])
    assert (detector["Status"], detector["FindingPublishingFrequency"]) == ("ENABLED", "FIFTEEN_MINUTES")


def test_trail_stops_logging_on_update_and_goes_on_delete(stacks):
    ids = stacks.create(template(TRAIL))
    stopped = {**TRAIL, "Trail": {**TRAIL["Trail"], "Properties": {**TRAIL["Trail"]["Properties"], "IsLogging": False}}}
    assert stacks.update(template(stopped))["Trail"] == ids["Trail"]
    assert client("cloudtrail").get_trail_status(Name=ids["Trail"])["IsLogging"] is False
    stacks.delete()
    assert client("cloudtrail").describe_trails()["trailList"] == []
    assert client("guardduty").list_detectors()["DetectorIds"] == []


RULE = {
    "Name": "common",
    "Priority": 0,
    "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": "AWSManagedRulesCommonRuleSet"}},
    "OverrideAction": {"None": {}},
    "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "common"},
}


def waf(rules):
    return {
        **VPC,
        "Subnet2": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b"}},
        "Alb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Subnets": [{"Ref": "Subnet"}, {"Ref": "Subnet2"}], "Type": "application"}},
        "Acl": {
            "Type": "AWS::WAFv2::WebACL",
            "Properties": {
                "Scope": "REGIONAL",
                "DefaultAction": {"Allow": {}},
                "Rules": rules,
                "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "acl"},
            },
        },
        "Protect": {"Type": "AWS::WAFv2::WebACLAssociation", "Properties": {"ResourceArn": {"Ref": "Alb"}, "WebACLArn": {"Fn::GetAtt": ["Acl", "Arn"]}}},
    }


def test_web_acl_and_association(stacks):
    ids = stacks.create(template(waf([RULE]), outputs={"Arn": {"Value": {"Fn::GetAtt": ["Acl", "Arn"]}}}))
    name, acl_id, scope = ids["Acl"].split("|")
    wafv2 = client("wafv2")
    acl = wafv2.get_web_acl(Name=name, Id=acl_id, Scope=scope)["WebACL"]
    assert acl["ARN"] == stacks.outputs()["Arn"]
    assert [rule["Statement"]["ManagedRuleGroupStatement"]["Name"] for rule in acl["Rules"]] == ["AWSManagedRulesCommonRuleSet"]
    assert wafv2.list_resources_for_web_acl(WebACLArn=acl["ARN"], ResourceType="APPLICATION_LOAD_BALANCER")["ResourceArns"] == [ids["Alb"]]
    assert wafv2.get_web_acl_for_resource(ResourceArn=ids["Alb"])["WebACL"]["ARN"] == acl["ARN"]


def test_web_acl_update_keeps_its_arn(stacks):
    ids = stacks.create(template(waf([])))
    assert stacks.update(template(waf([RULE])))["Acl"] == ids["Acl"]
    name, acl_id, scope = ids["Acl"].split("|")
    assert len(client("wafv2").get_web_acl(Name=name, Id=acl_id, Scope=scope)["WebACL"]["Rules"]) == 1
