import { addSecurity, grownShopGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cpuAlarmsDriveScaling } from './cpu-alarms-drive-scaling';

describe('cpu-alarms-drive-scaling', () => {
  it('passes for CPU alarms driving step scaling on both groups', () => {
    const outcome = judge(
      cpuAlarmsDriveScaling,
      grownShopGraph((shop) => addSecurity(shop)),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('2 CPU alarm(s) → step scaling');
  });

  it('accepts target tracking on average CPU, whose alarms AWS manages', () => {
    expect(
      judge(
        cpuAlarmsDriveScaling,
        grownShopGraph((shop) => addSecurity(shop, { scaling: 'target' })),
      ).message.en,
    ).toContain('target tracking');
  });

  it('fails for 1-minute alarms when the launch templates keep basic (5-minute) monitoring', () => {
    const outcome = judge(
      cpuAlarmsDriveScaling,
      grownShopGraph((shop) => addSecurity(shop, { alarmPeriodSeconds: 60 })),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('detailedMonitoring: true');
    expect(outcome.resources).toHaveLength(2);
  });

  it('accepts 1-minute alarms when the launch templates turn on detailed monitoring', () => {
    const outcome = judge(
      cpuAlarmsDriveScaling,
      grownShopGraph((shop) => addSecurity(shop, { alarmPeriodSeconds: 60 }), { launchTemplate: { detailedMonitoring: true } }),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('detailed monitoring');
  });

  it('fails when a group has no CPU scaling', () => {
    const outcome = judge(
      cpuAlarmsDriveScaling,
      grownShopGraph((shop) => addSecurity(shop, { scaling: 'web-only' })),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.resources).toEqual([expect.stringMatching(/^App/)]);
  });

  it('is not applicable without Auto Scaling groups', () => {
    expect(judge(cpuAlarmsDriveScaling, unrelatedGraph()).status).toBe('SKIP');
  });
});
