import { runFetcher } from '../test-transport';
import { route53Fetcher } from './route53';

describe('route53 fetcher', () => {
  it('maps a hosted zone and its declared record sets, following record pagination', async () => {
    const { resources, byId, requests } = await runFetcher(
      route53Fetcher,
      {
        'route53:GetHostedZone': {
          HostedZone: { Id: '/hostedzone/Z1', Name: 'shop.example.', Config: { Comment: 'shop', PrivateZone: false } },
        },
        'route53:ListResourceRecordSets': (input: Record<string, unknown>) =>
          input.StartRecordName
            ? {
                ResourceRecordSets: [
                  {
                    Name: 'shop.example.',
                    Type: 'A',
                    AliasTarget: {
                      DNSName: 'dualstack.shop-1.ap-northeast-2.elb.amazonaws.com.',
                      HostedZoneId: 'ZWKZPGTI48KDX',
                      EvaluateTargetHealth: false,
                    },
                  },
                ],
                IsTruncated: false,
              }
            : {
                ResourceRecordSets: [
                  { Name: 'shop.example.', Type: 'NS', TTL: 172800, ResourceRecords: [{ Value: 'ns-1.awsdns-00.com.' }] },
                  { Name: 'shop.example.', Type: 'SOA', TTL: 900, ResourceRecords: [{ Value: 'soa' }] },
                  { Name: 'www.shop.example.', Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: 'shop.example' }] },
                ],
                IsTruncated: true,
                NextRecordName: 'shop.example.',
                NextRecordType: 'A',
              },
      },
      [{ logicalId: 'Zone', physicalId: 'Z1', type: 'AWS::Route53::HostedZone' }],
    );
    expect(byId('Z1').properties).toEqual({ Name: 'shop.example.', HostedZoneConfig: { Comment: 'shop' } });
    expect(resources.filter((resource) => resource.type === 'AWS::Route53::RecordSet').map((resource) => resource.properties)).toEqual([
      { HostedZoneId: { $ref: 'Z1' }, Name: 'www.shop.example.', Type: 'CNAME', TTL: '300', ResourceRecords: ['shop.example'] },
      {
        HostedZoneId: { $ref: 'Z1' },
        Name: 'shop.example.',
        Type: 'A',
        AliasTarget: {
          DNSName: 'dualstack.shop-1.ap-northeast-2.elb.amazonaws.com',
          HostedZoneId: 'ZWKZPGTI48KDX',
          EvaluateTargetHealth: false,
        },
      },
    ]);
    expect(requests[2].input).toEqual({ HostedZoneId: 'Z1', StartRecordName: 'shop.example.', StartRecordType: 'A' });
  });
});
