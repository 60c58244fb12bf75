"""Lab 9's cross-Region read replica: a stack in the second Region replicates the primary Region's database."""

from conftest import client, template

SECONDARY = "ap-northeast-1"


def network(region):
    return {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "SubnetA": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": f"{region}a"}},
        "SubnetC": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": f"{region}c"}},
        "Group": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "db", "VpcId": {"Ref": "Vpc"}}},
        "Subnets": {"Type": "AWS::RDS::DBSubnetGroup", "Properties": {"DBSubnetGroupDescription": "db", "SubnetIds": [{"Ref": "SubnetA"}, {"Ref": "SubnetC"}]}},
    }


PRIMARY = {
    **network("us-east-1"),
    "Database": {
        "Type": "AWS::RDS::DBInstance",
        "Properties": {
            "AllocatedStorage": "20",
            "DBInstanceClass": "db.t3.micro",
            "Engine": "mysql",
            "MasterUsername": "admin",
            "MasterUserPassword": "password123",
            "BackupRetentionPeriod": 7,
            "StorageEncrypted": True,
            "DBSubnetGroupName": {"Ref": "Subnets"},
            "VPCSecurityGroups": [{"Fn::GetAtt": ["Group", "GroupId"]}],
        },
    },
}
KEY = f"arn:aws:kms:{SECONDARY}:123456789012:key/replica"


def read_region(instance_class="db.t3.micro"):
    replica = {
        "Type": "AWS::RDS::DBInstance",
        "Properties": {
            "DBInstanceClass": instance_class,
            "SourceDBInstanceIdentifier": {"Ref": "SourceDatabaseArn"},
            "SourceRegion": "us-east-1",
            "KmsKeyId": KEY,
            "StorageEncrypted": True,
            "DBSubnetGroupName": {"Ref": "Subnets"},
            "VPCSecurityGroups": [{"Fn::GetAtt": ["Group", "GroupId"]}],
            "PubliclyAccessible": False,
        },
    }
    return template({**network(SECONDARY), "Replica": replica}, {"Reader": {"Value": {"Fn::GetAtt": ["Replica", "Endpoint.Address"]}}}, {"SourceDatabaseArn": {"Type": "String"}})


def test_replica_lives_and_is_described_in_its_region_and_leaves_cleanly(stacks):
    primary = stacks.create(template(PRIMARY), name="Primary")
    source = client("rds").describe_db_instances(DBInstanceIdentifier=primary["Database"])["DBInstances"][0]
    second = stacks.in_region(SECONDARY)
    ids = second.create(read_region(), name="ReadRegion", parameters={"SourceDatabaseArn": source["DBInstanceArn"]})

    rds = client("rds", SECONDARY)
    replica = rds.describe_db_instances(DBInstanceIdentifier=ids["Replica"])["DBInstances"][0]
    assert replica["ReadReplicaSourceDBInstanceIdentifier"] == source["DBInstanceArn"]
    assert replica["DBInstanceArn"] == f"arn:aws:rds:{SECONDARY}:123456789012:db:{ids['Replica']}"
    assert replica["AvailabilityZone"] == f"{SECONDARY}a"
    assert (replica["KmsKeyId"], replica["StorageEncrypted"], replica["PubliclyAccessible"]) == (KEY, True, False)
    assert replica["DBSubnetGroup"]["VpcId"] == ids["Vpc"]
    assert [group["VpcSecurityGroupId"] for group in replica["VpcSecurityGroups"]] == [ids["Group"]]
    assert second.outputs("ReadRegion")["Reader"].endswith(f".{SECONDARY}.rds.amazonaws.com")
    assert [item["DBInstanceIdentifier"] for item in client("rds").describe_db_instances()["DBInstances"]] == [primary["Database"]]
    listed = client("rds").describe_db_instances(DBInstanceIdentifier=primary["Database"])["DBInstances"][0]["ReadReplicaDBInstanceIdentifiers"]
    assert listed == [replica["DBInstanceArn"]]

    assert second.update(read_region("db.t3.small"), name="ReadRegion", parameters=[{"ParameterKey": "SourceDatabaseArn", "UsePreviousValue": True}])["Replica"] == ids["Replica"]
    assert rds.describe_db_instances(DBInstanceIdentifier=ids["Replica"])["DBInstances"][0]["DBInstanceClass"] == "db.t3.small"

    second.delete("ReadRegion")
    assert rds.describe_db_instances()["DBInstances"] == []
    assert client("rds").describe_db_instances(DBInstanceIdentifier=primary["Database"])["DBInstances"][0]["ReadReplicaDBInstanceIdentifiers"] == []
