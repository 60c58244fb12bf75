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
