import type { DescribeTrailsResponse, GetTrailStatusResponse } from '@aws-sdk/client-cloudtrail';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, reportMissing, type Fetcher } from './types';

/** AWS CloudTrail: trails with their logging status. */
export const cloudTrailFetcher: Fetcher = {
  service: 'cloudtrail',
  types: ['AWS::CloudTrail::Trail'],
  fetch: async (context, entries) => {
    const names = idsOf(entries, 'AWS::CloudTrail::Trail');
    const described = await context.caller.call<DescribeTrailsResponse>('cloudtrail', 'DescribeTrails', {
      trailNameList: names,
      includeShadowTrails: false,
    });
    const trails = described.trailList ?? [];
    const physicalIdOf = (trail: (typeof trails)[number]): string =>
      names.find((name) => name === trail.Name || name === trail.TrailARN) ?? (trail.Name as string);
    reportMissing(context, 'AWS::CloudTrail::Trail', names, new Set(trails.map(physicalIdOf)));
    return Promise.all(
      trails.map(async (trail): Promise<Resource> => {
        const id = physicalIdOf(trail);
        const status = await context.caller.call<GetTrailStatusResponse>('cloudtrail', 'GetTrailStatus', {
          Name: trail.TrailARN ?? trail.Name,
        });
        return {
          id,
          type: 'AWS::CloudTrail::Trail',
          physicalId: id,
          properties: compact({
            TrailName: trail.Name,
            S3BucketName: ref(trail.S3BucketName),
            S3KeyPrefix: trail.S3KeyPrefix,
            IsLogging: status.IsLogging,
            IsMultiRegionTrail: trail.IsMultiRegionTrail,
            IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents,
            EnableLogFileValidation: trail.LogFileValidationEnabled,
            KMSKeyId: trail.KmsKeyId,
            CloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn,
            CloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn,
            IsOrganizationTrail: trail.IsOrganizationTrail,
          }),
          live: liveFacts(entries, id, { arn: trail.TrailARN, homeRegion: trail.HomeRegion }),
        };
      }),
    );
  },
};
