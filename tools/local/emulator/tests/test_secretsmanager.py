"""Secrets with a generated value, attached to a database."""

import json

from conftest import client, template
from test_rds_db_instance import resources as database

SECRET = {
    "Type": "AWS::SecretsManager::Secret",
    "Properties": {
        "Description": "db password",
        "GenerateSecretString": {"SecretStringTemplate": '{"username":"admin"}', "GenerateStringKey": "password", "PasswordLength": 30, "ExcludeCharacters": " %+~`#$&*()|[]{}:;<>?!'/@\"\\"},
    },
}


def test_generated_secret_and_attachment(stacks):
    resources = database()
    resources["Secret"] = SECRET
    resources["Database"]["Properties"]["MasterUserPassword"] = {"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": "Secret"}, ":SecretString:password::}}"]]}
    resources["Attachment"] = {"Type": "AWS::SecretsManager::SecretTargetAttachment", "Properties": {"SecretId": {"Ref": "Secret"}, "TargetId": {"Ref": "Database"}, "TargetType": "AWS::RDS::DBInstance"}}
    ids = stacks.create(template(resources))
    assert ids["Secret"].startswith("arn:aws:secretsmanager:") and ids["Attachment"] == ids["Secret"]
    manager = client("secretsmanager")
    assert manager.describe_secret(SecretId=ids["Secret"])["Description"] == "db password"
    value = json.loads(manager.get_secret_value(SecretId=ids["Secret"])["SecretString"])
    assert value["username"] == "admin" and len(value["password"]) == 30
    assert (value["engine"], value["dbInstanceIdentifier"], value["port"]) == ("mysql", ids["Database"], 3306)
    stacks.delete()
    assert manager.list_secrets()["SecretList"] == []


def replicated(*regions):
    secret = {"Type": "AWS::SecretsManager::Secret", "Properties": {**SECRET["Properties"], "Name": "shop/db"}}
    if regions:
        secret["Properties"]["ReplicaRegions"] = [{"Region": region} for region in regions]
    return template({"Secret": secret})


def replicas(arn):
    return sorted(item["Region"] for item in client("secretsmanager").describe_secret(SecretId=arn).get("ReplicationStatus", []))


def test_replica_regions_on_create_and_delete(stacks):
    arn = stacks.create(replicated("ap-northeast-1"))["Secret"]
    assert replicas(arn) == ["ap-northeast-1"]
    replica = client("secretsmanager", "ap-northeast-1").describe_secret(SecretId="shop/db")
    assert replica["PrimaryRegion"] == "us-east-1" and ":ap-northeast-1:" in replica["ARN"]
    stacks.delete()
    assert client("secretsmanager").list_secrets()["SecretList"] == []
    assert client("secretsmanager", "ap-northeast-1").list_secrets()["SecretList"] == []


def test_update_adds_and_removes_replica_regions(stacks):
    arn = stacks.create(replicated())["Secret"]
    assert replicas(arn) == []
    assert stacks.update(replicated("ap-northeast-1", "eu-west-1"))["Secret"] == arn
    assert replicas(arn) == ["ap-northeast-1", "eu-west-1"]
    tokyo = client("secretsmanager", "ap-northeast-1")
    assert json.loads(tokyo.get_secret_value(SecretId="shop/db")["SecretString"])["username"] == "admin"
    assert stacks.update(replicated("eu-west-1"))["Secret"] == arn
    assert replicas(arn) == ["eu-west-1"]
    assert tokyo.list_secrets()["SecretList"] == []
    stacks.update(replicated())
    assert replicas(arn) == []
    assert client("secretsmanager", "eu-west-1").list_secrets()["SecretList"] == []
