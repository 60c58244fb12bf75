import { scheduleIntervalHours, tagMatches } from './backup';

describe('scheduleIntervalHours', () => {
  it.each([
    ['cron(0 3 * * ? *)', 24],
    ['cron(0 5 ? * * *)', 24],
    ['cron(0 0/6 * * ? *)', 6],
    ['cron(0 1,13 * * ? *)', 12],
    ['cron(0 3 ? * MON-FRI *)', 72],
    ['cron(0 3 ? * SUN *)', 168],
    ['cron(0 3 1 * ? *)', 744],
    ['rate(12 hours)', 12],
    ['rate(1 day)', 24],
    ['rate(30 minutes)', 0.5],
  ])('%s runs at most every %d hours', (expression, hours) => {
    expect(scheduleIntervalHours(expression)).toBe(hours);
  });

  it('does not guess at what it cannot read', () => {
    expect(scheduleIntervalHours('every day')).toBeUndefined();
    expect(scheduleIntervalHours('cron(0 x * * ? *)')).toBeUndefined();
  });
});

it('tag conditions: StringEquals is exact, StringLike takes * and ?', () => {
  expect(tagMatches('daily', 'daily', false)).toBe(true);
  expect(tagMatches('daily-2', 'daily*', false)).toBe(false);
  expect(tagMatches('daily-2', 'daily*', true)).toBe(true);
  expect(tagMatches('dai1y', 'dai?y', true)).toBe(true);
});
