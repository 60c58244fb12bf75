import { findLab, labStacks } from '@workshop/catalog';
import { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/types';
import { loadLiveStacks } from '../sources/live';
import { route53Fetcher } from '../sources/live/fetchers/route53';
import { linkResources } from '../sources/live/link';
import { awsError, fakeTransport, runFetcher, type Handler } from '../sources/live/test-transport';
import { backupCopyToSecondRegion } from './backup/backup-copy-to-second-region';
import { backupPlanDailyRetained } from './backup/backup-plan-daily-retained';
import { recoveryObjectivesDeclared } from './backup/recovery-objectives-declared';
import { route53LatencyHealthChecked } from './dns/route53-latency-health-checked';
import { judge } from './fixtures/judge';
import { globalExpansionTemplates, labGraph, liveShaped, resourcesOf } from './fixtures/two-region-shop';
import { rules } from './index';
import { mediaBucketReplicated } from './storage/media-bucket-replicated';
import { mediaNoncurrentLifecycle } from './storage/media-noncurrent-lifecycle';

const lab = findLab('backup-dr')!;
const REPLICA = 'shop-backup-dr-recovery-111122223333-ap-northeast-1';
const VAULT = 'shop-backup-dr-recovery-vault';
const summary = (LogicalResourceId: string, PhysicalResourceId: string, ResourceType: string) => ({
  LogicalResourceId,
  PhysicalResourceId,
  ResourceType,
  ResourceStatus: 'CREATE_COMPLETE',
});

/** Lab 8 deployed in two Regions, as recorded-style answers: the media bucket replicating into the recovery stack's bucket. */
function deployed(replicaVersioning = 'Enabled'): Record<string, Handler> {
  const buckets: Record<string, Record<string, unknown>> = {
    'shop-media': {
      versioning: { Status: 'Enabled' },
      replication: {
        ReplicationConfiguration: {
          Role: 'arn:aws:iam::111122223333:role/ShopBackupDr-MediaReplicationRole',
          Rules: [
            {
              ID: 'MediaToSecondaryRegion',
              Status: 'Enabled',
              Priority: 1,
              Filter: { Prefix: '' },
              Destination: { Bucket: `arn:aws:s3:::${REPLICA}` },
            },
          ],
        },
      },
      lifecycle: {
        Rules: [
          {
            ID: 'ExpireOldVersions',
            Status: 'Enabled',
            Filter: { Prefix: '' },
            NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'STANDARD_IA' }],
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
          },
        ],
      },
    },
    [REPLICA]: {
      versioning: { Status: replicaVersioning },
      lifecycle: { Rules: [{ ID: 'ExpireOldVersions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } }] },
    },
  };
  const bucket = (input: Record<string, unknown>) => buckets[input.Bucket as string];
  return {
    'cloudformation:ListStackResources': (input: Record<string, unknown>) => ({
      StackResourceSummaries:
        input.StackName === 'ShopBackupDr'
          ? [summary('MediaBucket', 'shop-media', 'AWS::S3::Bucket'), summary('BackupPlan', 'plan-1', 'AWS::Backup::BackupPlan')]
          : [summary('MediaReplica', REPLICA, 'AWS::S3::Bucket'), summary('Vault', VAULT, 'AWS::Backup::BackupVault')],
    }),
    'cloudformation:DescribeStacks': (input: Record<string, unknown>) => ({
      Stacks: [
        {
          StackName: input.StackName,
          Outputs: [],
          Tags:
            input.StackName === 'ShopBackupDr'
              ? [
                  { Key: 'workshop:rto', Value: 'PT4H' },
                  { Key: 'workshop:rpo', Value: 'PT24H' },
                ]
              : [],
        },
      ],
    }),
    'backup:GetBackupPlan': {
      BackupPlanId: 'plan-1',
      BackupPlanArn: 'arn:aws:backup:ap-northeast-2:111122223333:backup-plan:plan-1',
      BackupPlan: {
        BackupPlanName: 'ShopBackupDr-daily',
        Rules: [
          {
            RuleName: 'Daily',
            TargetBackupVaultName: 'ShopBackupDrBackupVault',
            ScheduleExpression: 'cron(0 3 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [
              {
                DestinationBackupVaultArn: `arn:aws:backup:ap-northeast-1:111122223333:backup-vault:${VAULT}`,
                Lifecycle: { DeleteAfterDays: 35 },
              },
            ],
          },
        ],
      },
    },
    'backup:ListBackupSelections': { BackupSelectionsList: [] },
    'backup:ListBackupVaults': {
      BackupVaultList: [{ BackupVaultName: VAULT, BackupVaultArn: `arn:aws:backup:ap-northeast-1:111122223333:backup-vault:${VAULT}` }],
    },
    's3:GetBucketVersioning': (input: Record<string, unknown>) => bucket(input).versioning,
    's3:GetBucketReplication': (input: Record<string, unknown>) =>
      bucket(input).replication ?? awsError('ReplicationConfigurationNotFoundError'),
    's3:GetBucketLifecycleConfiguration': (input: Record<string, unknown>) =>
      bucket(input).lifecycle ?? awsError('NoSuchLifecycleConfiguration'),
    's3:ListBucketIntelligentTieringConfigurations': { IsTruncated: false },
    's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration'),
    's3:GetPublicAccessBlock': awsError('NoSuchPublicAccessBlockConfiguration'),
    's3:GetBucketEncryption': awsError('ServerSideEncryptionConfigurationNotFoundError'),
    's3:GetBucketPolicy': awsError('NoSuchBucketPolicy'),
    's3:ListObjectsV2': { IsTruncated: false },
  };
}

async function load(handlers: Record<string, Handler>): Promise<ResourceGraph> {
  const transport = fakeTransport(handlers);
  const loaded = await loadLiveStacks({
    lab,
    stackName: lab.stackName,
    stacks: labStacks(lab),
    region: 'ap-northeast-2',
    secondaryRegion: 'ap-northeast-1',
    transport,
  });
  return loaded.graph;
}

describe('lab 8 rules in live mode, two stacks in two Regions', () => {
  it('judge replication and lifecycle from GetBucketReplication and GetBucketLifecycleConfiguration, and the objectives from stack tags', async () => {
    const graph = await load(deployed());
    expect(graph.stacks.find((stack) => stack.name === 'ShopBackupDr')?.tags).toEqual({ 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H' });
    const replicated = judge(mediaBucketReplicated, graph);
    expect(replicated.status).toBe('PASS');
    expect(replicated.message.en).toContain(`shop-media → ${REPLICA} (ap-northeast-1)`);
    expect(judge(mediaNoncurrentLifecycle, graph).message.en).toContain('shop-media (STANDARD_IA 30d, expire 90d)');
    expect(judge(recoveryObjectivesDeclared, graph)).toMatchObject({ status: 'PASS' });
  });

  it('fail a replica whose versioning was suspended after deployment', async () => {
    const outcome = judge(mediaBucketReplicated, await load(deployed('Suspended')));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain(`Replica bucket ${REPLICA} is not versioned`);
  });

  it("judge the backup plan and its copy from GetBackupPlan and the secondary Region's ListBackupVaults", async () => {
    const graph = await load(deployed());
    expect(judge(backupPlanDailyRetained, graph).message.en).toContain('plan-1 Daily (cron(0 3 * * ? *), 35 days)');
    const copy = judge(backupCopyToSecondRegion, graph);
    expect(copy.status).toBe('PASS');
    expect(copy.message.en).toContain(`plan-1 → ${VAULT} (ap-northeast-1)`);
    expect(judge(recoveryObjectivesDeclared, graph).message.en).toContain('the backups run every 24 hours at most');
  });
});

describe('lab 9 latency records in live mode', () => {
  const primaryDns = 'shop-1.ap-northeast-2.elb.amazonaws.com';
  const secondaryDns = 'shop-2.ap-northeast-1.elb.amazonaws.com';
  const alb = (id: string, dnsName: string, region: 'primary' | 'secondary'): Resource => ({
    id,
    physicalId: id,
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    properties: { Scheme: 'internet-facing', Type: 'application' },
    live: { arn: id, dnsName },
    region,
  });
  const record = (region: string, dnsName: string, healthCheck?: string) => ({
    Name: 'api.shop.example.',
    Type: 'A',
    SetIdentifier: `shop-${region}`,
    Region: region,
    AliasTarget: { DNSName: `dualstack.${dnsName}.`, HostedZoneId: 'Z2', EvaluateTargetHealth: false },
    ...(healthCheck && { HealthCheckId: healthCheck }),
  });

  async function graphWith(secondHealthCheck?: string): Promise<ResourceGraph> {
    const { resources } = await runFetcher(
      route53Fetcher,
      {
        'route53:GetHostedZone': { HostedZone: { Id: '/hostedzone/Z1', Name: 'shop.example.', Config: { PrivateZone: false } } },
        'route53:ListResourceRecordSets': {
          ResourceRecordSets: [record('ap-northeast-2', primaryDns, 'hc-1'), record('ap-northeast-1', secondaryDns, secondHealthCheck)],
          IsTruncated: false,
        },
        'route53:GetHealthCheck': (input: Record<string, unknown>) => ({
          HealthCheck: {
            Id: input.HealthCheckId,
            HealthCheckConfig: { Type: 'HTTP', FullyQualifiedDomainName: primaryDns, Port: 80, ResourcePath: '/health' },
          },
        }),
      },
      [
        { logicalId: 'Zone', physicalId: 'Z1', type: 'AWS::Route53::HostedZone' },
        { logicalId: 'HealthCheck1', physicalId: 'hc-1', type: 'AWS::Route53::HealthCheck' },
      ],
    );
    const albs = [alb('arn:alb/primary', primaryDns, 'primary'), alb('arn:alb/secondary', secondaryDns, 'secondary')];
    return new ResourceGraph('live', linkResources([...resources, ...albs]));
  }

  it('pass when every record carries a health check (GetHealthCheck read, HealthCheckId linked)', async () => {
    const graph = await graphWith('hc-1');
    expect(graph.get('hc-1')?.properties).toMatchObject({ HealthCheckConfig: { Type: 'HTTP', ResourcePath: '/health' } });
    const outcome = judge(route53LatencyHealthChecked, graph);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('arn:alb/primary (ap-northeast-2), arn:alb/secondary (ap-northeast-1)');
  });

  it('fail the record without a health check', async () => {
    const outcome = judge(route53LatencyHealthChecked, await graphWith());
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Record api.shop.example (ap-northeast-1) has no health check');
  });
});

describe('labs 8 and 9 rules over physical ids', () => {
  const ours = rules.filter((rule) => rule.guide.lab === 'backup-dr' || rule.guide.lab === 'global-expansion');
  const verdicts = (graph: ResourceGraph): Record<string, string> =>
    Object.fromEntries(ours.map((rule) => [rule.id, judge(rule, graph, 'global-expansion').status]));

  it('reach the same verdicts live as in template mode', () => {
    const template = labGraph('global-expansion', globalExpansionTemplates());
    const expected = verdicts(template);
    expect(Object.values(expected).every((status) => status === 'PASS')).toBe(true);
    expect(verdicts(liveShaped(template))).toEqual(expected);
  });

  it('fail the same single defect live: an unencrypted cross-Region replica', () => {
    const templates = globalExpansionTemplates();
    const replica = resourcesOf(templates, 'ShopGlobalExpansionReadRegion').ReadReplica.Properties;
    delete replica.StorageEncrypted;
    delete replica.KmsKeyId;
    expect(verdicts(liveShaped(labGraph('global-expansion', templates)))['cross-region-read-replica']).toBe('FAIL');
  });
});
