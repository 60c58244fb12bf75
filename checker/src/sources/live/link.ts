import { isRef, type Resource, type ResourceRef, type TokenString } from '../../model/types';

const POLICY_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument']);
const DOMAIN_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['dnsName', 'DNSName'],
  ['domainName', 'DomainName'],
  ['regionalDomainName', 'RegionalDomainName'],
  ['websiteDomainName', 'WebsiteDomainName'],
];

/**
 * Makes live references look like template references. Fetchers mark ids they mean as references
 * (`{ $ref: physicalId }`); here those become references to the graph id of the loaded resource
 * they name (by id, physical id or ARN), or plain strings when nothing loaded has that id. Inside
 * policy documents, ARNs of loaded resources become `GetAtt ...Arn`-style references (with the
 * rest of an object ARN kept as a token string), and domain names in Route 53 aliases and
 * CloudFront origins become references to the load balancer, distribution or bucket they name.
 */
export function linkResources(resources: readonly Resource[]): Resource[] {
  const alias = new Map<string, string>();
  const arns: Array<readonly [string, string]> = [];
  const domains = new Map<string, ResourceRef>();
  for (const resource of resources) {
    alias.set(resource.id, resource.id);
    if (resource.physicalId && !alias.has(resource.physicalId)) alias.set(resource.physicalId, resource.id);
    const arn = resource.live?.arn;
    if (typeof arn === 'string') {
      alias.set(arn, resource.id);
      arns.push([arn, resource.id]);
    }
    for (const [fact, attribute] of DOMAIN_ATTRIBUTES) {
      const domain = resource.live?.[fact];
      if (typeof domain === 'string') domains.set(domain.toLowerCase().replace(/\.$/, ''), { $ref: resource.id, attribute });
    }
  }
  // Longest ARN first, so "arn:...:bucket/path" links to the bucket, not to a shorter ARN prefix.
  arns.sort(([a], [b]) => b.length - a.length);

  const linkPolicyString = (text: string): unknown => {
    const id = alias.get(text);
    if (id) return text.startsWith('arn:') ? { $ref: id, attribute: 'Arn' } : { $ref: id };
    const match = arns.find(([arn]) => text.startsWith(`${arn}/`));
    return match ? ({ $join: [{ $ref: match[1], attribute: 'Arn' }, text.slice(match[0].length)] } satisfies TokenString) : text;
  };

  const linkDomain = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const domain = value.toLowerCase().replace(/\.$/, '');
    const direct = domains.get(domain);
    if (direct) return direct;
    const dualstack = domain.startsWith('dualstack.') ? domains.get(domain.slice('dualstack.'.length)) : undefined;
    return dualstack ? ({ $join: ['dualstack.', dualstack] } satisfies TokenString) : value;
  };

  const visit = (value: unknown, inPolicy: boolean): unknown => {
    if (isRef(value) && value.attribute === undefined) {
      const id = alias.get(value.$ref);
      return id ? { $ref: id } : value.$ref;
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, inPolicy));
    if (typeof value === 'string') return inPolicy ? linkPolicyString(value) : value;
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = visit(item, inPolicy || POLICY_KEYS.has(name));
    return out;
  };

  return resources.map((resource) => {
    const properties = visit(resource.properties, false) as Record<string, unknown>;
    if (resource.type === 'AWS::Route53::RecordSet' && typeof properties.AliasTarget === 'object' && properties.AliasTarget !== null) {
      const target = properties.AliasTarget as Record<string, unknown>;
      properties.AliasTarget = { ...target, DNSName: linkDomain(target.DNSName) };
    }
    if (resource.type === 'AWS::CloudFront::Distribution') {
      const config = properties.DistributionConfig as { Origins?: Array<Record<string, unknown>> } | undefined;
      if (Array.isArray(config?.Origins)) {
        properties.DistributionConfig = {
          ...config,
          Origins: config.Origins.map((origin) => ({ ...origin, DomainName: linkDomain(origin.DomainName) })),
        };
      }
    }
    return { ...resource, properties };
  });
}
