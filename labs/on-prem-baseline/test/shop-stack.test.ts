import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ShopStack } from '../lib/shop-stack';

const template = Template.fromStack(new ShopStack(new App(), 'ShopOnPremBaseline'));

// The network is given; add tests for the security groups and servers as you build them.
it('starts with the network: one VPC with one public subnet in one AZ and no NAT gateway', () => {
  template.resourceCountIs('AWS::EC2::VPC', 1);
  template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
  template.resourceCountIs('AWS::EC2::Subnet', 1);
  template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true });
  template.resourceCountIs('AWS::EC2::InternetGateway', 1);
  template.resourceCountIs('AWS::EC2::NatGateway', 0);
});
