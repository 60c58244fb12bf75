#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopOnPremBaseline', { description: 'On-premises baseline (AWS architecture workshop)' });
