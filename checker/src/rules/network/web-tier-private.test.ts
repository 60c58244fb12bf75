import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { grownShopGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { webTierPrivate } from './web-tier-private';

describe('web-tier-private', () => {
  it('passes when WEB and APP run in private subnets', () => {
    expect(judge(webTierPrivate, grownShopGraph()).status).toBe('PASS');
  });

  it('fails when the WEB servers sit in public subnets, or get public IP addresses', () => {
    const outcome = judge(
      webTierPrivate,
      grownShopGraph(() => undefined, { webSubnets: ec2.SubnetType.PUBLIC }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.resources).toEqual([expect.stringMatching(/^Web/)]);
    const publicIp = grownShopGraph(() => undefined, { launchTemplate: { associatePublicIpAddress: true } });
    expect(judge(webTierPrivate, publicIp).message.en).toContain('a public IP address');
  });

  it('is not applicable without tiers', () => {
    expect(judge(webTierPrivate, unrelatedGraph()).status).toBe('SKIP');
  });
});
