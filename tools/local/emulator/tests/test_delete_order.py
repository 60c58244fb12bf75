"""DeleteStack deletes a resource before what it refers to: a read replica before its source database."""

from conftest import client, template
from moto.cloudformation import parsing

from test_rds_read_replica import PRIMARY

SHOP = template(
    {
        **PRIMARY,
        "ReadReplica": {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {"DBInstanceClass": "db.t3.micro", "SourceDBInstanceIdentifier": {"Ref": "Database"}, "VPCSecurityGroups": [{"Fn::GetAtt": ["Group", "GroupId"]}]},
        },
    }
)


def test_replica_goes_before_its_source_and_the_stack_deletes_cleanly(stacks, monkeypatch):
    deleted: list[str] = []
    moto_delete = parsing.ResourceMap._delete_resource

    def recording(self, parsed_resource, resource_json):
        moto_delete(self, parsed_resource, resource_json)
        deleted.append(parsed_resource.logical_resource_id)

    monkeypatch.setattr(parsing.ResourceMap, "_delete_resource", recording)
    # moto's order came from a set of the names; several stacks make a lucky order unlikely to hide a wrong one.
    for attempt in range(6):
        deleted.clear()
        ids = stacks.create(SHOP, name=f"Shop{attempt}")
        assert client("rds").describe_db_instances(DBInstanceIdentifier=ids["ReadReplica"])["DBInstances"][0]["ReadReplicaSourceDBInstanceIdentifier"] == ids["Database"]

        stacks.delete(f"Shop{attempt}")

        assert client("rds").describe_db_instances()["DBInstances"] == []
        assert deleted.index("ReadReplica") < deleted.index("Database") < deleted.index("Subnets") < deleted.index("SubnetA") < deleted.index("Vpc")
        assert sorted(deleted) == sorted(SHOP["Resources"])
