import type { CheckReport } from '../engine/result';
import type { ReporterOptions } from './types';

/**
 * The report as JSON, described by report.schema.json (JSON Schema draft-07) next to this file.
 * `schemaVersion` changes on any incompatible change of the shape; both languages of every text are
 * kept, and `lang` says which one the run chose.
 */
export function json(report: CheckReport, options: ReporterOptions): string {
  // The drawing belongs to the markdown report; the JSON shape (and the signed reports built on it) stays the verdicts.
  const { architecture: _drawing, ...verdicts } = report;
  return `${JSON.stringify({ ...verdicts, lang: options.lang ?? report.lang }, null, 2)}\n`;
}
