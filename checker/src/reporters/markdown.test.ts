import { shopTemplate } from '../rules/fixtures/shop';
import { graphFromTemplate } from '../sources/template/resolve';
import { architectureOf } from '../views/architecture';
import { withArchitecture } from '../views/report';
import { fixtureReport, passingKoreanReport } from './fixtures';
import { markdown } from './markdown';

/** The cells of each table row, split on the pipes that are not escaped. */
function tableRows(output: string): string[][] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

describe('markdown reporter', () => {
  const output = markdown(fixtureReport, { color: false });

  it('heads the summary with the verdict, the lab and the score', () => {
    const lines = output.split('\n');
    expect(lines[0]).toBe('## ❌ Move to a VPC across two Availability Zones: 3/12 points');
    expect(output).toContain('**Source:** stack ShopVpcMigration at http://127.0.0.1:4566 (target: `localstack-free`)');
    expect(output).toContain('**Score:** 3/12 · 1 passed, 1 failed, 1 error, 1 skipped · 1.2 s');
  });

  it('has a table with a header and one row of four cells per rule', () => {
    const rows = tableRows(output);
    expect(rows[0]).toEqual(['', 'Rule', 'Result', 'Details']);
    expect(rows[1]).toEqual(['---', '---', '---', '---']);
    expect(rows.slice(2).map((cells) => cells.length)).toEqual([4, 4, 4, 4]);
    expect(rows.slice(2).map((cells) => [cells[0], cells[2]])).toEqual([
      ['✅', 'Pass'],
      ['❌', 'Fail'],
      ['⏭️', 'Skipped'],
      ['⚠️', 'Error'],
    ]);
    expect(rows[2]![1]).toBe('Public, private and database subnets each span two Availability Zones<br>`subnets-span-two-azs`');
  });

  it('escapes pipes, HTML and line breaks so a message stays inside its cell', () => {
    const failRow = tableRows(output)[3]!;
    expect(failRow[3]).toBe(
      'Private subnet VpcPrivateSubnet2 (AZ#2) routes 0.0.0.0/0 to NAT gateway VpcNat1 in AZ#1 \\| &lt;one NAT for two AZs&gt;<br>If AZ#1 fails, AZ#2 loses its internet access.',
    );
  });

  it('lists how to fix each failure, with its guide link', () => {
    const section = output.slice(output.indexOf('### How to fix'));
    expect(section).toContain(
      '- **Each private subnet routes to a NAT gateway in its own AZ** (`nat-gateway-per-az`): Set natGateways: 2 on ec2.Vpc so each AZ gets its own NAT gateway in its public subnet. [Guide](https://workshop.example.com/docs/labs/vpc-migration#nat-gateways)',
    );
    expect(section.match(/^- /gm)).toHaveLength(1);
    expect(output).toContain('<sub>Some checks failed · checker 0.1.0 · More about a rule: `npx checker explain <rule-id>`</sub>');
  });

  it('writes Korean, with no fix section when everything passed', () => {
    const korean = markdown(passingKoreanReport, { color: false });
    expect(korean.split('\n')[0]).toBe('## ✅ 두 가용 영역에 걸친 VPC로 이전하기: 6/6점');
    expect(korean).toContain('**검사 대상:** app labs/vpc-migration');
    expect(korean).toContain('**점수:** 6/6 · 통과 2 · 1.2초');
    expect(tableRows(korean)[0]).toEqual(['', '규칙', '결과', '설명']);
    expect(tableRows(korean)[2]).toEqual([
      '✅',
      'VPC는 10.0.0.0/16 대역을 씁니다<br>`vpc-cidr`',
      '통과',
      'VPC Vpc가 10.0.0.0/16 대역을 씁니다.',
    ]);
    expect(korean).not.toContain('###');
    expect(korean).toContain('<sub>모든 검사를 통과했습니다 · checker 0.1.0</sub>');
  });

  it('names the Korean fix section and statuses', () => {
    const korean = markdown(fixtureReport, { color: false, lang: 'ko' });
    expect(korean).toContain('### 고치는 방법');
    expect(
      tableRows(korean)
        .slice(2)
        .map((cells) => cells[2]),
    ).toEqual(['통과', '실패', '건너뜀', '오류']);
    expect(korean).toContain('[가이드](https://workshop.example.com/docs/labs/vpc-migration#nat-gateways)');
  });
});

describe('markdown reporter: your architecture', () => {
  const shop = (options: Parameters<typeof shopTemplate>[0]) => graphFromTemplate(shopTemplate(options));
  const target = { architecture: architectureOf(shop({ database: { multiAz: true } })), mermaid: { en: '', ko: '' } };

  it('draws the learner architecture as a Mermaid block with what the target adds dashed, then lists it', () => {
    const output = markdown(withArchitecture(fixtureReport, shop({ noInternalAlb: true, natGateways: 1 }), target), { color: false });
    const section = output.slice(output.indexOf('### Your architecture'));
    expect(section).toMatch(/^### Your architecture\n\n```mermaid\nflowchart LR\n/);
    expect(section).toMatch(/alb_internal\["missing: ALB \(internal\)[^"]*"\]:::missing/);
    expect(section).toContain("Missing compared with the lab's target (dashed red in the drawing):\n\n- ALB (internal)");
    expect(section).toContain('- the database is not Multi-AZ');
    // The drawing comes before the footer, after the fixes.
    expect(output.indexOf('### Your architecture')).toBeGreaterThan(output.indexOf('### How to fix'));
    expect(output.trimEnd().split('\n').at(-1)).toMatch(/^<sub>/);
  });

  it('says so when nothing is missing, in Korean too, and when there is no target drawing', () => {
    const complete = withArchitecture(passingKoreanReport, shop({ database: { multiAz: true } }), target);
    expect(markdown(complete, { color: false, lang: 'en' })).toContain("Nothing the lab's target has is missing.");
    expect(markdown(complete, { color: false })).toContain('### 내 아키텍처');
    expect(markdown(complete, { color: false })).toContain('실습 목표에 있는 것은 모두 있습니다.');
    const noTarget = withArchitecture(fixtureReport, shop({}), undefined);
    expect(markdown(noTarget, { color: false })).toContain("The lab's target drawing is not available, so nothing is compared.");
    expect(markdown(fixtureReport, { color: false })).not.toContain('```mermaid');
  });

  it('fences the drawing longer than any backtick run a template puts in a label', () => {
    const report = withArchitecture(fixtureReport, shop({}), undefined);
    const mine = report.architecture!.mine;
    const tricky = {
      ...report,
      architecture: { mine: { ...mine, nodes: [{ ...mine.nodes[0], label: { en: 'x```y', ko: 'x```y' } }] } },
    };
    expect(markdown(tricky, { color: false })).toMatch(/\n````mermaid\n[\s\S]*x```y[\s\S]*\n````\n/);
  });
});
