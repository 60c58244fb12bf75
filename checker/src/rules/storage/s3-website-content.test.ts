import { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { judge } from '../fixtures/grown-shop';
import { s3WebsiteContent } from './s3-website-content';

/** A live-shaped website bucket, as the live loader's S3 fetcher writes it. */
function liveBucket(objectKeys?: string[]): Resource {
  return {
    id: 'shop-site-1a2b3c',
    physicalId: 'shop-site-1a2b3c',
    type: 'AWS::S3::Bucket',
    properties: { WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'error.html' } },
    ...(objectKeys && { live: { objectKeys } }),
  };
}

describe('s3-website-content', () => {
  it('passes when the index and error documents are in the bucket', () => {
    const outcome = judge(
      s3WebsiteContent,
      new ResourceGraph('live', [liveBucket(['index.html', 'error.html', 'app.js'])]),
      's3-static-hosting',
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('3 object(s)');
  });

  it('fails when the upload is missing', () => {
    const outcome = judge(s3WebsiteContent, new ResourceGraph('live', [liveBucket(['app.js'])]), 's3-static-hosting');
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('"index.html" and "error.html"');
  });

  it('skips without a website bucket, or when the target did not list objects', () => {
    expect(judge(s3WebsiteContent, new ResourceGraph('live', []), 's3-static-hosting').status).toBe('SKIP');
    expect(judge(s3WebsiteContent, new ResourceGraph('live', [liveBucket()]), 's3-static-hosting').status).toBe('SKIP');
  });
});
