#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopCloudFrontCdn', { description: 'CloudFront in front of S3 and the ALB (AWS architecture workshop)' });
