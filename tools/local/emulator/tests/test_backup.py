"""Lab 8's backups: a vault in the recovery Region, a plan that copies to it, selections by ARN and by tag."""

import pytest
from botocore.exceptions import ClientError

from conftest import client, template

SECONDARY = "ap-northeast-1"
RECOVERY = {"Vault": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "shop-dr", "BackupVaultTags": {"workshop:lab": "backup-dr"}}}}


def plan(retention=35, copy_to=None):
    rule = {
        "RuleName": "daily",
        "TargetBackupVault": {"Ref": "Vault"},
        "ScheduleExpression": "cron(0 17 * * ? *)",
        "ScheduleExpressionTimezone": "Asia/Seoul",
        "StartWindowMinutes": "60",
        "Lifecycle": {"DeleteAfterDays": str(retention)},
    }
    if copy_to:
        rule["CopyActions"] = [{"DestinationBackupVaultArn": copy_to, "Lifecycle": {"DeleteAfterDays": retention}}]
    return {
        "Vault": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "shop-primary"}},
        "Plan": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {"BackupPlanName": "shop-daily", "BackupPlanRule": [rule]}, "BackupPlanTags": {"workshop:rpo": "PT24H"}}},
        "ByArn": {
            "Type": "AWS::Backup::BackupSelection",
            "Properties": {
                "BackupPlanId": {"Ref": "Plan"},
                "BackupSelection": {"SelectionName": "database", "IamRoleArn": "arn:aws:iam::123456789012:role/backup", "Resources": ["arn:aws:rds:us-east-1:123456789012:db:shop"]},
            },
        },
        "ByTag": {
            "Type": "AWS::Backup::BackupSelection",
            "Properties": {
                "BackupPlanId": {"Ref": "Plan"},
                "BackupSelection": {
                    "SelectionName": "servers",
                    "IamRoleArn": "arn:aws:iam::123456789012:role/backup",
                    "ListOfTags": [{"ConditionType": "STRINGEQUALS", "ConditionKey": "workshop:backup", "ConditionValue": "daily"}],
                },
            },
        },
    }


OUTPUTS = {"PlanArn": {"Value": {"Fn::GetAtt": ["Plan", "BackupPlanArn"]}}, "VaultArn": {"Value": {"Fn::GetAtt": ["Vault", "BackupVaultArn"]}}}


def test_plan_copies_to_the_vault_of_the_other_region_and_selects_by_arn_and_tag(stacks):
    recovery = stacks.in_region(SECONDARY)
    assert recovery.create(template(RECOVERY, {"VaultArn": {"Value": {"Fn::GetAtt": ["Vault", "BackupVaultArn"]}}}), name="Recovery")["Vault"] == "shop-dr"
    remote_arn = recovery.outputs("Recovery")["VaultArn"]
    assert remote_arn == f"arn:aws:backup:{SECONDARY}:123456789012:backup-vault:shop-dr"
    assert client("backup").list_backup_vaults()["BackupVaultList"] == []

    ids = stacks.create(template(plan(copy_to=remote_arn), OUTPUTS))
    backup = client("backup")
    assert [vault["BackupVaultName"] for vault in backup.list_backup_vaults()["BackupVaultList"]] == ["shop-primary"]
    found = backup.get_backup_plan(BackupPlanId=ids["Plan"])
    assert found["BackupPlanArn"] == stacks.outputs()["PlanArn"]
    rule = found["BackupPlan"]["Rules"][0]
    assert (rule["TargetBackupVaultName"], rule["ScheduleExpression"], rule["ScheduleExpressionTimezone"]) == ("shop-primary", "cron(0 17 * * ? *)", "Asia/Seoul")
    assert (rule["StartWindowMinutes"], rule["Lifecycle"]["DeleteAfterDays"]) == (60, 35)
    assert rule["CopyActions"] == [{"DestinationBackupVaultArn": remote_arn, "Lifecycle": {"DeleteAfterDays": 35}}]
    assert backup.list_tags(ResourceArn=found["BackupPlanArn"])["Tags"] == {"workshop:rpo": "PT24H"}

    selections = {item["SelectionName"]: item for item in backup.list_backup_selections(BackupPlanId=ids["Plan"])["BackupSelectionsList"]}
    assert sorted(selections) == ["database", "servers"]
    assert selections["database"]["SelectionId"] == ids["ByArn"]
    by_arn = backup.get_backup_selection(BackupPlanId=ids["Plan"], SelectionId=ids["ByArn"])["BackupSelection"]
    assert by_arn["Resources"] == ["arn:aws:rds:us-east-1:123456789012:db:shop"]
    by_tag = backup.get_backup_selection(BackupPlanId=ids["Plan"], SelectionId=ids["ByTag"])["BackupSelection"]
    assert by_tag["ListOfTags"] == [{"ConditionType": "STRINGEQUALS", "ConditionKey": "workshop:backup", "ConditionValue": "daily"}]


def test_plan_update_is_a_new_version_and_delete_removes_everything(stacks):
    ids = stacks.create(template(plan()))
    backup = client("backup")
    version = backup.get_backup_plan(BackupPlanId=ids["Plan"])["VersionId"]
    after = stacks.update(template(plan(retention=7)))
    assert after["Plan"] == ids["Plan"]
    found = backup.get_backup_plan(BackupPlanId=ids["Plan"])
    assert found["VersionId"] != version and found["BackupPlan"]["Rules"][0]["Lifecycle"] == {"DeleteAfterDays": 7}
    assert len(backup.list_backup_selections(BackupPlanId=ids["Plan"])["BackupSelectionsList"]) == 2
    stacks.delete()
    assert backup.list_backup_plans()["BackupPlansList"] == []
    assert backup.list_backup_vaults()["BackupVaultList"] == []
    with pytest.raises(ClientError):
        backup.get_backup_selection(BackupPlanId=ids["Plan"], SelectionId=ids["ByArn"])
