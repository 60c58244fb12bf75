import { CfnParameter } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addSecurity, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { bastionRestrictedSsh } from './bastion-restricted-ssh';

describe('bastion-restricted-ssh', () => {
  it('passes for a public bastion open to one administrator address', () => {
    const outcome = judge(
      bastionRestrictedSsh,
      grownShopGraph((shop) => addSecurity(shop)),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('203.0.113.7/32');
  });

  it('reads the CIDR from a CfnParameter default, as the lab passes it', () => {
    const graph = grownShopGraph((shop) => {
      const admin = new CfnParameter(shop.stack, 'AdminCidr', { default: '198.51.100.0/24' });
      addSecurity(shop, { bastion: { cidr: admin.valueAsString } });
    });
    expect(judge(bastionRestrictedSsh, graph).message.en).toContain('198.51.100.0/24');
  });

  it('fails for SSH from 0.0.0.0/0 or a very wide range, and without a bastion in a public subnet', () => {
    const open = judge(
      bastionRestrictedSsh,
      grownShopGraph((shop) => addSecurity(shop, { bastion: { cidr: '0.0.0.0/0' } })),
    );
    expect(open.status).toBe('FAIL');
    expect(open.message.en).toContain('0.0.0.0/0');
    expect(
      judge(
        bastionRestrictedSsh,
        grownShopGraph((shop) => addSecurity(shop, { bastion: { cidr: '10.0.0.0/8' } })),
      ).status,
    ).toBe('FAIL');
    expect(
      judge(
        bastionRestrictedSsh,
        grownShopGraph((shop) => addSecurity(shop, { bastion: false })),
      ).message.en,
    ).toContain('No bastion');
    const hidden = judge(
      bastionRestrictedSsh,
      grownShopGraph((shop) => addSecurity(shop, { bastion: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })),
    );
    expect(hidden.status).toBe('FAIL');
  });
});
