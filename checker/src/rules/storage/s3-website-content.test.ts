import { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import {} from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { s3WebsiteContent } from './s3-website-content';

/** A live-shaped website bucket, as the live loader's S3 fetcher writes it. */
function liveBucket(objects?: { count: number; index: boolean }): Resource {
  return {
    id: 'shop-site-1a2b3c',
    physicalId: 'shop-site-1a2b3c',
    type: 'AWS::S3::Bucket',
    properties: { WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'error.html' } },
    ...(objects && { live: { objectCount: objects.count, indexDocumentPresent: objects.index } }),
  };
}

describe('s3-website-content (live only)', () => {
  it('passes when the index document is in the bucket', () => {
    const outcome = judge(s3WebsiteContent, new ResourceGraph('live', [liveBucket({ count: 3, index: true })]), 's3-static-hosting');
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('3 object(s), "index.html" among them');
  });

  it('fails when the upload is missing', () => {
    const outcome = judge(s3WebsiteContent, new ResourceGraph('live', [liveBucket({ count: 0, index: false })]), 's3-static-hosting');
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('no "index.html"');
    expect(outcome.message.ko).toContain('404');
  });

  it('skips without a website bucket, or when the target did not list objects', () => {
    expect(judge(s3WebsiteContent, new ResourceGraph('live', []), 's3-static-hosting').status).toBe('SKIP');
    expect(judge(s3WebsiteContent, new ResourceGraph('live', [liveBucket()]), 's3-static-hosting').status).toBe('SKIP');
  });
});
