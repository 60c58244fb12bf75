#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopMultiAzRds', {
  description: 'Multi-AZ RDS: no more single database (AWS architecture workshop)',
  // Stretch task: `cdk synth -c domainName=shop.example.com` adds the Route 53 hosted zone.
  domainName: app.node.tryGetContext('domainName'),
});
