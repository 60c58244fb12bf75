import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsPrivate } from './rds-private';

describe('rds-private', () => {
  it('passes for a DatabaseInstance in isolated subnets with publiclyAccessible false', () => {
    const outcome = judge(rdsPrivate, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/Database Orders\w+ has no public address/);
  });

  it('passes for an L1 CfnDBInstance on subnets left on the main route table, and a subnet group named by string', () => {
    expect(judge(rdsPrivate, l1ShopTemplate()).message.en).toContain('(Data0, Data1, Data2)');
    expect(judge(rdsPrivate, handWrittenShop()).status).toBe('PASS');
  });

  it('passes for a database in private subnets with NAT egress: no internet gateway route', () => {
    expect(judge(rdsPrivate, shopTemplate({ noIsolatedSubnets: true })).status).toBe('PASS');
  });

  it('fails for publiclyAccessible: true in public subnets, naming both problems', () => {
    const outcome = judge(rdsPrivate, shopTemplate({ database: { publiclyAccessible: true, subnets: ec2.SubnetType.PUBLIC } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has PubliclyAccessible: true');
    expect(outcome.message.en).toContain('which route to the internet gateway');
  });

  it('fails when PubliclyAccessible is left out in a VPC with an internet gateway (the RDS default makes it public)', () => {
    const template = handWrittenShop();
    delete template.Resources.Database.Properties.PubliclyAccessible;
    expect(judge(rdsPrivate, template).message.en).toContain('does not set PubliclyAccessible, and its VPC has an internet gateway');
  });

  it('fails without a DB subnet group, and when there is no database', () => {
    const template = handWrittenShop();
    delete template.Resources.Database.Properties.DBSubnetGroupName;
    expect(judge(rdsPrivate, template).message.en).toContain('has no DB subnet group, so RDS places it in the default VPC');
    expect(judge(rdsPrivate, shopTemplate({ noDatabase: true })).message.en).toContain('There is no RDS database');
  });
});
