import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Props of {@link WebFirewall}. */
export interface WebFirewallProps {
  /** The internet-facing load balancer to protect. */
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /**
   * AWS managed rule groups to apply, in order.
   * @default Common, KnownBadInputs and AmazonIpReputationList
   */
  readonly managedRuleGroups?: string[];
}

/**
 * AWS WAF in front of the external ALB: a web ACL with AWS managed rule groups (OWASP-style
 * attacks, known bad inputs, IP addresses with a bad reputation). Shield Standard already absorbs
 * network floods for free; WAF looks inside each HTTP request.
 */
export class WebFirewall extends Construct {
  /** The web ACL. */
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    const groups = props.managedRuleGroups ?? [
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesAmazonIpReputationList',
    ];
    if (groups.length === 0) throw new Error('WebFirewall: managedRuleGroups is empty: a web ACL without rules blocks nothing.');
    super(scope, id);

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      // REGIONAL protects a regional resource (this ALB). A CLOUDFRONT web ACL would sit at the
      // edge instead, but must be created in us-east-1: a second stack in that Region.
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'shop-web-acl', sampledRequestsEnabled: true },
      rules: groups.map((name, priority) => ({
        name,
        priority,
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        // none: keep the group's own actions (block); count would only log matches.
        overrideAction: { none: {} },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
      })),
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.loadBalancer.loadBalancerArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
