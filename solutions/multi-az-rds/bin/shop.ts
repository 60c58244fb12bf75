#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopMultiAzRds', {
  description: 'Multi-AZ RDS: no more single database (AWS architecture workshop)',
  // Stretch tasks: `cdk synth -c domainName=shop.example.com -c readReplica=true`.
  domainName: app.node.tryGetContext('domainName'),
  readReplica: String(app.node.tryGetContext('readReplica')) === 'true',
});
