import type { Lang } from '@workshop/catalog';
import type { CheckReport, RuleResult } from '../engine/result';
import type { Status } from '../rules/types';
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

  out.push('');
  const help = outcome === 'pass' ? '' : ` · ${labels.explain(`\`${explainCommand('<rule-id>')}\``)}`;
  out.push(`<sub>${labels.verdict[outcome]} · ${labels.checkedWith(report.checkerVersion)}${help}</sub>`);
  return `${out.join('\n')}\n`;
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
