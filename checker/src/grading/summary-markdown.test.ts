import { summaryMarkdown } from './summary-markdown';
import { classResult, first, second } from './testing/class-fixture';

describe('summaryMarkdown', () => {
  it('lists the rules most often failed first, then who could not be graded', () => {
    const text = summaryMarkdown(classResult());
    expect(text.indexOf(`\`${second}\``)).toBeLessThan(text.indexOf(`\`${first}\``));
    expect(text).toMatch(new RegExp(`\\| \`${second}\` [^|]+\\| 2 \\| 0 \\| 0% \\|`));
    expect(text).toContain('- Passed every check: 0/3');
    expect(text).toContain('- Average score: 25%');
    expect(text).toContain('- `s3` Park: synth failed: \\<boom\\>');
    expect(text).toContain('apps synthesized in sealed namespaces');
    expect(text).not.toContain('In progress');
  });

  it('says how far a class in progress has come, in Korean too', () => {
    expect(summaryMarkdown(classResult('en', 30))).toContain('**In progress: 3 of 30 students graded so far**');
    expect(summaryMarkdown(classResult('ko', 30))).toContain('**채점 중: 학생 30명 중 3명 채점됨**');
  });
});
