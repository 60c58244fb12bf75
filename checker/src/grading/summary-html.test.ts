import { escapeHtml, summaryHtml } from './summary-html';
import { classResult, student } from './testing/class-fixture';

describe('summaryHtml', () => {
  it('draws pass-rate bars in a self-contained, escaped HTML page in the report language', () => {
    const page = summaryHtml(classResult('ko'));
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('규칙별 통과율');
    expect(page).toContain('class="bar fair" style="width:50%"');
    expect(page).toContain('class="bar poor" style="width:0%"');
    expect(page).toContain('&#60;b&#62;Lee&#60;/b&#62;');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it('escapes every value a student controls: no element, attribute or link comes from them', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const result = { ...classResult(), students: [student('s1', hostile, ['PASS', 'FAIL']), student('s2', 'x', undefined, hostile)] };
    const page = summaryHtml(result);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page.split(escapeHtml(hostile)).length - 1).toBe(2);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
