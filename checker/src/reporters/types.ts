import type { Lang } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';

/** Options every reporter takes. */
export interface ReporterOptions {
  /** Use ANSI colours (a terminal that wants them); false gives plain text. */
  readonly color: boolean;
  /** Language of the fixed labels and the localized texts; defaults to the report's `lang`. */
  readonly lang?: Lang;
}

/** A reporter: a pure function from the result model to the text of one output format. */
export type Reporter = (report: CheckReport, options: ReporterOptions) => string;
