import type { GetDistributionResult } from '@aws-sdk/client-cloudfront';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, type Fetcher } from './types';

/** Keys whose CloudFormation name differs from the API's. */
const RENAMED: Readonly<Record<string, string>> = {
  ACMCertificateArn: 'AcmCertificateArn',
  SSLSupportMethod: 'SslSupportMethod',
  IAMCertificateId: 'IamCertificateId',
  CustomHeaders: 'OriginCustomHeaders',
  OriginSslProtocols: 'OriginSSLProtocols',
};
/** Lists CloudFormation keeps in the API's { Quantity, Items } form. */
const KEEP_QUANTITY = new Set(['OriginGroups', 'FailoverCriteria', 'StatusCodes', 'Members']);

/**
 * Converts an API DistributionConfig to CloudFormation's shape: `{ Quantity, Items }` wrappers
 * become arrays, AllowedMethods' CachedMethods moves up beside it, geo restriction items become
 * Locations, and a few keys are renamed.
 */
export function distributionConfigToCfn(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => distributionConfigToCfn(item));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('Quantity' in record && !KEEP_QUANTITY.has(key) && key !== 'GeoRestriction') {
    const items = Array.isArray(record.Items) ? record.Items : [];
    return items.map((item) => distributionConfigToCfn(item));
  }
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(record)) {
    if (item === undefined) continue;
    if (name === 'AllowedMethods' && typeof item === 'object' && item !== null) {
      const methods = item as { Items?: unknown[]; CachedMethods?: { Items?: unknown[] } };
      out.AllowedMethods = methods.Items ?? [];
      if (methods.CachedMethods) out.CachedMethods = methods.CachedMethods.Items ?? [];
      continue;
    }
    if (key === 'GeoRestriction' && name === 'Items') {
      out.Locations = item;
      continue;
    }
    if (key === 'GeoRestriction' && name === 'Quantity') continue;
    if (name === 'Logging' && typeof item === 'object' && (item as { Enabled?: boolean }).Enabled === false) continue;
    if (name === 'WebACLId') {
      if (item) out.WebACLId = ref(item as string);
      continue;
    }
    out[RENAMED[name] ?? name] = distributionConfigToCfn(item, name);
  }
  return out;
}

/** Amazon CloudFront: distributions with their configuration in CloudFormation's shape. */
export const cloudFrontFetcher: Fetcher = {
  service: 'cloudfront',
  types: ['AWS::CloudFront::Distribution'],
  fetch: async (context, entries) => {
    const out: Resource[] = [];
    await Promise.all(
      idsOf(entries, 'AWS::CloudFront::Distribution').map(async (id) => {
        const found = await context.caller.call<GetDistributionResult | undefined>(
          'cloudfront',
          'GetDistribution',
          { Id: id },
          { absent: ['NoSuchDistribution'] },
        );
        if (!found?.Distribution) {
          context.progress(`AWS::CloudFront::Distribution ${id} listed by the stack but not found`);
          return;
        }
        const { CallerReference: _callerReference, ...config } = found.Distribution.DistributionConfig ?? {};
        out.push({
          id,
          type: 'AWS::CloudFront::Distribution',
          physicalId: id,
          properties: { DistributionConfig: compact(distributionConfigToCfn(config) as Record<string, unknown>) },
          live: liveFacts(entries, id, {
            arn: found.Distribution.ARN,
            domainName: found.Distribution.DomainName,
            status: found.Distribution.Status,
          }),
        });
      }),
    );
    return out;
  },
};
