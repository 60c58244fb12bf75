import { ResourceGraph } from '../../model/graph';
import { primaryMediaBuckets } from '../../model/queries/media-copies';
import { s3Fetcher } from '../../sources/live/fetchers/s3';
import { awsError, runFetcher, type Handler } from '../../sources/live/test-transport';
import { judge } from '../fixtures/judge';
import { globalExpansionTemplates, labGraph, liveShaped, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { mediaLifecycleTiering } from './media-lifecycle-tiering';

const verdict = (templates: StackTemplates) => judge(mediaLifecycleTiering, labGraph('global-expansion', templates));
const media = (templates: StackTemplates) => resourcesOf(templates, 'ShopGlobalExpansion').MediaBucket4022EBBF.Properties;
const rules = (templates: StackTemplates) => (media(templates).LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;

/** The archive configuration of the alternative solution: current objects keep their class, Intelligent-Tiering archives them. */
const ARCHIVE = { Id: 'MediaArchive', Status: 'Enabled', Prefix: 'media/', Tierings: [{ AccessTier: 'ARCHIVE_ACCESS', Days: 90 }] };

/** The alternative the rule accepts in template mode: no transition of current objects, an Intelligent-Tiering archive configuration instead. */
function archiveTiered(): StackTemplates {
  const templates = globalExpansionTemplates();
  media(templates).LifecycleConfiguration = { Rules: rules(templates).filter((rule) => rule.Transitions === undefined) };
  media(templates).IntelligentTieringConfigurations = [ARCHIVE];
  return templates;
}

/** The solution's lifecycle rule for old versions, as GetBucketLifecycleConfiguration answers it. */
const OLD_VERSIONS = {
  ID: 'ExpireOldVersions',
  Status: 'Enabled',
  Filter: { Prefix: '' },
  NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'STANDARD_IA' }],
  NoncurrentVersionExpiration: { NoncurrentDays: 90 },
};

/**
 * The lab deployed from `templates`, live-shaped, with the media bucket's lifecycle and Intelligent-Tiering
 * configurations as the live S3 fetcher reads them from S3's answers: `tiering` answers
 * ListBucketIntelligentTieringConfigurations, `lifecycle` is GetBucketLifecycleConfiguration's rules.
 */
async function deployed(templates: StackTemplates, tiering: Handler, lifecycle: unknown[] = [OLD_VERSIONS]): Promise<ResourceGraph> {
  const graph = liveShaped(labGraph('global-expansion', templates));
  const [bucket] = primaryMediaBuckets(graph);
  const { byId } = await runFetcher(
    s3Fetcher,
    {
      's3:GetBucketVersioning': { Status: 'Enabled' },
      's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration'),
      's3:GetPublicAccessBlock': awsError('NoSuchPublicAccessBlockConfiguration'),
      's3:GetBucketEncryption': awsError('ServerSideEncryptionConfigurationNotFoundError'),
      's3:GetBucketPolicy': awsError('NoSuchBucketPolicy'),
      's3:GetBucketReplication': awsError('ReplicationConfigurationNotFoundError'),
      's3:GetBucketLifecycleConfiguration': { Rules: lifecycle },
      's3:ListBucketIntelligentTieringConfigurations': tiering,
      's3:ListObjectsV2': { IsTruncated: false },
    },
    [{ physicalId: bucket.id, type: 'AWS::S3::Bucket' }],
  );
  const read = byId(bucket.id);
  const { LifecycleConfiguration, IntelligentTieringConfigurations } = read.properties;
  return new ResourceGraph(
    'live',
    graph.all().map((resource) =>
      resource === bucket
        ? {
            ...resource,
            properties: { ...resource.properties, LifecycleConfiguration, IntelligentTieringConfigurations },
            live: read.live,
          }
        : resource,
    ),
    undefined,
    graph.stacks,
  );
}

const LISTED = {
  IsTruncated: false,
  IntelligentTieringConfigurationList: [
    { Id: 'MediaArchive', Status: 'Enabled', Filter: { Prefix: 'media/' }, Tierings: [{ Days: 90, AccessTier: 'ARCHIVE_ACCESS' }] },
  ],
};

describe('media-lifecycle-tiering', () => {
  it('passes for Intelligent-Tiering from day 0', () => {
    const outcome = verdict(globalExpansionTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('MediaBucket4022EBBF (INTELLIGENT_TIERING after 0 days)');
  });

  it.each([
    ['Standard-IA after 30 days', { Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }] }],
    ['Glacier Instant Retrieval, single transition form', { Transition: { StorageClass: 'GLACIER_IR', TransitionInDays: 90 } }],
  ])('passes for %s', (_, rule) => {
    const templates = globalExpansionTemplates();
    media(templates).LifecycleConfiguration = { Rules: [{ Status: 'Enabled', ...rule }] };
    expect(verdict(templates).status).toBe('PASS');
  });

  it('passes for an Intelligent-Tiering archive configuration', () => {
    const templates = globalExpansionTemplates();
    delete media(templates).LifecycleConfiguration;
    media(templates).IntelligentTieringConfigurations = [
      { Id: 'Archive', Status: 'Enabled', Tierings: [{ AccessTier: 'ARCHIVE_ACCESS', Days: 90 }] },
    ];
    expect(verdict(templates).message.en).toContain('Intelligent-Tiering archive configuration');
  });

  it('fails when only old versions move: current cold media stays in Standard', () => {
    const templates = globalExpansionTemplates();
    media(templates).LifecycleConfiguration = {
      Rules: rules(templates).filter((rule) => rule.Transitions === undefined),
    };
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('keeps every current object in Standard (its transitions move only old versions)');
  });

  it('fails for a disabled tiering rule', () => {
    const templates = globalExpansionTemplates();
    rules(templates).forEach((rule) => (rule.Status = 'Disabled'));
    expect(verdict(templates).status).toBe('FAIL');
  });

  describe('live, for the alternative tiered by an archive configuration', () => {
    it('passes as in template mode when ListBucketIntelligentTieringConfigurations lists it', async () => {
      const template = verdict(archiveTiered());
      expect(template.status).toBe('PASS');
      const live = judge(mediaLifecycleTiering, await deployed(archiveTiered(), LISTED));
      expect(live.status).toBe(template.status);
      expect(live.message.en).toContain('(Intelligent-Tiering archive configuration)');
    });

    it('fails as in template mode when the bucket has no configuration', async () => {
      const templates = archiveTiered();
      delete media(templates).IntelligentTieringConfigurations;
      expect(verdict(templates).status).toBe('FAIL');
      const live = judge(mediaLifecycleTiering, await deployed(templates, { IsTruncated: false }));
      expect(live.status).toBe('FAIL');
      expect(live.message.en).toContain('its transitions move only old versions');
    });

    it('skips with the reason, never fails, when the target does not implement the listing', async () => {
      const live = judge(mediaLifecycleTiering, await deployed(archiveTiered(), awsError('NotImplemented', 'not implemented', 501)));
      expect(live.status).toBe('SKIP');
      expect(live.message.en).toContain('ListBucketIntelligentTieringConfigurations: NotImplemented');
      expect(live.message.en).toContain('check this rule in template mode or on real AWS');
      expect(live.message.ko).toContain('템플릿 모드나 실제 AWS에서 확인하세요');
    });

    it('still passes on lifecycle transitions when the target does not implement the listing', async () => {
      const tiered = {
        ID: 'MediaIntelligentTiering',
        Status: 'Enabled',
        Filter: { Prefix: 'media/' },
        Transitions: [{ Days: 0, StorageClass: 'INTELLIGENT_TIERING' }],
      };
      const graph = await deployed(globalExpansionTemplates(), awsError('NotImplemented', 'not implemented', 501), [OLD_VERSIONS, tiered]);
      expect(judge(mediaLifecycleTiering, graph).status).toBe('PASS');
    });
  });
});
