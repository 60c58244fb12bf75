import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addSecurity, grownShopGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { noOpenIngress } from './no-open-ingress';

describe('no-open-ingress', () => {
  it('passes when only the external ALB takes port 80 (and 443) from anywhere', () => {
    const graph = grownShopGraph((shop) => {
      addSecurity(shop);
      shop.albSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    });
    const outcome = judge(noOpenIngress, graph);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('tcp 80, tcp 443');
  });

  it('fails for SSH from anywhere, IPv6 anywhere, or an open port range on the ALB', () => {
    expect(
      judge(
        noOpenIngress,
        grownShopGraph((shop) => addSecurity(shop, { bastion: { cidr: '0.0.0.0/0' } })),
      ).status,
    ).toBe('FAIL');
    const v6 = judge(
      noOpenIngress,
      grownShopGraph((shop) => shop.webSg.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(80))),
    );
    expect(v6.message.en).toContain('::/0');
    expect(
      judge(
        noOpenIngress,
        grownShopGraph((shop) => shop.albSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(80, 8080))),
      ).status,
    ).toBe('FAIL');
  });

  it('is not applicable without security groups', () => {
    expect(judge(noOpenIngress, unrelatedGraph()).status).toBe('SKIP');
  });
});
