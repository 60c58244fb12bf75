"""Security groups: declared egress, separate egress and ingress rules, and updates that keep the group."""

from conftest import VPC, client, template


def group(group_id):
    return client("ec2").describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]


def egress_cidrs(group_id):
    return [(rule["IpProtocol"], [item["CidrIp"] for item in rule["IpRanges"]]) for rule in group(group_id)["IpPermissionsEgress"]]


CLOSED = [{"CidrIp": "255.255.255.255/32", "Description": "Disallow all traffic", "FromPort": 252, "IpProtocol": "icmp", "ToPort": 86}]


def groups(egress=None, ingress=None):
    properties = {"GroupDescription": "app", "VpcId": {"Ref": "Vpc"}}
    if egress is not None:
        properties["SecurityGroupEgress"] = egress
    if ingress is not None:
        properties["SecurityGroupIngress"] = ingress
    return {**VPC, "App": {"Type": "AWS::EC2::SecurityGroup", "Properties": properties}, "Db": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "db", "VpcId": {"Ref": "Vpc"}, "SecurityGroupEgress": CLOSED}}}


RULES = {
    "AppToDb": {
        "Type": "AWS::EC2::SecurityGroupEgress",
        "Properties": {"GroupId": {"Fn::GetAtt": ["App", "GroupId"]}, "IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "DestinationSecurityGroupId": {"Fn::GetAtt": ["Db", "GroupId"]}},
    },
    "DbFromApp": {
        "Type": "AWS::EC2::SecurityGroupIngress",
        "Properties": {"GroupId": {"Fn::GetAtt": ["Db", "GroupId"]}, "IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "SourceSecurityGroupId": {"Fn::GetAtt": ["App", "GroupId"]}, "Description": "MySQL"},
    },
}


def test_declared_egress_replaces_default(stacks):
    resources = stacks.create(template(groups(egress=CLOSED)))
    assert egress_cidrs(resources["App"]) == [("icmp", ["255.255.255.255/32"])]
    assert egress_cidrs(resources["Db"]) == [("icmp", ["255.255.255.255/32"])]


def test_separate_rules_are_created_and_deleted(stacks):
    resources = stacks.create(template({**groups(egress=CLOSED), **RULES}))
    app, db = resources["App"], resources["Db"]
    assert any(pair["GroupId"] == db for rule in group(app)["IpPermissionsEgress"] for pair in rule["UserIdGroupPairs"])
    ingress = group(db)["IpPermissions"]
    assert [(rule["FromPort"], rule["UserIdGroupPairs"][0]["GroupId"], rule["UserIdGroupPairs"][0].get("Description")) for rule in ingress] == [(3306, app, "MySQL")]
    assert resources["AppToDb"].startswith("sgr-")
    stacks.update(template(groups(egress=CLOSED)))
    assert group(db)["IpPermissions"] == []
    assert egress_cidrs(app) == [("icmp", ["255.255.255.255/32"])]


def test_update_changes_rules_in_place(stacks):
    before = stacks.create(template({**groups(ingress=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]), **RULES}))
    after = stacks.update(template({**groups(egress=CLOSED, ingress=[{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "10.0.0.0/16"}]), **RULES}))
    assert after["App"] == before["App"]
    permissions = group(after["App"])["IpPermissions"]
    assert [(rule["FromPort"], rule["IpRanges"][0]["CidrIp"]) for rule in permissions] == [(80, "10.0.0.0/16")]
    outbound = group(after["App"])["IpPermissionsEgress"]
    assert sorted(rule["IpProtocol"] for rule in outbound) == ["icmp", "tcp"]
