"""Network ACLs, their entries and subnet associations, through DescribeNetworkAcls."""

from conftest import VPC, client, template

RESOURCES = {
    **VPC,
    "Acl": {"Type": "AWS::EC2::NetworkAcl", "Properties": {"VpcId": {"Ref": "Vpc"}, "Tags": [{"Key": "Name", "Value": "private"}]}},
    "Https": {
        "Type": "AWS::EC2::NetworkAclEntry",
        "Properties": {"NetworkAclId": {"Ref": "Acl"}, "RuleNumber": 100, "Protocol": 6, "RuleAction": "allow", "Egress": False, "CidrBlock": "10.0.0.0/16", "PortRange": {"From": 443, "To": 443}},
    },
    "Link": {"Type": "AWS::EC2::SubnetNetworkAclAssociation", "Properties": {"NetworkAclId": {"Ref": "Acl"}, "SubnetId": {"Ref": "Subnet"}}},
}


def describe(acl_id):
    return client("ec2").describe_network_acls(NetworkAclIds=[acl_id])["NetworkAcls"][0]


def test_acl_entry_and_association(stacks):
    resources = stacks.create(template(RESOURCES))
    acl = describe(resources["Acl"])
    assert acl["VpcId"] == resources["Vpc"]
    entry = next(item for item in acl["Entries"] if item["RuleNumber"] == 100)
    assert (entry["Protocol"], entry["RuleAction"], entry["Egress"], entry["PortRange"]) == ("6", "allow", False, {"From": 443, "To": 443})
    assert [item["SubnetId"] for item in acl["Associations"]] == [resources["Subnet"]]


def test_entry_update_and_delete_returns_subnet_to_default(stacks):
    stacks.create(template(RESOURCES))
    changed = {**RESOURCES, "Https": {**RESOURCES["Https"], "Properties": {**RESOURCES["Https"]["Properties"], "RuleAction": "deny"}}}
    resources = stacks.update(template(changed))
    entry = next(item for item in describe(resources["Acl"])["Entries"] if item["RuleNumber"] == 100)
    assert entry["RuleAction"] == "deny"
    vpc_id = resources["Vpc"]
    stacks.update(template({**VPC}))
    acls = client("ec2").describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NetworkAcls"]
    assert [acl["IsDefault"] for acl in acls] == [True]
    assert resources["Subnet"] in [item["SubnetId"] for item in acls[0]["Associations"]]
