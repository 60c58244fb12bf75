#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shop-stack';

const app = new App();
new ShopStack(app, 'ShopEventReady', {
  description: 'Event ready: cache-aside and read replicas for the event-day load (AWS architecture workshop)',
  // Stretch tasks: `cdk synth -c allowedCountries=KR,JP`, and
  // `-c domainName=shop.example.com -c certificateArn=<ACM certificate ARN in us-east-1>`.
  domainName: app.node.tryGetContext('domainName'),
  certificateArn: app.node.tryGetContext('certificateArn'),
  allowedCountries: app.node.tryGetContext('allowedCountries')?.split(','),
  // TODO(event-ready) step 2 (continued): on unless `-c readReplica=false`.
  readReplica: String(app.node.tryGetContext('readReplica')) === 'true',
  // The yearly event in Seoul time, e.g. `-c eventStart=12-24T20:00 -c eventHours=6`.
  eventStart: app.node.tryGetContext('eventStart'),
  eventHours: app.node.tryGetContext('eventHours') === undefined ? undefined : Number(app.node.tryGetContext('eventHours')),
  // Who may still empty the media bucket from outside the VPC (comma-separated ARN patterns), e.g.
  // `-c administratorArns=arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*AdministratorAccess*`.
  administratorArns: app.node.tryGetContext('administratorArns')?.split(','),
  // `-c guardDuty=false` when the account already has a GuardDuty detector in this Region.
  guardDuty: String(app.node.tryGetContext('guardDuty')) !== 'false',
});
