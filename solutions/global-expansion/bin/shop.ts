#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ReadRegionStack } from '../lib/read-region-stack';
import { DEFAULT_SECONDARY_REGION, RecoveryStack } from '../lib/recovery-stack';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
// The second Region: Tokyo by default, the DR Region of lab 8 and now the Japan expansion
// (`-c secondaryRegion=us-west-2` to choose another).
const secondaryRegion: string = app.node.tryGetContext('secondaryRegion') ?? DEFAULT_SECONDARY_REGION;
// The yearly event in Seoul time, e.g. `-c eventStart=12-24T20:00 -c eventHours=6`: both Regions scale out for it.
const eventStart: string | undefined = app.node.tryGetContext('eventStart');
const eventHours = app.node.tryGetContext('eventHours') === undefined ? undefined : Number(app.node.tryGetContext('eventHours'));
// Deployed first, to the secondary Region: the vault and the bucket that the primary stack's backups
// and media are copied into.
const recovery = new RecoveryStack(app, 'ShopGlobalExpansionRecovery', {
  description: 'Global expansion: the recovery side in the secondary Region (AWS architecture workshop)',
  env: { region: secondaryRegion },
});
// The shop itself, in the Region you deploy to: every write still happens here.
const shop = new ShopStack(app, 'ShopGlobalExpansion', {
  description: 'Global expansion: the primary Region, with media at the edge (AWS architecture workshop)',
  // Plain strings, not a cross-stack reference: CloudFormation cannot reference a stack in another Region.
  recovery: recovery.target,
  // Stretch tasks: `cdk synth -c allowedCountries=KR,JP`, and
  // `-c domainName=shop.example.com -c certificateArn=<ACM certificate ARN in us-east-1>`.
  domainName: app.node.tryGetContext('domainName'),
  certificateArn: app.node.tryGetContext('certificateArn'),
  // `-c zoneName=shop.your-domain.com`: the hosted zone for a domain you own (see HostedZoneNameServers).
  zoneName: app.node.tryGetContext('zoneName'),
  allowedCountries: app.node.tryGetContext('allowedCountries')?.split(','),
  // The read replica serves the cache misses; `-c readReplica=false` sends them to the writer.
  readReplica: String(app.node.tryGetContext('readReplica')) !== 'false',
  eventStart,
  eventHours,
  // Who may still empty the media bucket from outside the VPC (comma-separated ARN patterns), e.g.
  // `-c administratorArns=arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*AdministratorAccess*`.
  administratorArns: app.node.tryGetContext('administratorArns')?.split(','),
  // `-c guardDuty=false` when the account already has a GuardDuty detector in this Region.
  guardDuty: String(app.node.tryGetContext('guardDuty')) !== 'false',
});
// Deployed last, to the secondary Region: the serving tier and read replica for customers near it.
// Its parameters come from the primary stack's outputs (the deploy tool passes them).
new ReadRegionStack(app, 'ShopGlobalExpansionReadRegion', {
  description: 'Global expansion: the read Region with latency routing (AWS architecture workshop)',
  env: { region: secondaryRegion },
  zoneName: shop.zoneName,
  eventStart,
  eventHours,
});
