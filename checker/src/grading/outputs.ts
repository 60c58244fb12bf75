import fs from 'node:fs';
import path from 'node:path';
import type { Lang, LocalizedText } from '@workshop/catalog';
import { inputError } from '../errors';
import { reporters } from '../reporters';
import { rules } from '../rules';
import type { Status } from '../rules/types';
import { toCsv } from './csv';
import type { ClassResult, StudentOutcome } from './grade-class';
import type { SignedReport } from './integrity';

/** How one rule fared across the class (students that could not be graded are left out). */
export interface RuleStat {
  readonly ruleId: string;
  readonly title: LocalizedText;
  readonly guideUrl: string;
  readonly counts: Readonly<Record<Status, number>>;
  /** PASS over the students for whom the rule was at stake (SKIP left out); null when none. */
  readonly passRate: number | null;
}

/** The files written for a class, relative to the output folder. */
export const OUTPUT_FILES = { gradebook: 'gradebook.csv', summary: 'summary.md', html: 'summary.html', students: 'students' } as const;

/** Makes sure `dir` can be written before any grading starts; a one-line input error otherwise. */
export function prepareOutputDir(dir: string): void {
  try {
    fs.mkdirSync(path.join(dir, OUTPUT_FILES.students), { recursive: true });
    const probe = path.join(dir, `.checker-write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(
      `Cannot write to the output folder ${dir} (${code}): pass a folder you can write to with --out.`,
      `출력 폴더 ${dir}에 쓸 수 없습니다(${code}). 쓸 수 있는 폴더를 --out으로 주세요.`,
    );
  }
}

/** Per-rule counts and pass rates, in the lab's check order. */
export function ruleStats(result: ClassResult): RuleStat[] {
  const graded = result.students.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  return result.lab.checks.map((ruleId): RuleStat => {
    const counts: Record<Status, number> = { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 };
    let sample: SignedReport['results'][number] | undefined;
    for (const report of graded) {
      const found = report.results.find((r) => r.ruleId === ruleId);
      if (!found) continue;
      sample ??= found;
      counts[found.status] += 1;
    }
    const atStake = counts.PASS + counts.FAIL + counts.ERROR;
    return {
      ruleId,
      title: sample?.title ?? rules.find((rule) => rule.id === ruleId)?.title ?? { en: ruleId, ko: ruleId },
      guideUrl: sample?.guideUrl ?? '',
      counts,
      passRate: atStake > 0 ? counts.PASS / atStake : null,
    };
  });
}

/** gradebook.csv: one row per student, then one column per rule with its status. */
export function gradebookCsv(result: ClassResult): string {
  const checks = result.lab.checks;
  const header = ['student_id', 'name', 'lab', 'score', 'max', 'passed', ...checks, 'error'];
  const rows = result.students.map((outcome) => {
    const { student, report } = outcome;
    if (!report)
      return [student.id, student.name, result.lab.id, '', '', 'ERROR', ...checks.map(() => ''), outcome.error?.[result.lang] ?? ''];
    const status = new Map(report.results.map((r) => [r.ruleId, r.status]));
    const passed = report.summary.FAIL === 0 && report.summary.ERROR === 0 ? 'yes' : 'no';
    return [
      student.id,
      student.name,
      result.lab.id,
      report.score.points,
      report.score.maxPoints,
      passed,
      ...checks.map((id) => status.get(id) ?? ''),
      '',
    ];
  });
  return toCsv([header, ...rows]);
}

const LABELS = {
  en: {
    title: (lab: string) => `Class summary: ${lab}`,
    graded: (date: string, n: number) => `Graded ${date}, ${n} students`,
    signed: (key: boolean) =>
      key ? 'reports signed with HMAC-SHA256 (verify with `checker verify`)' : 'reports not signed (set CHECKER_SIGNING_KEY to sign them)',
    passedAll: 'Passed every check',
    average: 'Average score',
    errors: 'Could not be graded',
    reteach: 'What to re-teach: rules most often failed',
    nothingFailed: 'Every graded student passed every rule.',
    rule: 'Rule',
    failed: 'Failed',
    couldNot: 'Not evaluated',
    passRate: 'Pass rate',
    guide: 'Guide',
    students: 'Students',
    student: 'Student',
    name: 'Name',
    score: 'Score',
    result: 'Result',
    chart: 'Pass rate per rule',
    result0: { yes: 'passed', no: 'failed', ERROR: 'ERROR' } as Record<string, string>,
    checker: 'checker',
    ruleset: 'rule set',
  },
  ko: {
    title: (lab: string) => `반 전체 요약: ${lab}`,
    graded: (date: string, n: number) => `${date} 채점, 학생 ${n}명`,
    signed: (key: boolean) =>
      key ? '보고서는 HMAC-SHA256으로 서명됨(`checker verify`로 검증)' : '보고서 서명 없음(서명하려면 CHECKER_SIGNING_KEY를 설정)',
    passedAll: '모든 검사 통과',
    average: '평균 점수',
    errors: '채점하지 못함',
    reteach: '다시 가르칠 내용: 가장 많이 실패한 규칙',
    nothingFailed: '채점된 학생 모두 모든 규칙을 통과했습니다.',
    rule: '규칙',
    failed: '실패',
    couldNot: '평가 불가',
    passRate: '통과율',
    guide: '가이드',
    students: '학생',
    student: '학생',
    name: '이름',
    score: '점수',
    result: '결과',
    chart: '규칙별 통과율',
    result0: { yes: '통과', no: '실패', ERROR: 'ERROR' } as Record<string, string>,
    checker: 'checker',
    ruleset: '규칙 집합',
  },
} satisfies Record<Lang, unknown>;

interface ClassFigures {
  readonly passedAll: number;
  readonly errors: number;
  readonly averagePercent: number | null;
}

function figures(result: ClassResult): ClassFigures {
  const graded = result.students.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  const percents = graded.filter((r) => r.score.maxPoints > 0).map((r) => (100 * r.score.points) / r.score.maxPoints);
  return {
    passedAll: graded.filter((r) => r.summary.FAIL === 0 && r.summary.ERROR === 0).length,
    errors: result.students.length - graded.length,
    averagePercent: percents.length > 0 ? Math.round(percents.reduce((a, b) => a + b, 0) / percents.length) : null,
  };
}

function outcomeWord(outcome: StudentOutcome): 'yes' | 'no' | 'ERROR' {
  if (!outcome.report) return 'ERROR';
  return outcome.report.summary.FAIL === 0 && outcome.report.summary.ERROR === 0 ? 'yes' : 'no';
}

function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

function md(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

/** summary.md: class figures, the rules most often failed (what to re-teach), errors and every student. */
export function summaryMarkdown(result: ClassResult): string {
  const lang = result.lang;
  const l = LABELS[lang];
  const f = figures(result);
  const stats = ruleStats(result);
  const out: string[] = [`# ${l.title(`${md(result.lab.title[lang])} (${result.lab.id})`)}`, ''];
  out.push(
    `${l.graded(result.gradedAt, result.students.length)} · ${l.checker} ${result.checkerVersion} · ${l.ruleset} \`${result.rulesetSha256.slice(0, 12)}\`  `,
  );
  out.push(`${l.signed(result.signed)}`, '');
  out.push(`- ${l.passedAll}: ${f.passedAll}/${result.students.length}`);
  out.push(`- ${l.average}: ${f.averagePercent === null ? '-' : `${f.averagePercent}%`}`);
  out.push(`- ${l.errors}: ${f.errors}`, '');
  out.push(`## ${l.reteach}`, '');
  const failing = stats
    .filter((s) => s.counts.FAIL + s.counts.ERROR > 0)
    .sort((a, b) => b.counts.FAIL + b.counts.ERROR - (a.counts.FAIL + a.counts.ERROR));
  if (failing.length === 0) out.push(l.nothingFailed);
  else {
    out.push(`| ${l.rule} | ${l.failed} | ${l.couldNot} | ${l.passRate} | ${l.guide} |`, '|---|---:|---:|---:|---|');
    for (const s of failing) {
      out.push(
        `| \`${s.ruleId}\` ${md(s.title[lang])} | ${s.counts.FAIL} | ${s.counts.ERROR} | ${percent(s.passRate)} | ${s.guideUrl ? `[${l.guide}](${s.guideUrl})` : ''} |`,
      );
    }
  }
  const errored = result.students.filter((o) => !o.report);
  if (errored.length > 0) {
    out.push('', `## ${l.errors}`, '');
    for (const o of errored)
      out.push(`- \`${o.student.id}\`${o.student.name ? ` ${md(o.student.name)}` : ''}: ${md(o.error?.[lang] ?? '')}`);
  }
  out.push('', `## ${l.students}`, '', `| ${l.student} | ${l.name} | ${l.score} | ${l.result} |`, '|---|---|---:|---|');
  for (const o of result.students) {
    const score = o.report ? `${o.report.score.points}/${o.report.score.maxPoints}` : '-';
    out.push(
      `| [\`${o.student.id}\`](${OUTPUT_FILES.students}/${o.student.id}.md) | ${md(o.student.name)} | ${score} | ${l.result0[outcomeWord(o)]} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** summary.html: one self-contained page (no network) with a bar chart of pass rates per rule. */
export function summaryHtml(result: ClassResult): string {
  const lang = result.lang;
  const l = LABELS[lang];
  const f = figures(result);
  const bars = ruleStats(result)
    .map((s) => {
      const width = s.passRate === null ? 0 : Math.round(s.passRate * 100);
      const tone = s.passRate === null ? 'none' : width >= 80 ? 'good' : width >= 50 ? 'fair' : 'poor';
      const counts = `${l.failed} ${s.counts.FAIL} · ${l.couldNot} ${s.counts.ERROR} · SKIP ${s.counts.SKIP}`;
      const label = s.guideUrl ? `<a href="${html(s.guideUrl)}">${html(s.title[lang])}</a>` : html(s.title[lang]);
      return `<tr><th scope="row">${label}<br><code>${html(s.ruleId)}</code></th><td class="chart"><div class="track"><div class="bar ${tone}" style="width:${width}%"></div></div></td><td class="num">${percent(s.passRate)}</td><td class="counts">${counts}</td></tr>`;
    })
    .join('\n');
  const students = result.students
    .map((o) => {
      const score = o.report ? `${o.report.score.points}/${o.report.score.maxPoints}` : '-';
      const note = o.report ? '' : html(o.error?.[lang] ?? '');
      const id = html(o.student.id);
      return `<tr><td><a href="${OUTPUT_FILES.students}/${id}.md">${id}</a></td><td>${html(o.student.name)}</td><td class="num">${score}</td><td class="${outcomeWord(o)}">${html(l.result0[outcomeWord(o)])}</td><td>${note}</td></tr>`;
    })
    .join('\n');
  const title = l.title(`${result.lab.title[lang]} (${result.lab.id})`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
body { font-family: system-ui, "Noto Sans KR", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1b1f24; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: middle; }
th[scope=row] { font-weight: normal; width: 40%; }
td.chart { width: 35%; }
.track { background: #eaeef2; border-radius: 3px; }
.bar { height: 1rem; border-radius: 3px; min-width: 2px; }
.bar.good { background: #2da44e; } .bar.fair { background: #d4a72c; } .bar.poor { background: #cf222e; } .bar.none { background: #d0d7de; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.counts, .meta { color: #57606a; font-size: .9em; }
td.no { color: #cf222e; } td.ERROR { color: #9a6700; font-weight: bold; } td.yes { color: #1a7f37; }
</style>
</head>
<body>
<h1>${html(title)}</h1>
<p class="meta">${html(l.graded(result.gradedAt, result.students.length))} · ${l.checker} ${html(result.checkerVersion)} · ${l.ruleset} <code>${result.rulesetSha256.slice(0, 12)}</code> · ${html(l.signed(result.signed))}</p>
<p>${l.passedAll}: <strong>${f.passedAll}/${result.students.length}</strong> · ${l.average}: <strong>${f.averagePercent === null ? '-' : `${f.averagePercent}%`}</strong> · ${l.errors}: <strong>${f.errors}</strong></p>
<h2>${l.chart}</h2>
<table class="rules">
<thead><tr><th>${l.rule}</th><th>${l.passRate}</th><th></th><th></th></tr></thead>
<tbody>
${bars}
</tbody>
</table>
<h2>${l.students}</h2>
<table class="students">
<thead><tr><th>${l.student}</th><th>${l.name}</th><th>${l.score}</th><th>${l.result}</th><th></th></tr></thead>
<tbody>
${students}
</tbody>
</table>
</body>
</html>
`;
}

/** One line naming a report's tamper evidence: checker version, rule set, input and signature. */
function integrityLine(report: SignedReport, lang: Lang): string {
  const i = report.integrity;
  const input =
    i.input.kind === 'template'
      ? `template sha256 ${i.input.sha256.slice(0, 12)}`
      : ['stack', i.input.stack, i.input.account, i.input.region, i.input.endpoint, i.input.checkedAt].filter(Boolean).join(' ');
  const signed = i.signature
    ? lang === 'ko'
      ? `HMAC-SHA256 서명(키 id ${i.signature.keyId}): checker verify ${i.studentId}.json으로 검증`
      : `signed with HMAC-SHA256 (key id ${i.signature.keyId}): verify with checker verify ${i.studentId}.json`
    : lang === 'ko'
      ? '서명 없음'
      : 'unsigned';
  return `checker ${report.checkerVersion} · rule set ${i.rulesetSha256.slice(0, 12)} · ${input} · ${signed}`;
}

/** Writes the gradebook, the per-student reports (JSON, Markdown, JUnit) and the class summaries; returns the paths. */
export function writeOutputs(result: ClassResult, dir: string): string[] {
  const written: string[] = [];
  const write = (relative: string, text: string): void => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  };
  const lang = result.lang;
  for (const outcome of result.students) {
    const base = `${OUTPUT_FILES.students}/${outcome.student.id}`;
    const { report } = outcome;
    if (report) {
      write(`${base}.json`, reporters.json(report, { color: false, lang }));
      write(`${base}.md`, `${reporters.markdown(report, { color: false, lang })}\n---\n\n${md(integrityLine(report, lang))}\n`);
      // The signed record is the JSON; the JUnit file names it in a comment after its root element.
      write(`${base}.xml`, `${reporters.junit(report, { color: false, lang }).trimEnd()}\n<!-- ${integrityLine(report, lang)} -->\n`);
    } else {
      // A report left from an earlier run would contradict this one.
      for (const stale of ['json', 'xml']) fs.rmSync(path.join(dir, `${base}.${stale}`), { force: true });
      const heading = lang === 'ko' ? '채점하지 못함' : 'Could not be graded';
      write(`${base}.md`, `## ⚠️ ${md(outcome.student.id)}: ${heading}\n\n${md(outcome.error?.[lang] ?? '')}\n`);
    }
  }
  write(OUTPUT_FILES.gradebook, gradebookCsv(result));
  write(OUTPUT_FILES.summary, summaryMarkdown(result));
  write(OUTPUT_FILES.html, summaryHtml(result));
  return written;
}
