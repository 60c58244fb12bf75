import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ShopStack } from '../lib/shop-stack';

const template = Template.fromStack(new ShopStack(new App(), 'ShopVpcMigration'));

describe('the starter: the on-premises baseline you migrate from', () => {
  it('is one VPC with one public subnet in one AZ and no NAT gateway', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    template.resourceCountIs('AWS::EC2::Subnet', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
  });

  it('runs four fixed EC2 servers and no Auto Scaling group, managed load balancer or RDS', () => {
    template.resourceCountIs('AWS::EC2::Instance', 4);
    template.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 0);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    template.resourceCountIs('AWS::RDS::DBInstance', 0);
  });

  it('has three security groups and only the load balancer server is open to the internet', () => {
    template.resourceCountIs('AWS::EC2::SecurityGroup', 3);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Load balancer'),
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 80 })],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
  });
});
