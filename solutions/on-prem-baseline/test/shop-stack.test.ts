import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DatabaseServer } from '../lib/database';
import { ShopNetwork } from '../lib/network';
import { SecurityChain } from '../lib/security';
import { ShopStack } from '../lib/shop-stack';
import { NginxLoadBalancer, WebAppServers } from '../lib/tiers';

const template = Template.fromStack(new ShopStack(new App(), 'ShopOnPremBaseline'));
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;

/** The logical id of the only security group whose description starts with `prefix`. */
function groupId(prefix: string): string {
  const ids = Object.keys(
    template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp(`^${prefix}`) } }),
  );
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('the on-premises network', () => {
  it('is one VPC with one public subnet in one AZ and no NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    template.resourceCountIs('AWS::EC2::Subnet', 1);
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true });
    template.resourceCountIs('AWS::EC2::InternetGateway', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.hasResourceProperties('AWS::EC2::Route', { DestinationCidrBlock: '0.0.0.0/0', GatewayId: Match.anyValue() });
  });
});

describe('the servers', () => {
  it('are four t3.micro instances: one load balancer, two web+app, one database', () => {
    template.resourceCountIs('AWS::EC2::Instance', 4);
    template.allResourcesProperties('AWS::EC2::Instance', { InstanceType: 't3.micro' });
    const groupOf = (group: string) =>
      template.findResources('AWS::EC2::Instance', { Properties: { SecurityGroupIds: [{ 'Fn::GetAtt': [group, 'GroupId'] }] } });
    expect(Object.keys(groupOf(groupId('Load balancer')))).toHaveLength(1);
    expect(Object.keys(groupOf(groupId('Web\\+app')))).toHaveLength(2);
    expect(Object.keys(groupOf(groupId('Database')))).toHaveLength(1);
  });

  it('points the nginx load balancer at both web+app servers by private IP', () => {
    const [webApp1, webApp2] = Object.keys(
      template.findResources('AWS::EC2::Instance', {
        Properties: { SecurityGroupIds: [{ 'Fn::GetAtt': [groupId('Web\\+app'), 'GroupId'] }] },
      }),
    );
    const loadBalancer = Object.values(
      template.findResources('AWS::EC2::Instance', {
        Properties: { SecurityGroupIds: [{ 'Fn::GetAtt': [groupId('Load balancer'), 'GroupId'] }] },
      }),
    )[0];
    const userData = JSON.stringify(loadBalancer.Properties.UserData);
    expect(userData).toContain('upstream web_app');
    expect(userData).toContain(JSON.stringify({ 'Fn::GetAtt': [webApp1, 'PrivateIp'] }));
    expect(userData).toContain(JSON.stringify({ 'Fn::GetAtt': [webApp2, 'PrivateIp'] }));
  });

  it('runs MariaDB on the database server', () => {
    const database = Object.values(
      template.findResources('AWS::EC2::Instance', {
        Properties: { SecurityGroupIds: [{ 'Fn::GetAtt': [groupId('Database'), 'GroupId'] }] },
      }),
    )[0];
    expect(JSON.stringify(database.Properties.UserData)).toContain('mariadb105-server');
  });
});

describe('the security groups', () => {
  it('open only the load balancer to the internet, on port 80', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Load balancer'),
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 80, ToPort: 80, IpProtocol: 'tcp' })],
    });
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroup')).flatMap(
      (group) => (group.Properties.SecurityGroupIngress ?? []) as Array<{ CidrIp?: string }>,
    );
    const openToWorld = [
      ...ingress,
      ...Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties),
    ].filter((rule) => rule.CidrIp === '0.0.0.0/0');
    expect(openToWorld).toHaveLength(1);
  });

  it('chain load balancer → web+app on 80 → database on 3306 and nothing else', () => {
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [groupId('Web\\+app'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [groupId('Load balancer'), 'GroupId'] },
      FromPort: 80,
      ToPort: 80,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [groupId('Database'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [groupId('Web\\+app'), 'GroupId'] },
      FromPort: 3306,
      ToPort: 3306,
    });
  });
});

it('deploys without Lambda-backed custom resources (no Docker needed locally)', () => {
  const types = Object.values(resources).map((r) => r.Type);
  expect(types.filter((type) => type.startsWith('Custom::') || type.startsWith('AWS::Lambda::'))).toEqual([]);
});

describe('invalid props', () => {
  /** A fresh stack with a VPC and one security group, to build a single construct in. */
  function scaffold() {
    const stack = new Stack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    return { stack, vpc, securityGroup: new ec2.SecurityGroup(stack, 'Group', { vpc }) };
  }

  it('rejects a CIDR range that is not /16 to /24', () => {
    expect(() => new ShopNetwork(new Stack(), 'Network', { cidr: '10.0.0.0/8' })).toThrow(
      /cidr "10\.0\.0\.0\/8" is not an IPv4 range from \/16 to \/24/,
    );
    expect(() => new ShopNetwork(new Stack(), 'Network', { cidr: '300.0.0.0/16' })).toThrow(/ShopNetwork: cidr/);
  });

  it('rejects ports outside 1-65535', () => {
    const { stack, vpc } = scaffold();
    expect(() => new SecurityChain(stack, 'Security', { vpc, databasePort: 70000 })).toThrow(/databasePort 70000 is not a TCP port/);
  });

  it('rejects a server count outside 1-10 and a load balancer without backends', () => {
    const { stack, vpc, securityGroup } = scaffold();
    expect(() => new WebAppServers(stack, 'WebApp', { vpc, securityGroup, count: 0 })).toThrow(
      /count 0 is not a whole number from 1 to 10/,
    );
    expect(() => new NginxLoadBalancer(stack, 'Lb', { vpc, securityGroup, backends: [] })).toThrow(/backends is empty/);
  });

  it('builds a database server from valid props', () => {
    const { stack, vpc, securityGroup } = scaffold();
    expect(new DatabaseServer(stack, 'Database', { vpc, securityGroup }).instance).toBeInstanceOf(ec2.Instance);
  });
});
