import { runFetcher } from '../test-transport';
import { cloudTrailFetcher } from './cloudtrail';

describe('cloudtrail fetcher', () => {
  it('maps trails with their logging status', async () => {
    const { byId } = await runFetcher(
      cloudTrailFetcher,
      {
        'cloudtrail:DescribeTrails': {
          trailList: [
            {
              Name: 'shop-trail',
              TrailARN: 'arn:aws:cloudtrail:ap-northeast-2:123456789012:trail/shop-trail',
              S3BucketName: 'shop-logs',
              IsMultiRegionTrail: true,
              IncludeGlobalServiceEvents: true,
              LogFileValidationEnabled: true,
            },
          ],
        },
        'cloudtrail:GetTrailStatus': { IsLogging: true },
      },
      [{ logicalId: 'Trail', physicalId: 'shop-trail', type: 'AWS::CloudTrail::Trail' }],
    );
    expect(byId('shop-trail').properties).toEqual({
      TrailName: 'shop-trail',
      S3BucketName: { $ref: 'shop-logs' },
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
    });
  });
});
