"""DB instances wear VPCSecurityGroups, keep DeletionProtection, and update in place."""

from conftest import VPC, client, template


def resources(multi_az=False, retention=0):
    return {
        **VPC,
        "Subnet2": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b"}},
        "Group": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "db", "VpcId": {"Ref": "Vpc"}}},
        "Subnets": {"Type": "AWS::RDS::DBSubnetGroup", "Properties": {"DBSubnetGroupDescription": "db", "SubnetIds": [{"Ref": "Subnet"}, {"Ref": "Subnet2"}]}},
        "Database": {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {
                "AllocatedStorage": "20",
                "DBInstanceClass": "db.t3.micro",
                "Engine": "mysql",
                "MasterUsername": "admin",
                "MasterUserPassword": "password123",
                "DBSubnetGroupName": {"Ref": "Subnets"},
                "VPCSecurityGroups": [{"Fn::GetAtt": ["Group", "GroupId"]}],
                "DeletionProtection": False,
                "MultiAZ": multi_az,
                "BackupRetentionPeriod": retention,
            },
        },
    }


def database(identifier):
    return client("rds").describe_db_instances(DBInstanceIdentifier=identifier)["DBInstances"][0]


def test_vpc_security_groups(stacks):
    ids = stacks.create(template(resources()))
    assert [item["VpcSecurityGroupId"] for item in database(ids["Database"])["VpcSecurityGroups"]] == [ids["Group"]]


def test_update_applies_multi_az_and_backups(stacks):
    before = stacks.create(template(resources()))
    after = stacks.update(template(resources(multi_az=True, retention=7)))
    assert after["Database"] == before["Database"]
    found = database(after["Database"])
    assert (found["MultiAZ"], found["BackupRetentionPeriod"]) == (True, 7)
