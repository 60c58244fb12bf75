"""AWS::SecretsManager::Secret (with GenerateSecretString) and AWS::SecretsManager::SecretTargetAttachment.

moto lacks: CloudFormation models for both (its Secrets Manager backend implements CreateSecret and
GetRandomPassword), so a stack's secrets are skipped, and the database password that references one
(``{{resolve:secretsmanager:...}}``) names nothing. These models create the secret, generating its
value as CloudFormation does (``SecretStringTemplate`` plus a random ``GenerateStringKey``), and the
attachment adds the database's connection fields (engine, host, port, dbInstanceIdentifier) to the
secret's value, as CloudFormation does. Ref of both is the secret's ARN. The secret's ``ReplicaRegions``
follow the template on update too (replicas added and removed through the backend's
ReplicateSecretToRegions and RemoveRegionsFromReplication), and a delete removes the replicas first
(moto refuses to delete a secret that still has replicas, so the stack's delete failed).
"""

import json
from typing import Any

from moto.rds.models import rds_backends
from moto.secretsmanager.models import secretsmanager_backends

from ._glue import Glue, as_bool, as_int, register


def _backend(account_id: str, region_name: str) -> Any:
    return secretsmanager_backends[account_id][region_name]


def secret_string(properties: dict[str, Any], backend: Any) -> str | None:
    """The initial value of a secret: SecretString, or one made by GenerateSecretString."""
    if "SecretString" in properties:
        return properties["SecretString"]
    generate = properties.get("GenerateSecretString")
    if generate is None:
        return None
    password = json.loads(
        backend.get_random_password(
            password_length=as_int(generate.get("PasswordLength"), 32),
            exclude_characters=generate.get("ExcludeCharacters", ""),
            exclude_numbers=as_bool(generate.get("ExcludeNumbers")),
            exclude_punctuation=as_bool(generate.get("ExcludePunctuation")),
            exclude_uppercase=as_bool(generate.get("ExcludeUppercase")),
            exclude_lowercase=as_bool(generate.get("ExcludeLowercase")),
            include_space=as_bool(generate.get("IncludeSpace")),
            require_each_included_type=as_bool(generate.get("RequireEachIncludedType"), default=True),
        )
    )["RandomPassword"]
    if generate.get("SecretStringTemplate") and generate.get("GenerateStringKey"):
        value = json.loads(generate["SecretStringTemplate"])
        value[generate["GenerateStringKey"]] = password
        return json.dumps(value)
    return password


def sync_replicas(backend: Any, secret_id: str, properties: dict[str, Any]) -> None:
    """Replicates the secret to the Regions of ``ReplicaRegions`` it is not in yet, and removes it from the others."""
    secret = backend.secrets[secret_id]
    wanted = {item["Region"]: item for item in properties.get("ReplicaRegions") or []}
    current = [replica.region for replica in secret.replicas]
    gone = [region for region in current if region not in wanted]
    if gone:
        backend.remove_regions_from_replication(secret_id, gone)
    added = [item for region, item in wanted.items() if region not in current]
    if added:
        backend.replicate_secret_to_regions(secret_id, added, force_overwrite=False)


@register
class Secret(Glue):
    """A Secrets Manager secret; updates keep it and change its description."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::SecretsManager::Secret"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "Secret":
        backend = _backend(account_id, region_name)
        created = json.loads(
            backend.create_secret(
                name=name,
                secret_string=secret_string(properties, backend),
                secret_binary=None,
                description=properties.get("Description"),
                tags=properties.get("Tags", []),
                kms_key_id=properties.get("KmsKeyId"),
                client_request_token=None,
                replica_regions=properties.get("ReplicaRegions", []),
                force_overwrite=False,
            )
        )
        return cls(created["ARN"], account_id, region_name, {"Id": created["ARN"]})

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties.get("Name") not in (None, self.properties.get("Name")):
            return False
        backend = _backend(self.account_id, self.region_name)
        backend.secrets[self.physical_id].description = properties.get("Description")
        sync_replicas(backend, self.physical_id, properties)
        return True

    def remove(self) -> None:
        backend = _backend(self.account_id, self.region_name)
        if backend._is_valid_identifier(self.physical_id):
            sync_replicas(backend, self.physical_id, {})
            backend.delete_secret(self.physical_id, recovery_window_in_days=None, force_delete_without_recovery=True)


@register
class SecretTargetAttachment(Glue):
    """A secret attached to an RDS DB instance: the secret's value gains the connection fields."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::SecretsManager::SecretTargetAttachment"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "SecretTargetAttachment":
        backend = _backend(account_id, region_name)
        secret_id = properties["SecretId"]
        value = json.loads(backend.get_secret_value(secret_id, None, "AWSCURRENT").get("SecretString") or "{}")
        if properties.get("TargetType") == "AWS::RDS::DBInstance":
            database = rds_backends[account_id][region_name].describe_db_instances(properties["TargetId"])[0]
            value.update(
                engine=database.engine,
                host=database.address,
                port=database.port,
                dbInstanceIdentifier=database.db_instance_identifier,
            )
        backend.put_secret_value(secret_id, json.dumps(value), None, None, ["AWSCURRENT"])
        return cls(backend.secrets[secret_id].arn, account_id, region_name)

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        self.create(self.physical_id, properties, self.account_id, self.region_name)
        return True

    def remove(self) -> None:
        """CloudFormation leaves the secret's value as it is when an attachment goes away."""
