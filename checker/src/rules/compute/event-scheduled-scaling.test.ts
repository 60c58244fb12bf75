import { ResourceGraph } from '../../model/graph';
import { eventShopGraph, eventShopTemplate } from '../fixtures/event-shop';
import { liveGraphOf } from '../fixtures/live';
import { judge } from '../fixtures/judge';
import { eventScheduledScaling } from './event-scheduled-scaling';

describe('event-scheduled-scaling', () => {
  it('passes when both tiers scale out on a recurring schedule in Asia/Seoul and back after', () => {
    const outcome = judge(eventScheduledScaling, eventShopGraph());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/WEB WebASG\w+: MinSize 4 at cron 0 23 10 11 \* \(Asia\/Seoul\), and back after; APP AppASG\w+/);
  });

  it('passes for one-time actions with StartTime instead of Recurrence, and says nothing brings them back', () => {
    const outcome = judge(eventScheduledScaling, eventShopGraph({ schedule: 'start-time' }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('MinSize 4 at 2031-11-10T14:00:00Z (UTC), never back down');
  });

  it('fails when only the WEB tier is scheduled', () => {
    const outcome = judge(eventScheduledScaling, eventShopGraph({ schedule: 'web-only' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/^APP group AppASG\w+ has no scheduled action/);
  });

  it('fails when the scheduled actions only lower capacity', () => {
    const outcome = judge(eventScheduledScaling, eventShopGraph({ schedule: 'lower-only' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/never raise its capacity above MinSize 1/);
  });

  it('fails without any schedule', () => {
    const outcome = judge(eventScheduledScaling, eventShopGraph({ schedule: 'none' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('WEB group');
    expect(outcome.message.en).toContain('APP group');
  });

  it('passes live during the event, while the groups run at the raised size', () => {
    const during = liveGraphOf(eventShopTemplate())
      .all()
      .map((resource) =>
        resource.type === 'AWS::AutoScaling::AutoScalingGroup'
          ? { ...resource, properties: { ...resource.properties, MinSize: '4', MaxSize: '8', DesiredCapacity: '4' } }
          : resource,
      );
    const outcome = judge(eventScheduledScaling, new ResourceGraph('live', during));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('and back after');
  });
});
