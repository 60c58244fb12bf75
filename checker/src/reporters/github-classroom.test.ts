import { fixtureReport, passingKoreanReport } from './fixtures';
import { githubClassroom, type ClassroomResult } from './github-classroom';

function render(...args: Parameters<typeof githubClassroom>): ClassroomResult {
  return JSON.parse(githubClassroom(...args)) as ClassroomResult;
}

/** How classroom-resources/autograding-grading-reporter src/notify-classroom.js grades a runner. */
function classroomGrade(result: ClassroomResult): { totalPoints: number; maxPoints: number } {
  return { totalPoints: result.tests.reduce((sum, t) => sum + t.score, 0), maxPoints: result.max_score };
}

describe('github-classroom reporter', () => {
  const result = render(fixtureReport, { color: false });

  it('writes a version 1 runner result that fails the run when a rule fails', () => {
    expect(result).toMatchObject({ version: 1, status: 'fail', max_score: 12 });
    expect(Object.keys(result)).toEqual(['version', 'status', 'max_score', 'tests']);
  });

  it('gives every test the fields the official runners write', () => {
    for (const test of result.tests) {
      expect(Object.keys(test).sort()).toEqual(
        ['execution_time', 'filename', 'line_no', 'message', 'name', 'score', 'status', 'test_code'].sort(),
      );
      expect(test.execution_time).toMatch(/^\d+(\.\d+)?s$/);
      expect(test.line_no).toBe(0);
    }
    expect(result.tests[1]!.execution_time).toBe('0.007s');
  });

  it('grades like the checker: the same points out of the same total', () => {
    expect(classroomGrade(result)).toEqual({ totalPoints: 3, maxPoints: 12 });
    expect(classroomGrade(render(passingKoreanReport, { color: false }))).toEqual({ totalPoints: 6, maxPoints: 6 });
  });

  it('maps each status, and a skipped rule to a named pass worth nothing', () => {
    expect(result.tests.map((t) => [t.name, t.status, t.score])).toEqual([
      ['Public, private and database subnets each span two Availability Zones', 'pass', 3],
      ['Each private subnet routes to a NAT gateway in its own AZ', 'fail', 0],
      ['The database is not publicly accessible and sits in database subnets (Skipped)', 'pass', 0],
      ['Security groups chain ELB → WEB → APP → RDS and nothing else reaches the database', 'error', 0],
    ]);
    expect(result.tests[3]!.message).toContain('cannot evaluate');
  });

  it('puts the fix and guide of a failure in test_code, which the reporter prints for failures', () => {
    expect(result.tests[1]!.test_code).toBe(
      `${fixtureReport.results[1]!.message.en}\nFix: Set natGateways: 2 on ec2.Vpc so each AZ gets its own NAT gateway in its public subnet.\n` +
        'Guide: https://workshop.example.com/docs/labs/vpc-migration#nat-gateways',
    );
    expect(result.tests.filter((t) => t.test_code !== '').map((t) => t.status)).toEqual(['fail']);
  });

  it('reports an error, not a pass, when a rule could not be evaluated and none failed', () => {
    const errored = {
      ...fixtureReport,
      results: fixtureReport.results.filter((r) => r.status !== 'FAIL'),
      summary: { PASS: 1, FAIL: 0, SKIP: 1, ERROR: 1 },
    };
    expect(render(errored, { color: false }).status).toBe('error');
  });

  it('writes Korean names and messages', () => {
    const korean = render(passingKoreanReport, { color: false });
    expect(korean.status).toBe('pass');
    expect(korean.tests[0]).toMatchObject({ name: 'VPC는 10.0.0.0/16 대역을 씁니다', message: 'VPC Vpc가 10.0.0.0/16 대역을 씁니다.' });
    const skipped = render(fixtureReport, { color: false, lang: 'ko' }).tests[2]!;
    expect(skipped.name).toBe('데이터베이스는 외부에 공개되지 않고 DB 서브넷에 있습니다 (건너뜀)');
  });
});
