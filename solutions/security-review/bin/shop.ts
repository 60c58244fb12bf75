#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopSecurityReview', { description: 'Security review: harden the whole shop (AWS architecture workshop)' });
