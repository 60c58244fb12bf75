#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopVpcMigration', {
  description: 'Move to a VPC across two Availability Zones (AWS architecture workshop)',
  // Stretch task: `cdk synth -c domainName=shop.example.com` adds the Route 53 hosted zone.
  domainName: app.node.tryGetContext('domainName'),
});
