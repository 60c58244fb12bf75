import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, type Fetcher } from './types';

/** Amazon GuardDuty: detectors and whether they are enabled. */
export const guardDutyFetcher: Fetcher = {
  service: 'guardduty',
  types: ['AWS::GuardDuty::Detector'],
  fetch: async (context, entries) => {
    const out: Resource[] = [];
    await Promise.all(
      idsOf(entries, 'AWS::GuardDuty::Detector').map(async (id) => {
        const detector = await context.caller.call<GetDetectorResponse | undefined>(
          'guardduty',
          'GetDetector',
          { DetectorId: id },
          { absent: ['BadRequestException', 'ResourceNotFoundException'] },
        );
        if (!detector) {
          context.progress(`AWS::GuardDuty::Detector ${id} listed by the stack but not found`);
          return;
        }
        out.push({
          id,
          type: 'AWS::GuardDuty::Detector',
          physicalId: id,
          properties: compact({
            Enable: detector.Status === 'ENABLED',
            FindingPublishingFrequency: detector.FindingPublishingFrequency,
            Features: detector.Features?.length
              ? detector.Features.map((feature) => compact({ Name: feature.Name, Status: feature.Status }))
              : undefined,
          }),
          live: liveFacts(entries, id, { status: detector.Status }),
        });
      }),
    );
    return out;
  },
};
