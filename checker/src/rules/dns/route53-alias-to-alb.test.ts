import { ResourceGraph } from '../../model/graph';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { shopTemplate } from '../fixtures/shop';
import { route53AliasToAlb } from './route53-alias-to-alb';

describe('route53-alias-to-alb', () => {
  it('skips with a hint when there is no hosted zone (optional stretch task)', () => {
    const outcome = judge(route53AliasToAlb, shopTemplate());
    expect(outcome.status).toBe('SKIP');
    expect(outcome.message.en).toContain('Optional stretch not attempted: no Route 53 hosted zone. To try it');
  });

  it('passes for route53.ARecord with LoadBalancerTarget (a "dualstack." Join on the ALB DNS name)', () => {
    const outcome = judge(route53AliasToAlb, shopTemplate({ route53: { alias: true } }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/Alias A record shop\.example\.com\. \(Apex\w+\) sends the domain to load balancer FrontDoor\w+/);
  });

  it('passes for a hand-written RecordSetGroup alias with GetAtt DNSName', () => {
    const template = handWrittenShop();
    template.Resources.Zone = { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'shop.example.com' } };
    template.Resources.Records = {
      Type: 'AWS::Route53::RecordSetGroup',
      Properties: {
        HostedZoneId: { Ref: 'Zone' },
        RecordSets: [
          {
            Name: 'www.shop.example.com',
            Type: 'A',
            AliasTarget: {
              DNSName: { 'Fn::GetAtt': ['FrontAlb', 'DNSName'] },
              HostedZoneId: { 'Fn::GetAtt': ['FrontAlb', 'CanonicalHostedZoneID'] },
            },
          },
        ],
      },
    };
    expect(judge(route53AliasToAlb, template).message.en).toContain(
      'Alias A record www.shop.example.com (Records) sends the domain to load balancer FrontAlb',
    );
  });

  it('passes in live mode when the alias names the ALB by its DNS name', () => {
    const graph = new ResourceGraph('live', [
      { id: 'Z123', physicalId: 'Z123', type: 'AWS::Route53::HostedZone', properties: { Name: 'shop.example.com.' } },
      {
        id: 'arn:aws:elasticloadbalancing:ap-northeast-2:111122223333:loadbalancer/app/shop/abc',
        type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        properties: { Scheme: 'internet-facing', Type: 'application' },
        live: { dnsName: 'shop-123.ap-northeast-2.elb.amazonaws.com' },
      },
      {
        id: 'Z123|shop.example.com.|A',
        type: 'AWS::Route53::RecordSet',
        properties: {
          Name: 'shop.example.com.',
          Type: 'A',
          AliasTarget: { DNSName: 'dualstack.shop-123.ap-northeast-2.elb.amazonaws.com' },
        },
      },
    ]);
    expect(judge(route53AliasToAlb, graph).status).toBe('PASS');
  });

  it('fails for an A record with fixed IP addresses, and for a zone with no record', () => {
    const fixed = judge(route53AliasToAlb, shopTemplate({ route53: { alias: false } }));
    expect(fixed.status).toBe('FAIL');
    expect(fixed.message.en).toContain("lists fixed IP addresses, but the ALB's addresses change");
    const template = handWrittenShop();
    template.Resources.Zone = { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'shop.example.com' } };
    expect(judge(route53AliasToAlb, template).message.en).toContain(
      'Hosted zone Zone has no alias A record pointing at load balancer FrontAlb',
    );
  });
});
