import { withParticle } from '../korean';
import { failWith } from '../problems';
import { applicationLoadBalancers } from '../../model/queries/compute';
import { distributions } from '../../model/queries/cdn';
import { listProp, stringProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import type { ResourceGraph } from '../../model/graph';
import type { Rule } from '../types';

/** An AWS WAF web ACL with AWS managed rule groups protects the external ALB or the CloudFront distribution. */
export const wafManagedRules: Rule = {
  id: 'waf-managed-rules',
  area: 'security',
  title: {
    en: 'An AWS WAF web ACL with AWS managed rule groups protects the external ALB or the CloudFront distribution',
    ko: 'AWS 관리형 규칙 그룹을 넣은 AWS WAF 웹 ACL이 외부 ALB나 CloudFront 디스트리뷰션을 보호한다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Shield Standard stops network floods for free, but SQL injection or a known exploit arrives as a normal-looking HTTP request; WAF reads each request, and AWS keeps the managed rules up to date.',
    ko: 'Shield Standard는 네트워크 폭주를 무료로 막지만, SQL 인젝션이나 알려진 공격은 평범한 HTTP 요청으로 옵니다. WAF는 요청을 하나하나 읽고, 관리형 규칙은 AWS가 최신으로 유지합니다.',
  },
  fix: {
    en: "new wafv2.CfnWebACL(this, ..., { scope: 'REGIONAL', defaultAction: { allow: {} }, rules: [{ name, priority, statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } }, overrideAction: { none: {} }, visibilityConfig }] }) and a CfnWebACLAssociation with the ALB ARN (or scope CLOUDFRONT in us-east-1 and the distribution's webAclId).",
    ko: "new wafv2.CfnWebACL(this, ..., { scope: 'REGIONAL', defaultAction: { allow: {} }, rules: [{ name, priority, statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } }, overrideAction: { none: {} }, visibilityConfig }] })와 ALB ARN을 쓴 CfnWebACLAssociation을 만드세요(또는 us-east-1의 CLOUDFRONT 범위와 디스트리뷰션의 webAclId).",
  },
  guide: { lab: 'security-review', section: 'waf' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: webric을 사용한 이유? (shield는 무료로 방어해줌)' },
  modes: ['template', 'live'],
  services: ['wafv2', 'elbv2', 'cloudfront'],
  evaluate({ graph }) {
    const acls = graph.ofType('AWS::WAFv2::WebACL');
    const externalAlbs = applicationLoadBalancers(graph, 'internet-facing');
    const dists = distributions(graph);
    for (const acl of acls) {
      const groups = blockingManagedGroups(graph, acl);
      if (groups.length === 0) continue;
      const scope = stringProp(graph, acl, 'Scope');
      const albs = graph
        .ofType('AWS::WAFv2::WebACLAssociation')
        .filter((association) => graph.refsIn(graph.prop(association, 'WebACLArn')).includes(acl))
        .flatMap((association) => graph.refsIn(graph.prop(association, 'ResourceArn')))
        .filter((target) => externalAlbs.includes(target));
      const edges = dists.filter((distribution) => graph.refsIn(graph.prop(distribution, 'DistributionConfig.WebACLId')).includes(acl));
      const protectedIds = [...albs, ...edges].map((target) => target.id);
      if (protectedIds.length > 0) {
        return {
          status: 'PASS',
          message: {
            en: `Web ACL ${acl.id} (${scope}) applies ${groups.join(', ')} to ${protectedIds.join(', ')}.`,
            ko: `웹 ACL ${withParticle(`${acl.id}(${scope})`, '이/가')} ${protectedIds.join(', ')}에 ${withParticle(groups.join(', '), '을/를')} 적용합니다.`,
          },
          resources: [acl.id, ...protectedIds],
        };
      }
    }
    const crossStack = dists.find((distribution) => {
      const value = graph.prop(distribution, 'DistributionConfig.WebACLId');
      return typeof value === 'string' && /^arn:aws[\w-]*:wafv2:us-east-1:\d*:global\/webacl\//.test(value);
    });
    if (crossStack) {
      return {
        status: 'PASS',
        message: {
          en: `${crossStack.id} uses a CLOUDFRONT web ACL from another stack in us-east-1; check its managed rules there.`,
          ko: `${withParticle(crossStack.id, '이/가')} us-east-1의 다른 스택에 있는 CLOUDFRONT 웹 ACL을 씁니다. 관리형 규칙은 그 스택에서 확인하세요.`,
        },
        resources: [crossStack.id],
      };
    }
    return failWith([
      {
        ...(acls.length === 0
          ? {
              en: 'No AWS WAF web ACL: HTTP attacks reach the shop unfiltered.',
              ko: 'AWS WAF 웹 ACL이 없습니다. HTTP 공격이 걸러지지 않고 쇼핑몰에 닿습니다.',
            }
          : {
              en: `Web ACL(s) ${acls.map((acl) => acl.id).join(', ')} either block with no AWS managed rule group or protect neither the external ALB nor the distribution.`,
              ko: `웹 ACL ${acls.map((acl) => acl.id).join(', ')}에 차단하는 AWS 관리형 규칙 그룹이 없거나, 외부 ALB와 디스트리뷰션 어느 것도 보호하지 않습니다.`,
            }),
        resources: acls.map((acl) => acl.id),
      },
    ]);
  },
};

/** Names of the AWS managed rule groups a web ACL applies with their own actions (not count-only). */
function blockingManagedGroups(graph: ResourceGraph, acl: Resource): string[] {
  return listProp(graph, acl, 'Rules').flatMap((_, i) => {
    const vendor = graph.prop(acl, `Rules.${i}.Statement.ManagedRuleGroupStatement.VendorName`);
    const name = graph.prop(acl, `Rules.${i}.Statement.ManagedRuleGroupStatement.Name`);
    const countOnly = graph.prop(acl, `Rules.${i}.OverrideAction.Count`) !== undefined;
    return vendor === 'AWS' && typeof name === 'string' && !countOnly ? [name] : [];
  });
}
