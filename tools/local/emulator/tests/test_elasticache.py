"""A Valkey replication group: nodes in the subnet group's zones as cache clusters, endpoints, updates, delete."""

from conftest import VPC, client, template


def resources(groups=("App",), failover=True, at_rest=True):
    return {
        **VPC,
        "Subnet2": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b"}},
        "App": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "app", "VpcId": {"Ref": "Vpc"}}},
        "Other": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "other", "VpcId": {"Ref": "Vpc"}}},
        "CacheSubnets": {"Type": "AWS::ElastiCache::SubnetGroup", "Properties": {"Description": "cache", "SubnetIds": [{"Ref": "Subnet"}, {"Ref": "Subnet2"}]}},
        "Cache": {
            "Type": "AWS::ElastiCache::ReplicationGroup",
            "Properties": {
                "ReplicationGroupDescription": "product cache",
                "Engine": "valkey",
                "EngineVersion": "8.0",
                "CacheNodeType": "cache.t4g.micro",
                "NumCacheClusters": 2,
                "MultiAZEnabled": failover,
                "AutomaticFailoverEnabled": failover,
                "TransitEncryptionEnabled": True,
                "AtRestEncryptionEnabled": at_rest,
                "CacheSubnetGroupName": {"Ref": "CacheSubnets"},
                "SecurityGroupIds": [{"Fn::GetAtt": [name, "GroupId"]} for name in groups],
                "Tags": [{"Key": "workshop:tier", "Value": "cache"}],
            },
        },
    }


OUTPUTS = {
    "Primary": {"Value": {"Fn::GetAtt": ["Cache", "PrimaryEndPoint.Address"]}},
    "Port": {"Value": {"Fn::GetAtt": ["Cache", "PrimaryEndPoint.Port"]}},
    "Reader": {"Value": {"Fn::GetAtt": ["Cache", "ReaderEndPoint.Address"]}},
}


def group(group_id):
    return client("elasticache").describe_replication_groups(ReplicationGroupId=group_id)["ReplicationGroups"][0]


def nodes(group_id):
    clusters = client("elasticache").describe_cache_clusters()["CacheClusters"]
    return {cluster["CacheClusterId"]: cluster for cluster in clusters if cluster.get("ReplicationGroupId") == group_id}


def test_nodes_in_two_zones_with_security_groups_and_endpoints(stacks):
    ids = stacks.create(template(resources(), OUTPUTS))
    found = group(ids["Cache"])
    assert (found["Engine"], found["MultiAZ"], found["AutomaticFailover"]) == ("valkey", "enabled", "enabled")
    assert (found["TransitEncryptionEnabled"], found["AtRestEncryptionEnabled"]) == (True, True)
    members = found["NodeGroups"][0]["NodeGroupMembers"]
    assert [(member["CurrentRole"], member["PreferredAvailabilityZone"]) for member in members] == [("primary", "us-east-1a"), ("replica", "us-east-1b")]
    clusters = nodes(ids["Cache"])
    assert sorted(clusters) == sorted(found["MemberClusters"]) and len(clusters) == 2
    for cluster in clusters.values():
        assert cluster["CacheSubnetGroupName"] == ids["CacheSubnets"]
        assert [item["SecurityGroupId"] for item in cluster["SecurityGroups"]] == [ids["App"]]
    outputs = stacks.outputs()
    assert outputs["Primary"] == found["NodeGroups"][0]["PrimaryEndpoint"]["Address"]
    assert outputs["Reader"] == found["NodeGroups"][0]["ReaderEndpoint"]["Address"]
    assert outputs["Port"] == "6379"
    subnets = client("elasticache").describe_cache_subnet_groups(CacheSubnetGroupName=ids["CacheSubnets"])["CacheSubnetGroups"][0]["Subnets"]
    assert sorted(subnet["SubnetAvailabilityZone"]["Name"] for subnet in subnets) == ["us-east-1a", "us-east-1b"]
    arn = found["ARN"]
    assert client("elasticache").list_tags_for_resource(ResourceName=arn)["TagList"] == [{"Key": "workshop:tier", "Value": "cache"}]


def test_update_in_place_then_replacement_then_delete(stacks):
    ids = stacks.create(template(resources()))
    after = stacks.update(template(resources(groups=("Other",), failover=False)))
    assert after["Cache"] == ids["Cache"]
    assert (group(ids["Cache"])["MultiAZ"], group(ids["Cache"])["AutomaticFailover"]) == ("disabled", "disabled")
    assert {item["SecurityGroupId"] for cluster in nodes(ids["Cache"]).values() for item in cluster["SecurityGroups"]} == {ids["Other"]}
    replaced = stacks.update(template(resources(groups=("Other",), failover=False, at_rest=False)))["Cache"]
    assert replaced != ids["Cache"]
    assert [item["ReplicationGroupId"] for item in client("elasticache").describe_replication_groups()["ReplicationGroups"]] == [replaced]
    assert nodes(ids["Cache"]) == {}
    stacks.delete()
    elasticache = client("elasticache")
    assert elasticache.describe_replication_groups()["ReplicationGroups"] == []
    assert elasticache.describe_cache_clusters()["CacheClusters"] == []
    assert elasticache.describe_cache_subnet_groups()["CacheSubnetGroups"] == []
