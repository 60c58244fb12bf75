import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { vpcCidr } from './vpc-cidr';

describe('vpc-cidr', () => {
  it('passes for ec2.Vpc with IpAddresses.cidr(10.0.0.0/16), an L1 CfnVPC and a hand-written template', () => {
    expect(judge(vpcCidr, shopTemplate()).status).toBe('PASS');
    expect(judge(vpcCidr, l1ShopTemplate()).status).toBe('PASS');
    expect(judge(vpcCidr, handWrittenShop()).status).toBe('PASS');
  });

  it('passes for the same range written with host bits set', () => {
    const template = handWrittenShop();
    template.Resources.Vpc.Properties.CidrBlock = '10.0.7.0/16';
    expect(judge(vpcCidr, template).status).toBe('PASS');
  });

  it('fails for another range and says which one it found', () => {
    const outcome = judge(vpcCidr, shopTemplate({ cidr: '172.16.0.0/16' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('172.16.0.0/16');
    expect(outcome.message.ko).toContain('10.0.0.0/16');
  });

  it('fails for a /24 and for a value that is not a CIDR block', () => {
    const template = handWrittenShop();
    template.Resources.Vpc.Properties.CidrBlock = '10.0.0.0/24';
    expect(judge(vpcCidr, template).message.en).toContain('256 addresses');
    template.Resources.Vpc.Properties.CidrBlock = 'ten-dot-zero';
    expect(judge(vpcCidr, template).status).toBe('FAIL');
  });

  it('fails when there is no VPC at all', () => {
    expect(judge(vpcCidr, { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } })).toMatchObject({ status: 'FAIL' });
  });

  it('cannot evaluate a VPC whose range comes from an IPAM pool', () => {
    const template = handWrittenShop();
    template.Resources.Vpc.Properties = { Ipv4IpamPoolId: 'ipam-pool-1', Ipv4NetmaskLength: 16 };
    expect(judge(vpcCidr, template)).toMatchObject({ status: 'ERROR', message: { en: expect.stringContaining('cannot evaluate') } });
  });
});
