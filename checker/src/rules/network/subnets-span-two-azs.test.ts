import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { subnetsSpanTwoAzs } from './subnets-span-two-azs';

describe('subnets-span-two-azs', () => {
  it('passes for a CDK VPC with three subnet groups over two AZs', () => {
    const outcome = judge(subnetsSpanTwoAzs, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('AZ#1, AZ#2');
  });

  it('passes for L1 subnets over three AZs and a hand-written template with literal AZ names', () => {
    expect(judge(subnetsSpanTwoAzs, l1ShopTemplate()).message.en).toMatch(/^3 AZs/);
    expect(judge(subnetsSpanTwoAzs, handWrittenShop()).status).toBe('PASS');
  });

  it('fails when everything is in one AZ (the on-premises shape)', () => {
    const outcome = judge(subnetsSpanTwoAzs, shopTemplate({ maxAzs: 1, natGateways: 1 }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('All subnets are in one AZ');
  });

  it('fails when the isolated database subnets are missing and names what each AZ lacks', () => {
    const outcome = judge(subnetsSpanTwoAzs, shopTemplate({ noIsolatedSubnets: true }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('AZ#1 has public, private but no isolated');
    expect(outcome.message.en).toContain('No AZ has all three kinds');
    expect(outcome.message.ko).toContain('격리 없음');
  });

  it('fails when only one AZ has a subnet of every kind', () => {
    const template = handWrittenShop();
    for (const id of ['DataSubnet2', 'DataRoutes2', 'DataRoutes2Link', 'DataSubnet3', 'DataRoutes3', 'DataRoutes3Link'])
      delete template.Resources[id];
    template.Resources.DbSubnets.Properties.SubnetIds = [{ Ref: 'DataSubnet1' }];
    expect(judge(subnetsSpanTwoAzs, template).message.en).toContain('Only 1 AZ has all three kinds');
  });

  it('fails when the stack has no subnets', () => {
    expect(
      judge(subnetsSpanTwoAzs, { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } }).status,
    ).toBe('FAIL');
  });
});
