import { awsError, runFetcher } from '../test-transport';
import { MAX_OBJECT_PAGES, s3Fetcher } from './s3';

const site = { physicalId: 'shop-site', type: 'AWS::S3::Bucket' };
const policy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shop-site/*' }],
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
        's3:ListObjectsV2': { IsTruncated: false },
      },
      [site],
    );
    expect(resources).toHaveLength(1);
    expect(resources[0].properties).toEqual({ BucketName: 'shop-site' });
    expect(resources[0].live).toMatchObject({ objectCount: 0, indexDocumentPresent: false });
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
