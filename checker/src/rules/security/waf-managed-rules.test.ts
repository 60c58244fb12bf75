import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { addCdn, addSecurity, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { wafManagedRules } from './waf-managed-rules';

describe('waf-managed-rules', () => {
  it('passes for a REGIONAL web ACL with AWS managed rules on the external ALB', () => {
    const outcome = judge(
      wafManagedRules,
      grownShopGraph((shop) => addSecurity(shop)),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('AWSManagedRulesCommonRuleSet');
  });

  it('accepts a CLOUDFRONT web ACL on the distribution, in the stack or by ARN from a us-east-1 stack', () => {
    const inStack = grownShopGraph((shop) => {
      const acl = new wafv2.CfnWebACL(shop.stack, 'EdgeAcl', {
        scope: 'CLOUDFRONT',
        defaultAction: { allow: {} },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'edge', sampledRequestsEnabled: true },
        rules: [
          {
            name: 'bad-inputs',
            priority: 0,
            statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
            overrideAction: { none: {} },
            visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'bad', sampledRequestsEnabled: true },
          },
        ],
      });
      const distribution = addCdn(shop);
      (distribution.node.defaultChild as cloudfront.CfnDistribution).addPropertyOverride('DistributionConfig.WebACLId', acl.attrArn);
    });
    expect(judge(wafManagedRules, inStack).message.en).toContain('(CLOUDFRONT)');
    const byArn = grownShopGraph((shop) => {
      const distribution = addCdn(shop);
      (distribution.node.defaultChild as cloudfront.CfnDistribution).addPropertyOverride(
        'DistributionConfig.WebACLId',
        'arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/11111111-2222-3333-4444-555555555555',
      );
    });
    expect(judge(wafManagedRules, byArn).message.en).toContain('another stack in us-east-1');
  });

  it('fails without a web ACL, for count-only rules, and when the web ACL protects nothing', () => {
    expect(
      judge(
        wafManagedRules,
        grownShopGraph((shop) => addSecurity(shop, { waf: false })),
      ).message.en,
    ).toContain('No AWS WAF');
    expect(
      judge(
        wafManagedRules,
        grownShopGraph((shop) => addSecurity(shop, { waf: 'count' })),
      ).status,
    ).toBe('FAIL');
    expect(
      judge(
        wafManagedRules,
        grownShopGraph((shop) => addSecurity(shop, { waf: 'unassociated' })),
      ).status,
    ).toBe('FAIL');
  });
});
