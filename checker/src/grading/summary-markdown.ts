import type { ClassResult } from './grade-class';
import { OUTPUT_FILES } from './output-files';
import { figures, LABELS, outcomeWord, percent, ruleStats } from './summary-data';

/** Text made inert in Markdown: its markup characters escaped, line breaks folded into spaces. */
export function markdownText(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (char) => `\\${char}`).replace(/[\r\n]+/g, ' ');
}

/** summary.md: class figures, the rules most often failed (what to re-teach), errors and every student graded so far. */
export function summaryMarkdown(result: ClassResult): string {
  const lang = result.lang;
  const l = LABELS[lang];
  const md = markdownText;
  const f = figures(result);
  const stats = ruleStats(result);
  const out: string[] = [`# ${l.title(`${md(result.lab.title[lang])} (${result.lab.id})`)}`, ''];
  if (result.students.length < result.total) out.push(`**${l.inProgress(result.students.length, result.total)}**`, '');
  out.push(
    `${l.graded(result.gradedAt, result.students.length)} · ${l.checker} ${md(result.checkerVersion)} · ${l.ruleset} \`${result.rulesetSha256.slice(0, 12)}\`  `,
  );
  out.push(`${l.signed(result.signed)}${result.isolation ? ` · ${l.isolation[result.isolation]}` : ''}`, '');
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
        `| \`${s.ruleId}\` ${md(s.title[lang])} | ${s.counts.FAIL} | ${s.counts.ERROR} | ${percent(s.passRate)} | ${s.guideUrl ? `[${l.guide}](<${s.guideUrl.replace(/[<>\s]/g, encodeURIComponent)}>)` : ''} |`,
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
