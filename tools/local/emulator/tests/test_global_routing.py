"""Lab 9's routing: Route 53 health checks with latency and failover records, CloudFront's /media/* behaviour."""

from conftest import client, template

SEOUL_ALB = {"DNSName": "shop-seoul-123.ap-northeast-2.elb.amazonaws.com", "HostedZoneId": "ZWKZPGTI48KDX", "EvaluateTargetHealth": True}
TOKYO_ALB = {"DNSName": "shop-tokyo-456.ap-northeast-1.elb.amazonaws.com", "HostedZoneId": "Z14GRHDCWA56QT", "EvaluateTargetHealth": True}


def check(fqdn, path="/health"):
    return {"Type": "AWS::Route53::HealthCheck", "Properties": {"HealthCheckConfig": {"Type": "HTTPS", "FullyQualifiedDomainName": fqdn, "ResourcePath": path, "Port": 443, "RequestInterval": 30, "FailureThreshold": 3}}}


def routing(path="/health", seoul_alb=SEOUL_ALB):
    def record(name, identifier, alias, health, **routing_policy):
        properties = {"HostedZoneId": {"Ref": "ZoneId"}, "Name": name, "Type": "A", "SetIdentifier": identifier, "HealthCheckId": {"Ref": health}, "AliasTarget": alias}
        return {"Type": "AWS::Route53::RecordSet", "Properties": {**properties, **routing_policy}}

    resources = {
        "SeoulCheck": check(seoul_alb["DNSName"], path),
        "TokyoCheck": check(TOKYO_ALB["DNSName"], path),
        "SeoulLatency": record("www.shop.example.com", "seoul", seoul_alb, "SeoulCheck", Region="ap-northeast-2"),
        "TokyoLatency": record("www.shop.example.com", "tokyo", TOKYO_ALB, "TokyoCheck", Region="ap-northeast-1"),
        "Primary": record("api.shop.example.com", "primary", seoul_alb, "SeoulCheck", Failover="PRIMARY"),
        "Secondary": record("api.shop.example.com", "secondary", TOKYO_ALB, "TokyoCheck", Failover="SECONDARY"),
    }
    return template(resources, parameters={"ZoneId": {"Type": "AWS::Route53::HostedZone::Id"}})


def shop_zone():
    """The shop's hosted zone, made outside the stacks (the lab passes its id as a parameter)."""
    return client("route53").create_hosted_zone(Name="shop.example.com", CallerReference="shop")["HostedZone"]["Id"].split("/")[-1]


def records(zone_id):
    found = client("route53").list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    return {(item["Name"].rstrip("."), item.get("SetIdentifier")): item for item in found if item["Type"] == "A"}


def test_latency_and_failover_records_with_health_checks(stacks):
    zone = shop_zone()
    ids = stacks.create(routing(), parameters={"ZoneId": zone})
    route53 = client("route53")
    config = route53.get_health_check(HealthCheckId=ids["SeoulCheck"])["HealthCheck"]["HealthCheckConfig"]
    assert (config["Type"], config["FullyQualifiedDomainName"], config["ResourcePath"], config["Port"]) == ("HTTPS", SEOUL_ALB["DNSName"], "/health", 443)
    assert config["EnableSNI"] is True
    found = records(zone)
    seoul = found[("www.shop.example.com", "seoul")]
    assert (seoul["Region"], seoul["HealthCheckId"], seoul["AliasTarget"]["DNSName"].rstrip(".")) == ("ap-northeast-2", ids["SeoulCheck"], SEOUL_ALB["DNSName"])
    assert seoul["AliasTarget"]["EvaluateTargetHealth"] is True
    assert found[("www.shop.example.com", "tokyo")]["Region"] == "ap-northeast-1"
    assert found[("api.shop.example.com", "primary")]["Failover"] == "PRIMARY"
    assert (found[("api.shop.example.com", "secondary")]["Failover"], found[("api.shop.example.com", "secondary")]["HealthCheckId"]) == ("SECONDARY", ids["TokyoCheck"])


def test_update_follows_the_new_alb_and_path_and_delete_removes_everything(stacks):
    zone = shop_zone()
    ids = stacks.create(routing(), parameters={"ZoneId": zone})
    moved = {**SEOUL_ALB, "DNSName": "shop-seoul-789.ap-northeast-2.elb.amazonaws.com"}
    after = stacks.update(routing("/ready", moved), parameters=[{"ParameterKey": "ZoneId", "UsePreviousValue": True}])
    assert after["SeoulCheck"] == ids["SeoulCheck"]
    route53 = client("route53")
    assert len(route53.list_health_checks()["HealthChecks"]) == 2
    assert route53.get_health_check(HealthCheckId=after["SeoulCheck"])["HealthCheck"]["HealthCheckConfig"]["ResourcePath"] == "/ready"
    found = records(zone)
    assert len(found) == 4
    seoul = found[("www.shop.example.com", "seoul")]
    assert (seoul["AliasTarget"]["DNSName"].rstrip("."), seoul["HealthCheckId"]) == (moved["DNSName"], after["SeoulCheck"])
    stacks.delete()
    assert route53.list_health_checks()["HealthChecks"] == []
    assert records(zone) == {}


def distribution():
    media = {"Id": "media", "DomainName": "media.s3.us-east-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}, "OriginAccessControlId": {"Fn::GetAtt": ["Oac", "Id"]}}
    alb = {"Id": "alb", "DomainName": "origin.shop.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}
    return {
        "Oac": {
            "Type": "AWS::CloudFront::OriginAccessControl",
            "Properties": {"OriginAccessControlConfig": {"Name": "media", "OriginAccessControlOriginType": "s3", "SigningBehavior": "always", "SigningProtocol": "sigv4"}},
        },
        "Cdn": {
            "Type": "AWS::CloudFront::Distribution",
            "Properties": {
                "DistributionConfig": {
                    "Enabled": True,
                    "Origins": [alb, media],
                    "DefaultCacheBehavior": {"TargetOriginId": "alb", "ViewerProtocolPolicy": "redirect-to-https"},
                    "CacheBehaviors": [
                        {"PathPattern": "/media/*", "TargetOriginId": "media", "ViewerProtocolPolicy": "redirect-to-https", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                        {"PathPattern": "/api/*", "TargetOriginId": "alb", "ViewerProtocolPolicy": "https-only"},
                    ],
                }
            },
        },
    }


def test_media_behaviour_goes_to_the_private_bucket_through_its_access_control(stacks):
    ids = stacks.create(template(distribution()))
    config = client("cloudfront").get_distribution(Id=ids["Cdn"])["Distribution"]["DistributionConfig"]
    behaviours = {item["PathPattern"]: item["TargetOriginId"] for item in config["CacheBehaviors"]["Items"]}
    assert behaviours == {"/media/*": "media", "/api/*": "alb"}
    origins = {origin["Id"]: origin for origin in config["Origins"]["Items"]}
    assert origins["media"]["OriginAccessControlId"] == ids["Oac"]


def test_a_stack_output_reads_its_hosted_zone_id_and_name_servers(stacks):
    zone = {"Type": "AWS::Route53::HostedZone", "Properties": {"Name": "shop.example.com"}}
    outputs = {
        "ZoneId": {"Value": {"Ref": "Zone"}},
        "ZoneIdAttribute": {"Value": {"Fn::GetAtt": ["Zone", "Id"]}},
        "NameServers": {"Value": {"Fn::Join": [", ", {"Fn::GetAtt": ["Zone", "NameServers"]}]}},
    }
    ids = stacks.create(template({"Zone": zone}, outputs))
    found = stacks.outputs()
    delegation = client("route53").get_hosted_zone(Id=ids["Zone"])["DelegationSet"]["NameServers"]
    assert (found["ZoneId"], found["ZoneIdAttribute"]) == (ids["Zone"], ids["Zone"])
    assert found["NameServers"].split(", ") == delegation
    assert len(delegation) == 4
