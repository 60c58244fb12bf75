import type { Lang } from '@workshop/catalog';
import pc from 'picocolors';
import type { CheckReport, RuleResult } from '../engine/result';
import type { Status } from '../rules/types';
import type { ReporterOptions } from './types';
import { LABELS, explainCommand, verdict, type Labels } from './util';

/**
 * Status marks. With colour (a terminal) a symbol carries the status; without it (a pipe, a CI log,
 * NO_COLOR) the status word does, so the output stays readable and greppable in plain ASCII.
 */
const SYMBOLS: Readonly<Record<Status, string>> = { PASS: '✔', FAIL: '✖', SKIP: '○', ERROR: '!' };
const WORDS: Readonly<Record<Status, string>> = { PASS: 'PASS ', FAIL: 'FAIL ', SKIP: 'SKIP ', ERROR: 'ERROR' };

type Colors = ReturnType<typeof pc.createColors>;

const INDENT = '  ';
const DETAIL = '      ';

/** The terminal report: the lab, then one entry per rule, then the score and counts. */
export function pretty(report: CheckReport, options: ReporterOptions): string {
  const lang = options.lang ?? report.lang;
  const labels = LABELS[lang];
  const c = pc.createColors(options.color);
  const lines: string[] = [];

  lines.push(`${c.bold(report.lab.title[lang])} ${c.dim(`(${report.lab.id})`)}`);
  const target = report.source.target ? ` ${c.dim(`· ${labels.target}: ${report.source.target}`)}` : '';
  lines.push(`${INDENT}${c.dim(`${labels.source}:`)} ${report.source.description}${target}`);
  lines.push('');

  if (report.results.length === 0) lines.push(`${INDENT}${labels.noRules}`);
  for (const result of report.results) lines.push(...ruleLines(result, lang, labels, c, options.color));

  lines.push('');
  lines.push(...footer(report, labels, c));
  return `${lines.join('\n')}\n`;
}

function mark(status: Status, c: Colors, color: boolean): string {
  if (!color) return WORDS[status];
  const paint = { PASS: c.green, FAIL: c.red, SKIP: c.dim, ERROR: c.yellow }[status];
  return paint(SYMBOLS[status]);
}

function ruleLines(result: RuleResult, lang: Lang, labels: Labels, c: Colors, color: boolean): string[] {
  const title = result.status === 'FAIL' ? c.bold(result.title[lang]) : result.title[lang];
  const lines = [`${INDENT}${mark(result.status, c, color)} ${title} ${c.dim(`(${result.ruleId})`)}`];
  // What went wrong is the point of the report; what went right stays in the background.
  const quiet = result.status === 'PASS' || result.status === 'SKIP';
  for (const line of result.message[lang].split('\n')) lines.push(`${DETAIL}${quiet ? c.dim(line) : line}`);
  if (result.status === 'FAIL') {
    lines.push(`${DETAIL}${c.cyan(`${labels.fix}:`)} ${result.fix[lang]}`);
    lines.push(`${DETAIL}${c.cyan(`${labels.guide}:`)} ${c.underline(result.guideUrl)}`);
  }
  return lines;
}

function footer(report: CheckReport, labels: Labels, c: Colors): string[] {
  const outcome = verdict(report);
  const paint = { pass: c.green, fail: c.red, error: c.yellow }[outcome];
  const score = `${labels.score} ${report.score.points}/${report.score.maxPoints}`;
  const counts = labels.counts(report.summary);
  const lines = [
    `${paint(c.bold(score))}${counts ? `  ${counts}` : ''}  ${c.dim(`(${labels.duration(report.durationMs)})`)}`,
    paint(labels.verdict[outcome]),
  ];
  const needsHelp = report.results.find((r) => r.status === 'FAIL' || r.status === 'ERROR');
  if (needsHelp) lines.push(c.dim(labels.explain(explainCommand(needsHelp.ruleId))));
  return lines;
}
