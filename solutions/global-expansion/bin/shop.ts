#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ReadRegionStack } from '../lib/read-region-stack';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
// The second Region: Tokyo by default (the Japan expansion), `-c secondaryRegion=...` to change it.
const secondaryRegion: string = app.node.tryGetContext('secondaryRegion') ?? 'ap-northeast-1';
const shop = new ShopStack(app, 'ShopGlobalExpansion', {
  description: 'Global expansion: the primary Region (AWS architecture workshop)',
  // Stretch tasks: `cdk synth -c readReplica=true -c allowedCountries=KR,JP`, and
  // `-c domainName=shop.example.com -c certificateArn=<ACM certificate ARN in us-east-1>`.
  domainName: app.node.tryGetContext('domainName'),
  certificateArn: app.node.tryGetContext('certificateArn'),
  // `-c zoneName=shop.your-domain.com` for a domain you own (without domainName's CloudFront alias).
  zoneName: app.node.tryGetContext('zoneName'),
  allowedCountries: app.node.tryGetContext('allowedCountries')?.split(','),
  readReplica: String(app.node.tryGetContext('readReplica')) === 'true',
  // Who may still empty the media bucket from outside the VPC (comma-separated ARN patterns), e.g.
  // `-c administratorArns=arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*AdministratorAccess*`.
  administratorArns: app.node.tryGetContext('administratorArns')?.split(','),
  // `-c guardDuty=false` when the account already has a GuardDuty detector in this Region.
  guardDuty: String(app.node.tryGetContext('guardDuty')) !== 'false',
});
new ReadRegionStack(app, 'ShopGlobalExpansionReadRegion', {
  env: { region: secondaryRegion },
  description: 'Global expansion: the read Region with latency routing (AWS architecture workshop)',
  zoneName: shop.zoneName,
});
