#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopCloudFrontCdn', {
  description: 'CloudFront in front of S3 and the ALB (AWS architecture workshop)',
  // Stretch tasks: `cdk synth -c domainName=shop.example.com -c readReplica=true`.
  domainName: app.node.tryGetContext('domainName'),
  readReplica: String(app.node.tryGetContext('readReplica')) === 'true',
});
