import { awsError, runFetcher } from '../test-transport';
import { guardDutyFetcher } from './guardduty';

describe('guardduty fetcher', () => {
  it('maps a detector’s status to Enable', async () => {
    const { byId } = await runFetcher(
      guardDutyFetcher,
      { 'guardduty:GetDetector': { Status: 'ENABLED', FindingPublishingFrequency: 'SIX_HOURS' } },
      [{ physicalId: 'det1', type: 'AWS::GuardDuty::Detector' }],
    );
    expect(byId('det1').properties).toEqual({ Enable: true, FindingPublishingFrequency: 'SIX_HOURS' });
  });

  it('reports a detector that no longer exists', async () => {
    const { resources, progress } = await runFetcher(
      guardDutyFetcher,
      { 'guardduty:GetDetector': awsError('BadRequestException', 'not found') },
      [{ physicalId: 'det1', type: 'AWS::GuardDuty::Detector' }],
    );
    expect(resources).toEqual([]);
    expect(progress).toHaveLength(1);
  });
});
