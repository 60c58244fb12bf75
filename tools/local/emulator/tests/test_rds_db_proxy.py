"""Lab 7's optional RDS Proxy: a proxy in private subnets in front of the database, with its target group."""

from conftest import client, template

from test_rds_db_instance import resources as database


def proxy(max_connections=90):
    return {
        **database(),
        "ProxyGroup": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "proxy", "VpcId": {"Ref": "Vpc"}}},
        "Proxy": {
            "Type": "AWS::RDS::DBProxy",
            "Properties": {
                "DBProxyName": "shop-proxy",
                "EngineFamily": "MYSQL",
                "RoleArn": "arn:aws:iam::123456789012:role/proxy",
                "Auth": [{"AuthScheme": "SECRETS", "IAMAuth": "DISABLED", "SecretArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}],
                "VpcSubnetIds": [{"Ref": "Subnet"}, {"Ref": "Subnet2"}],
                "VpcSecurityGroupIds": [{"Fn::GetAtt": ["ProxyGroup", "GroupId"]}],
                "RequireTLS": True,
            },
        },
        "Targets": {
            "Type": "AWS::RDS::DBProxyTargetGroup",
            "Properties": {
                "DBProxyName": {"Ref": "Proxy"},
                "TargetGroupName": "default",
                "DBInstanceIdentifiers": [{"Ref": "Database"}],
                "ConnectionPoolConfigurationInfo": {"MaxConnectionsPercent": max_connections, "MaxIdleConnectionsPercent": 10},
            },
        },
    }


OUTPUTS = {"Endpoint": {"Value": {"Fn::GetAtt": ["Proxy", "Endpoint"]}}}


def test_proxy_with_its_database_update_and_delete(stacks):
    ids = stacks.create(template(proxy(), OUTPUTS))
    rds = client("rds")
    found = rds.describe_db_proxies(DBProxyName="shop-proxy")["DBProxies"][0]
    assert (ids["Proxy"], found["RequireTLS"], found["VpcSecurityGroupIds"]) == ("shop-proxy", True, [ids["ProxyGroup"]])
    assert sorted(found["VpcSubnetIds"]) == sorted([ids["Subnet"], ids["Subnet2"]])
    assert stacks.outputs()["Endpoint"] == found["Endpoint"]
    assert [target["RdsResourceId"] for target in rds.describe_db_proxy_targets(DBProxyName="shop-proxy")["Targets"]] == [ids["Database"]]
    group = rds.describe_db_proxy_target_groups(DBProxyName="shop-proxy")["TargetGroups"][0]
    assert (group["TargetGroupArn"], group["ConnectionPoolConfig"]["MaxConnectionsPercent"]) == (ids["Targets"], 90)
    assert stacks.update(template(proxy(max_connections=50), OUTPUTS))["Targets"] == ids["Targets"]
    group = rds.describe_db_proxy_target_groups(DBProxyName="shop-proxy")["TargetGroups"][0]
    assert group["ConnectionPoolConfig"]["MaxConnectionsPercent"] == 50
    assert len(rds.describe_db_proxy_targets(DBProxyName="shop-proxy")["Targets"]) == 1
    stacks.delete()
    assert rds.describe_db_proxies()["DBProxies"] == []
