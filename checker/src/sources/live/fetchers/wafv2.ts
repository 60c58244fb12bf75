import type { GetWebACLResponse, ListResourcesForWebACLResponse } from '@aws-sdk/client-wafv2';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, type Fetcher } from './types';

/**
 * AWS WAF (v2): web ACLs and, for regional ones, the load balancers they are associated with.
 * A web ACL's physical id is "name|id|scope"; CloudFront-scoped ones live in us-east-1.
 */
export const wafv2Fetcher: Fetcher = {
  service: 'wafv2',
  types: ['AWS::WAFv2::WebACL'],
  derived: ['AWS::WAFv2::WebACLAssociation'],
  fetch: async (context, entries) => {
    const out: Resource[] = [];
    await Promise.all(
      idsOf(entries, 'AWS::WAFv2::WebACL').map(async (physicalId) => {
        const [name, id, scope] = physicalId.split('|');
        if (!name || !id || (scope !== 'REGIONAL' && scope !== 'CLOUDFRONT')) {
          context.progress(`AWS::WAFv2::WebACL ${physicalId}: not a name|id|scope physical id, skipped`);
          return;
        }
        const region = scope === 'CLOUDFRONT' ? 'us-east-1' : undefined;
        const found = await context.caller.call<GetWebACLResponse | undefined>(
          'wafv2',
          'GetWebACL',
          { Name: name, Id: id, Scope: scope },
          { absent: ['WAFNonexistentItemException'], region },
        );
        if (!found?.WebACL) {
          context.progress(`AWS::WAFv2::WebACL ${physicalId} listed by the stack but not found`);
          return;
        }
        const acl = found.WebACL;
        out.push({
          id: physicalId,
          type: 'AWS::WAFv2::WebACL',
          physicalId,
          properties: compact({
            Name: acl.Name,
            Scope: scope,
            Description: acl.Description,
            DefaultAction: acl.DefaultAction,
            Rules: acl.Rules,
            VisibilityConfig: acl.VisibilityConfig,
          }),
          live: liveFacts(entries, physicalId, { arn: acl.ARN }),
        });
        if (scope !== 'REGIONAL' || !acl.ARN) return;
        const resources = await context.caller.call<ListResourcesForWebACLResponse>('wafv2', 'ListResourcesForWebACL', {
          WebACLArn: acl.ARN,
          ResourceType: 'APPLICATION_LOAD_BALANCER',
        });
        for (const resourceArn of resources.ResourceArns ?? []) {
          const associationId = `${resourceArn}|${acl.ARN}`;
          out.push({
            id: associationId,
            type: 'AWS::WAFv2::WebACLAssociation',
            physicalId: associationId,
            properties: { ResourceArn: ref(resourceArn), WebACLArn: ref(acl.ARN) },
          });
        }
      }),
    );
    return out;
  },
};
