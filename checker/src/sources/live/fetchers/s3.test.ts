import { awsError, runFetcher } from '../test-transport';
import { MAX_OBJECT_PAGES, NOT_IMPLEMENTED_CODES, s3Fetcher } from './s3';

const site = { physicalId: 'shop-site', type: 'AWS::S3::Bucket' };
const policy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shop-site/*' }],
};

/** A bucket with nothing configured, as S3 answers each read. */
const unconfigured = {
  's3:GetBucketVersioning': {},
  's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration', 'x', 404),
  's3:GetPublicAccessBlock': awsError('NoSuchPublicAccessBlockConfiguration', 'x', 404),
  's3:GetBucketEncryption': awsError('ServerSideEncryptionConfigurationNotFoundError', 'x', 404),
  's3:GetBucketPolicy': awsError('NoSuchBucketPolicy', 'x', 404),
  's3:GetBucketReplication': awsError('ReplicationConfigurationNotFoundError'),
  's3:GetBucketLifecycleConfiguration': awsError('NoSuchLifecycleConfiguration'),
  's3:ListObjectsV2': { IsTruncated: false },
};

describe('s3 fetcher', () => {
  it('maps website, public access block, encryption, versioning, the bucket policy and content facts', async () => {
    const { byId } = await runFetcher(
      s3Fetcher,
      {
        's3:GetBucketVersioning': { Status: 'Enabled' },
        's3:GetBucketWebsite': { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } },
        's3:GetPublicAccessBlock': {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: false,
            RestrictPublicBuckets: false,
          },
        },
        's3:GetBucketEncryption': {
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
          },
        },
        's3:GetBucketPolicy': { Policy: JSON.stringify(policy) },
        's3:GetBucketReplication': awsError('ReplicationConfigurationNotFoundError'),
        's3:GetBucketLifecycleConfiguration': awsError('NoSuchLifecycleConfiguration'),
        's3:ListBucketIntelligentTieringConfigurations': { IsTruncated: false },
        's3:ListObjectsV2': (input: Record<string, unknown>) =>
          input.ContinuationToken
            ? { Contents: [{ Key: 'index.html' }], IsTruncated: false }
            : { Contents: [{ Key: 'app.js' }, { Key: 'style.css' }], IsTruncated: true, NextContinuationToken: 'c2' },
      },
      [site],
    );
    expect(byId('shop-site').properties).toEqual({
      BucketName: 'shop-site',
      WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'error.html' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(byId('shop-site').live).toMatchObject({
      arn: 'arn:aws:s3:::shop-site',
      objectCount: 3,
      indexDocumentPresent: true,
      regionalDomainName: 'shop-site.s3.ap-northeast-2.amazonaws.com',
      websiteDomainName: 'shop-site.s3-website-ap-northeast-2.amazonaws.com',
    });
    expect(byId('shop-site|policy')).toMatchObject({
      type: 'AWS::S3::BucketPolicy',
      properties: { Bucket: { $ref: 'shop-site' }, PolicyDocument: policy },
    });
  });

  it('leaves unconfigured features absent, as a template would', async () => {
    const { resources } = await runFetcher(
      s3Fetcher,
      {
        's3:GetBucketVersioning': {},
        's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration', 'x', 404),
        's3:GetPublicAccessBlock': awsError('NoSuchPublicAccessBlockConfiguration', 'x', 404),
        's3:GetBucketEncryption': awsError('ServerSideEncryptionConfigurationNotFoundError', 'x', 404),
        's3:GetBucketPolicy': awsError('NoSuchBucketPolicy', 'x', 404),
        's3:GetBucketReplication': awsError('ReplicationConfigurationNotFoundError'),
        's3:GetBucketLifecycleConfiguration': awsError('NoSuchLifecycleConfiguration'),
        's3:ListBucketIntelligentTieringConfigurations': { IsTruncated: false },
        's3:ListObjectsV2': { IsTruncated: false },
      },
      [site],
    );
    expect(resources).toHaveLength(1);
    expect(resources[0].properties).toEqual({ BucketName: 'shop-site' });
    expect(resources[0].live).toMatchObject({ objectCount: 0, indexDocumentPresent: false });
  });

  it('maps every page of ListBucketIntelligentTieringConfigurations to IntelligentTieringConfigurations', async () => {
    const archive = {
      Id: 'archive',
      Status: 'Enabled',
      Filter: { Prefix: 'media/' },
      Tierings: [{ Days: 90, AccessTier: 'ARCHIVE_ACCESS' }],
    };
    const deep = {
      Id: 'deep',
      Status: 'Disabled',
      Filter: { And: { Prefix: 'video/', Tags: [{ Key: 'kind', Value: 'cold' }] } },
      Tierings: [
        { Days: 120, AccessTier: 'ARCHIVE_ACCESS' },
        { Days: 365, AccessTier: 'DEEP_ARCHIVE_ACCESS' },
      ],
    };
    const tagged = { Id: 'tagged', Status: 'Enabled', Filter: { Tag: { Key: 'kind', Value: 'cold' } }, Tierings: [] };
    const { byId, requests } = await runFetcher(
      s3Fetcher,
      {
        ...unconfigured,
        's3:ListBucketIntelligentTieringConfigurations': (input: Record<string, unknown>) =>
          input.ContinuationToken === 'next'
            ? { IsTruncated: false, IntelligentTieringConfigurationList: [tagged] }
            : { IsTruncated: true, NextContinuationToken: 'next', IntelligentTieringConfigurationList: [archive, deep] },
      },
      [site],
    );
    expect(byId('shop-site').properties.IntelligentTieringConfigurations).toEqual([
      { Id: 'archive', Status: 'Enabled', Prefix: 'media/', Tierings: [{ AccessTier: 'ARCHIVE_ACCESS', Days: 90 }] },
      {
        Id: 'deep',
        Status: 'Disabled',
        Prefix: 'video/',
        TagFilters: [{ Key: 'kind', Value: 'cold' }],
        Tierings: [
          { AccessTier: 'ARCHIVE_ACCESS', Days: 120 },
          { AccessTier: 'DEEP_ARCHIVE_ACCESS', Days: 365 },
        ],
      },
      { Id: 'tagged', Status: 'Enabled', TagFilters: [{ Key: 'kind', Value: 'cold' }], Tierings: [] },
    ]);
    expect(byId('shop-site').live?.intelligentTieringUnread).toBeUndefined();
    expect(requests.filter((request) => request.command === 'ListBucketIntelligentTieringConfigurations')).toHaveLength(2);
  });

  it.each(NOT_IMPLEMENTED_CODES)('marks Intelligent-Tiering unknown, not absent, when the target answers %s', async (code) => {
    const { byId } = await runFetcher(
      s3Fetcher,
      { ...unconfigured, 's3:ListBucketIntelligentTieringConfigurations': awsError(code, 'x', 501) },
      [site],
    );
    expect(byId('shop-site').properties.IntelligentTieringConfigurations).toBeUndefined();
    expect(byId('shop-site').live?.intelligentTieringUnread).toBe(code);
  });

  it('still fails the load on a refusal that is not a missing implementation', async () => {
    await expect(
      runFetcher(s3Fetcher, { ...unconfigured, 's3:ListBucketIntelligentTieringConfigurations': awsError('AccessDenied', 'x', 403) }, [
        site,
      ]),
    ).rejects.toThrow(/s3:GetIntelligentTieringConfiguration/);
  });

  it('stops counting objects after a bounded number of pages', async () => {
    let pages = 0;
    const { byId } = await runFetcher(
      s3Fetcher,
      {
        's3:GetBucketVersioning': {},
        's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration'),
        's3:GetPublicAccessBlock': awsError('NoSuchPublicAccessBlockConfiguration'),
        's3:GetBucketEncryption': awsError('ServerSideEncryptionConfigurationNotFoundError'),
        's3:GetBucketPolicy': awsError('NoSuchBucketPolicy'),
        's3:GetBucketReplication': awsError('ReplicationConfigurationNotFoundError'),
        's3:GetBucketLifecycleConfiguration': awsError('NoSuchLifecycleConfiguration'),
        's3:ListBucketIntelligentTieringConfigurations': { IsTruncated: false },
        's3:ListObjectsV2': () => ({ Contents: [{ Key: `k${pages}` }], IsTruncated: true, NextContinuationToken: `t${++pages}` }),
      },
      [site],
    );
    expect(pages).toBe(MAX_OBJECT_PAGES);
    expect(byId('shop-site').live).toMatchObject({ objectCount: MAX_OBJECT_PAGES, objectCountTruncated: true });
  });

  it('reports a bucket that no longer exists', async () => {
    const missing = awsError('NoSuchBucket', 'x', 404);
    const { resources, progress } = await runFetcher(
      s3Fetcher,
      {
        's3:GetBucketVersioning': missing,
        's3:GetBucketWebsite': missing,
        's3:GetPublicAccessBlock': missing,
        's3:GetBucketEncryption': missing,
        's3:GetBucketPolicy': missing,
        's3:GetBucketReplication': missing,
        's3:GetBucketLifecycleConfiguration': missing,
      },
      [site],
    );
    expect(resources).toEqual([]);
    expect(progress).toEqual(['AWS::S3::Bucket shop-site listed by the stack but not found']);
  });
});
