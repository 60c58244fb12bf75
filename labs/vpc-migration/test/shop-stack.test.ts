import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ShopStack } from '../lib/shop-stack';

test('the stack synthesizes to a CloudFormation template', () => {
  const template = Template.fromStack(new ShopStack(new App(), 'Test'));
  expect(template.toJSON().Parameters).toHaveProperty('BootstrapVersion');
});
