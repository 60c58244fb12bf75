import { runFetcher } from '../test-transport';
import { wafv2Fetcher } from './wafv2';

const regionalArn = 'arn:aws:wafv2:ap-northeast-2:123456789012:regional/webacl/shop/1';
const lbArn = 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/shop/abc';
const rules = [
  {
    Name: 'common',
    Priority: 0,
    Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
    OverrideAction: { None: {} },
  },
];

describe('wafv2 fetcher', () => {
  it('reads web ACLs by name|id|scope (CloudFront scope in us-east-1) and regional associations', async () => {
    const { byId, requests } = await runFetcher(
      wafv2Fetcher,
      {
        'wafv2:GetWebACL': (input: Record<string, unknown>) => ({
          WebACL: {
            Name: input.Name,
            Id: input.Id,
            ARN: input.Scope === 'REGIONAL' ? regionalArn : 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/2',
            DefaultAction: { Allow: {} },
            Rules: rules,
            VisibilityConfig: { SampledRequestsEnabled: true },
          },
        }),
        'wafv2:ListResourcesForWebACL': { ResourceArns: [lbArn] },
      },
      [
        { physicalId: 'shop|1|REGIONAL', type: 'AWS::WAFv2::WebACL' },
        { physicalId: 'cdn|2|CLOUDFRONT', type: 'AWS::WAFv2::WebACL' },
      ],
    );
    expect(byId('shop|1|REGIONAL')).toMatchObject({
      properties: { Name: 'shop', Scope: 'REGIONAL', DefaultAction: { Allow: {} }, Rules: rules },
      live: { arn: regionalArn },
    });
    expect(byId(`${lbArn}|${regionalArn}`).properties).toEqual({ ResourceArn: { $ref: lbArn }, WebACLArn: { $ref: regionalArn } });
    expect(requests.filter((request) => request.command === 'GetWebACL').map((request) => request.region)).toEqual([
      undefined,
      'us-east-1',
    ]);
    expect(requests.filter((request) => request.command === 'ListResourcesForWebACL')).toHaveLength(1);
  });
});
