#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopS3StaticHosting', {
  description: 'Static files on S3, private traffic through a VPC endpoint (AWS architecture workshop)',
  // Stretch tasks: `cdk synth -c domainName=shop.example.com -c readReplica=true`.
  domainName: app.node.tryGetContext('domainName'),
  readReplica: String(app.node.tryGetContext('readReplica')) === 'true',
});
