// The honest part of every hostile fixture: the lab's stack with only its VPC (vpc-cidr passes).
const { App, Stack } = require('aws-cdk-lib');
const { CfnVPC } = require('aws-cdk-lib/aws-ec2');

/** Synthesizes nothing by itself: creates the app and the stack, as a lab's bin/ file does. */
function vpcApp() {
  const app = new App();
  const stack = new Stack(app, 'ShopVpcMigration');
  new CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return app;
}

module.exports = { vpcApp };
