import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { albInternetFacingMultiAz } from './alb-internet-facing-multi-az';

describe('alb-internet-facing-multi-az', () => {
  it('passes for an internet-facing ALB in the public subnets of two AZs', () => {
    const outcome = judge(albInternetFacingMultiAz, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/FrontDoor\w+ is internet-facing, listens on 80 and spans public subnets in 2 AZs/);
  });

  it('passes for an L1 CfnLoadBalancer that leaves Scheme to its internet-facing default, and for SubnetMappings', () => {
    expect(judge(albInternetFacingMultiAz, l1ShopTemplate()).message.en).toContain(
      'WebLb is internet-facing, listens on 80 and spans public subnets in 3 AZs',
    );
    expect(judge(albInternetFacingMultiAz, handWrittenShop()).status).toBe('PASS');
  });

  it('fails for an internet-facing ALB in private subnets', () => {
    const outcome = judge(albInternetFacingMultiAz, shopTemplate({ albSubnets: ec2.SubnetType.PRIVATE_WITH_EGRESS }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/internet-facing but sits in subnet \S+, which has no route to the internet gateway/);
  });

  it('fails for an ALB in one AZ and for one without listeners', () => {
    const template = handWrittenShop();
    template.Resources.FrontAlb.Properties.SubnetMappings = [{ SubnetId: { Ref: 'PublicSubnet1' } }];
    delete template.Resources.FrontListener;
    delete template.Resources.FrontToWeb;
    const outcome = judge(albInternetFacingMultiAz, template);
    expect(outcome.message.en).toContain('FrontAlb spans only ap-northeast-2a');
    expect(outcome.message.en).toContain('FrontAlb has no listener');
  });

  it('fails when every ALB is internal, and when there is none', () => {
    expect(
      judge(albInternetFacingMultiAz, shopTemplate({ albInternal: true, albSubnets: ec2.SubnetType.PRIVATE_WITH_EGRESS })).message.en,
    ).toContain('Every Application Load Balancer is internal');
    const template = handWrittenShop();
    for (const id of ['FrontAlb', 'FrontListener', 'FrontToWeb', 'InnerAlb', 'InnerListener']) delete template.Resources[id];
    expect(judge(albInternetFacingMultiAz, template).message.en).toContain('There is no internet-facing Application Load Balancer');
  });
});
