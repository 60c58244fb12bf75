#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopS3StaticHosting', {
  description: 'Static files on S3, private traffic through a VPC endpoint (AWS architecture workshop)',
});
