import { classResult, first, second } from './testing/class-fixture';
import { figures, ruleStats } from './summary-data';

describe('ruleStats and figures', () => {
  it('counts every rule across the graded students, SKIP not at stake', () => {
    const [a, b] = ruleStats(classResult());
    expect(a).toMatchObject({ ruleId: first, counts: { PASS: 1, FAIL: 1, SKIP: 0, ERROR: 0 }, passRate: 0.5 });
    expect(b).toMatchObject({ ruleId: second, counts: { PASS: 0, FAIL: 2 }, passRate: 0 });
    expect(ruleStats(classResult()).at(-1)).toMatchObject({ passRate: null });
    expect(figures(classResult())).toEqual({ passedAll: 0, errors: 1, averagePercent: 25 });
  });
});
