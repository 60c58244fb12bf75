import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { asgPrivateMultiAz } from './asg-private-multi-az';

describe('asg-private-multi-az', () => {
  it('passes for WEB and APP groups from launch templates in the private subnets of two AZs, labelled by the ALB in front', () => {
    const outcome = judge(asgPrivateMultiAz, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(
      /WEB Auto Scaling group WebFleet\w+ \(AZ#1, AZ#2\); APP Auto Scaling group AppFleet\w+ \(AZ#1, AZ#2\)/,
    );
  });

  it('passes for L1 groups over three AZs and a hand-written MixedInstancesPolicy', () => {
    expect(judge(asgPrivateMultiAz, l1ShopTemplate()).status).toBe('PASS');
    expect(judge(asgPrivateMultiAz, handWrittenShop()).message.en).toContain(
      'APP Auto Scaling group AppFleet (ap-northeast-2a, ap-northeast-2b, ap-northeast-2c)',
    );
  });

  it('fails for groups in public subnets', () => {
    const outcome = judge(asgPrivateMultiAz, shopTemplate({ tierSubnets: ec2.SubnetType.PUBLIC }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/WEB Auto Scaling group WebFleet\w+ launches servers in public subnets/);
  });

  it('fails for groups in one AZ and with MinSize 1', () => {
    expect(judge(asgPrivateMultiAz, shopTemplate({ tiersInOneAz: true })).message.en).toMatch(/runs only in AZ#1: if that AZ fails/);
    expect(judge(asgPrivateMultiAz, shopTemplate({ minCapacity: 1 })).message.en).toContain('has MinSize 1');
  });

  it('fails for a launch configuration and for a group with no subnets', () => {
    expect(judge(asgPrivateMultiAz, shopTemplate({ launchConfiguration: true })).message.en).toMatch(
      /APP Auto Scaling group AppFleet\w+ uses launch configuration/,
    );
    const template = handWrittenShop();
    delete template.Resources.WebFleet.Properties.VPCZoneIdentifier;
    template.Resources.WebFleet.Properties.AvailabilityZones = ['ap-northeast-2a', 'ap-northeast-2b'];
    expect(judge(asgPrivateMultiAz, template).message.en).toContain(
      "WEB Auto Scaling group WebFleet names no subnets (VPCZoneIdentifier), so it launches into the default VPC's public subnets",
    );
  });

  it('fails with fewer than two groups', () => {
    const template = handWrittenShop();
    delete template.Resources.AppFleet;
    expect(judge(asgPrivateMultiAz, template).message.en).toContain('There is only one Auto Scaling group (WebFleet)');
    delete template.Resources.WebFleet;
    expect(judge(asgPrivateMultiAz, template).message.en).toContain('There is no Auto Scaling group');
  });
});
