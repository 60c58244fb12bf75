import type { Lang } from '@workshop/catalog';
import type { CheckReport, RuleResult } from '../engine/result';
import type { Status } from '../rules/types';
import { missingLines, toMermaid } from '../views/mermaid';
import type { ReporterOptions } from './types';
import { LABELS, explainCommand, verdict, type Labels } from './util';

const EMOJI: Readonly<Record<Status, string>> = { PASS: '✅', FAIL: '❌', SKIP: '⏭️', ERROR: '⚠️' };
const VERDICT_EMOJI = { pass: '✅', fail: '❌', error: '⚠️' } as const;

/**
 * A GitHub-flavoured Markdown summary for a pull-request comment or an instructor's report: the
 * score, a table of every rule, then how to fix each failure.
 */
export function markdown(report: CheckReport, options: ReporterOptions): string {
  const lang = options.lang ?? report.lang;
  const labels = LABELS[lang];
  const outcome = verdict(report);
  const { points, maxPoints } = report.score;
  const out: string[] = [];

  out.push(`## ${VERDICT_EMOJI[outcome]} ${escape(report.lab.title[lang])}: ${labels.pointsOf(points, maxPoints)}`);
  out.push('');
  const target = report.source.target ? ` (${labels.target}: \`${report.source.target}\`)` : '';
  out.push(`**${labels.source}:** ${escape(report.source.description)}${target}  `);
  out.push(`**${labels.score}:** ${points}/${maxPoints} · ${labels.counts(report.summary)} · ${labels.duration(report.durationMs)}`);
  out.push('');

  if (report.results.length === 0) {
    out.push(labels.noRules);
  } else {
    out.push(`| | ${labels.rule} | ${labels.result} | ${labels.message} |`);
    out.push('|---|---|---|---|');
    for (const result of report.results) out.push(row(result, lang, labels));
  }

  const failures = report.results.filter((r) => r.status === 'FAIL');
  if (failures.length > 0) {
    out.push('');
    out.push(`### ${labels.howToFix}`);
    out.push('');
    for (const result of failures) {
      out.push(
        `- **${escape(result.title[lang])}** (\`${result.ruleId}\`): ${escape(result.fix[lang])} [${labels.guide}](${result.guideUrl})`,
      );
    }
  }

  if (report.architecture) out.push('', ...drawing(report.architecture, lang));

  out.push('');
  const help = outcome === 'pass' ? '' : ` · ${labels.explain(`\`${explainCommand('<rule-id>')}\``)}`;
  out.push(`<sub>${labels.verdict[outcome]} · ${labels.checkedWith(report.checkerVersion)}${help}</sub>`);
  return `${out.join('\n')}\n`;
}

const DRAWING = {
  en: {
    heading: 'Your architecture',
    missing: "Missing compared with the lab's target (dashed red in the drawing):",
    complete: "Nothing the lab's target has is missing.",
    noTarget: "The lab's target drawing is not available, so nothing is compared.",
  },
  ko: {
    heading: '내 아키텍처',
    missing: '실습 목표에 비해 없는 것(그림의 빨간 점선):',
    complete: '실습 목표에 있는 것은 모두 있습니다.',
    noTarget: '실습 목표 그림이 없어 비교하지 않았습니다.',
  },
} as const;

/** The learner's architecture as a Mermaid block (GitHub draws it) and what the target adds, as a list. */
function drawing(architecture: NonNullable<CheckReport['architecture']>, lang: Lang): string[] {
  const text = DRAWING[lang];
  const mermaid = toMermaid(architecture.mine, lang, architecture.missing).trimEnd();
  // A fence longer than any backtick run in the labels, so a label cannot close it.
  const fence = '`'.repeat(Math.max(3, ...[...mermaid.matchAll(/`+/g)].map((run) => run[0].length + 1)));
  const out = [`### ${text.heading}`, '', `${fence}mermaid`, mermaid, fence, ''];
  if (!architecture.missing) return [...out, text.noTarget];
  const lines = missingLines(architecture.missing, lang);
  if (lines.length === 0) return [...out, text.complete];
  return [...out, text.missing, '', ...lines.map((line) => `- ${escape(line)}`)];
}

function row(result: RuleResult, lang: Lang, labels: Labels): string {
  const title = `${escape(result.title[lang])}<br>\`${result.ruleId}\``;
  const status = `${labels.status[result.status]}`;
  return `| ${EMOJI[result.status]} | ${title} | ${status} | ${escape(result.message[lang])} |`;
}

/** Makes learner text safe inside a GFM table cell: no raw HTML, no cell breaks, line breaks as <br>. */
function escape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}
