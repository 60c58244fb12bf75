import type {
  GetHealthCheckResponse,
  GetHostedZoneResponse,
  ListResourceRecordSetsResponse,
  ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, type FetchContext, type Fetcher, type StackEntry } from './types';

const MAX_RECORD_PAGES = 50;

async function records(context: FetchContext, zoneId: string): Promise<ResourceRecordSet[]> {
  const out: ResourceRecordSet[] = [];
  let start: Record<string, string | undefined> = {};
  for (let page = 0; page < MAX_RECORD_PAGES; page++) {
    const result = await context.caller.call<ListResourceRecordSetsResponse>(
      'route53',
      'ListResourceRecordSets',
      compact({ HostedZoneId: zoneId, ...start }),
    );
    out.push(...(result.ResourceRecordSets ?? []));
    if (!result.IsTruncated) break;
    start = {
      StartRecordName: result.NextRecordName,
      StartRecordType: result.NextRecordType,
      StartRecordIdentifier: result.NextRecordIdentifier,
    };
  }
  return out;
}

function stripDot(name: string | undefined): string | undefined {
  return name?.endsWith('.') ? name.slice(0, -1) : name;
}

async function zone(context: FetchContext, physicalId: string, entries: readonly StackEntry[]): Promise<Resource[]> {
  const zoneId = physicalId.replace(/^\/hostedzone\//, '');
  const found = await context.caller.call<GetHostedZoneResponse | undefined>(
    'route53',
    'GetHostedZone',
    { Id: zoneId },
    { absent: ['NoSuchHostedZone'] },
  );
  if (!found?.HostedZone) {
    context.progress(`AWS::Route53::HostedZone ${physicalId} listed by the stack but not found`);
    return [];
  }
  const apex = found.HostedZone.Name;
  const out: Resource[] = [
    {
      id: physicalId,
      type: 'AWS::Route53::HostedZone',
      physicalId,
      properties: compact({
        Name: found.HostedZone.Name,
        HostedZoneConfig: found.HostedZone.Config?.Comment ? { Comment: found.HostedZone.Config.Comment } : undefined,
        VPCs: found.VPCs?.length ? found.VPCs.map((vpc) => ({ VPCId: ref(vpc.VPCId), VPCRegion: vpc.VPCRegion })) : undefined,
      }),
      live: liveFacts(entries, physicalId, {
        privateZone: found.HostedZone.Config?.PrivateZone,
        nameServers: found.DelegationSet?.NameServers,
      }),
    },
  ];
  for (const record of await records(context, zoneId)) {
    // The apex SOA and NS records come with every zone; templates never declare them.
    if ((record.Type === 'SOA' || record.Type === 'NS') && record.Name === apex) continue;
    const id = [physicalId, record.Name, record.Type, record.SetIdentifier].filter(Boolean).join('|');
    out.push({
      id,
      type: 'AWS::Route53::RecordSet',
      physicalId: id,
      properties: compact({
        HostedZoneId: ref(physicalId),
        Name: record.Name,
        Type: record.Type,
        TTL: record.TTL === undefined ? undefined : String(record.TTL),
        ResourceRecords: record.ResourceRecords?.map((entry) => entry.Value),
        AliasTarget: record.AliasTarget
          ? {
              DNSName: stripDot(record.AliasTarget.DNSName),
              HostedZoneId: record.AliasTarget.HostedZoneId,
              EvaluateTargetHealth: record.AliasTarget.EvaluateTargetHealth,
            }
          : undefined,
        SetIdentifier: record.SetIdentifier,
        Weight: record.Weight,
        Region: record.Region,
        Failover: record.Failover,
        HealthCheckId: ref(record.HealthCheckId),
      }),
    });
  }
  return out;
}

/** A health check in CloudFormation's shape; its domain name linked to the load balancer it checks, as alias targets are. */
async function healthCheck(context: FetchContext, id: string, entries: readonly StackEntry[]): Promise<Resource[]> {
  const found = await context.caller.call<GetHealthCheckResponse | undefined>(
    'route53',
    'GetHealthCheck',
    { HealthCheckId: id },
    { absent: ['NoSuchHealthCheck'] },
  );
  const config = found?.HealthCheck?.HealthCheckConfig;
  if (!config) {
    context.progress(`AWS::Route53::HealthCheck ${id} listed by the stack but not found`);
    return [];
  }
  return [
    {
      id,
      type: 'AWS::Route53::HealthCheck',
      physicalId: id,
      properties: {
        HealthCheckConfig: compact({
          Type: config.Type,
          FullyQualifiedDomainName: stripDot(config.FullyQualifiedDomainName),
          IPAddress: config.IPAddress,
          Port: config.Port,
          ResourcePath: config.ResourcePath,
          RequestInterval: config.RequestInterval,
          FailureThreshold: config.FailureThreshold,
        }),
      },
      live: liveFacts(entries, id),
    },
  ];
}

/** Amazon Route 53: hosted zones and their record sets (alias targets linked to the load balancer or distribution they name), and health checks. */
export const route53Fetcher: Fetcher = {
  service: 'route53',
  types: ['AWS::Route53::HostedZone', 'AWS::Route53::HealthCheck'],
  derived: ['AWS::Route53::RecordSet'],
  fetch: async (context, entries) =>
    (
      await Promise.all([
        ...idsOf(entries, 'AWS::Route53::HostedZone').map((id) => zone(context, id, entries)),
        ...idsOf(entries, 'AWS::Route53::HealthCheck').map((id) => healthCheck(context, id, entries)),
      ])
    ).flat(),
};
