import type { Builder } from 'junit-report-builder';
import type { CheckReport, RuleResult } from '../engine/result';
import type { ReporterOptions } from './types';
import { LABELS, type Labels } from './util';
import type { Lang } from '@workshop/catalog';

/**
 * JUnit XML for CI test views: one testsuite per lab, one testcase per rule. FAIL becomes <failure>
 * (message, then the fix and guide in its body), ERROR becomes <error>, SKIP becomes <skipped> with
 * the reason in <system-out>.
 */
export function junit(report: CheckReport, options: ReporterOptions): string {
  const lang = options.lang ?? report.lang;
  const labels = LABELS[lang];
  const builder = newBuilder().name('checker');
  const suite = builder
    .testSuite()
    .name(`${report.lab.id}: ${report.lab.title[lang]}`)
    .timestamp(report.startedAt)
    .time(report.durationMs / 1000)
    .property('lab', report.lab.id)
    .property('stack', report.lab.stackName)
    .property('source', xmlText(report.source.description))
    .property('score', String(report.score.points))
    .property('maxScore', String(report.score.maxPoints))
    .property('checkerVersion', report.checkerVersion);
  if (report.source.target) suite.property('target', report.source.target);

  for (const result of report.results) {
    const testCase = suite
      .testCase()
      .className(report.lab.id)
      .name(xmlText(`${result.ruleId}: ${result.title[lang]}`))
      .time(result.durationMs / 1000);
    const message = xmlText(result.message[lang]);
    const body = cdataText(message);
    if (result.status === 'FAIL') testCase.failure(message, 'FAIL').stacktrace(cdataText(failureBody(result, lang, labels)));
    else if (result.status === 'ERROR') testCase.error(message, 'ERROR', body);
    else if (result.status === 'SKIP') testCase.skipped().standardOutput(body);
    else testCase.standardOutput(body);
  }
  return `${builder.build()}\n`;
}

/**
 * A fresh builder from junit-report-builder, loaded on first use (its bundled XML writer takes
 * 25-110 ms to load, which runs without a junit reporter should not pay). The package exports one
 * shared builder; a new one per call keeps this reporter pure.
 */
function newBuilder(): Builder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: module.exports is the shared builder
  const shared: Builder = require('junit-report-builder');
  return shared.newBuilder();
}

function failureBody(result: RuleResult, lang: Lang, labels: Labels): string {
  return xmlText([result.message[lang], `${labels.fix}: ${result.fix[lang]}`, `${labels.guide}: ${result.guideUrl}`].join('\n'));
}

// eslint-disable-next-line no-control-regex -- colour codes and the control characters XML 1.0 forbids
const ILLEGAL_XML = /\x1b\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

/** Text fit for XML: the writer drops control characters itself but would leave "[31m" of a colour code. */
function xmlText(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/** The writer escapes only the first "]]>" of a CDATA section; a space keeps the others from closing it. */
function cdataText(text: string): string {
  return text.replaceAll(']]>', ']] >');
}
