import path from 'node:path';
import type { Lab, Lang } from '@workshop/catalog';
import { CheckerError } from '../errors';
import type { CheckReport } from '../engine/result';
import { checkTemplate, synthLearnerApp } from './app';
import { appSourceFiles, fileHash } from './files';
import { currentStep, type CurrentStep } from './steps';

/** What the watch shows after a run: the last verdict, what happened this time, and the step. */
export interface WatchState {
  /** The last verdict, kept while the app does not synthesize. */
  readonly report?: CheckReport;
  /** When `report` was made. */
  readonly reportAt?: Date;
  /** What happened this time. */
  readonly outcome: 'checked' | 'template-unchanged' | 'synth-error';
  /** The synth error (file:line first), in the session's language. */
  readonly error?: string;
  readonly step?: CurrentStep;
  /** The files whose change started this run (empty for the first run). */
  readonly changed: readonly string[];
  /** Time spent synthesizing and checking, ms. */
  readonly ms: number;
}

/**
 * One learner's watch over one app: re-synthesizes only when a source file's contents really
 * changed, re-runs the rules only when the template changed, and keeps the last verdict when the
 * app does not synthesize.
 */
export class WatchSession {
  private readonly hashes = new Map<string, string | undefined>();
  private report?: CheckReport;
  private reportAt?: Date;
  private templateSha256?: string;

  constructor(
    private readonly lab: Lab,
    private readonly appDir: string,
    private readonly lang: Lang,
    private readonly onReport: (report: CheckReport) => void = () => undefined,
  ) {}

  /** Checks the app as it is now (the first run). */
  start(): WatchState {
    for (const file of appSourceFiles(this.appDir)) this.hashes.set(file, fileHash(path.join(this.appDir, file)));
    return this.run([]);
  }

  /** Re-checks after `changed` (paths relative to the app); undefined when no file's contents changed (a save without edits). */
  update(changed: readonly string[]): WatchState | undefined {
    const really = changed.filter((file) => {
      const hash = fileHash(path.join(this.appDir, file));
      if (this.hashes.get(file) === hash) return false;
      this.hashes.set(file, hash);
      return true;
    });
    return really.length > 0 ? this.run(really) : undefined;
  }

  private run(changed: readonly string[]): WatchState {
    const start = Date.now();
    const base = { changed, step: undefined as CurrentStep | undefined };
    try {
      const file = synthLearnerApp(this.lab, this.appDir);
      base.step = currentStep(this.lab, this.appDir);
      if (file.sha256 === this.templateSha256 && this.report) {
        return { ...base, report: this.report, reportAt: this.reportAt, outcome: 'template-unchanged', ms: Date.now() - start };
      }
      const report = checkTemplate(this.lab, file, this.appDir, this.lang, start);
      this.report = report;
      this.reportAt = new Date();
      this.templateSha256 = file.sha256;
      this.onReport(report);
      return { ...base, report, reportAt: this.reportAt, outcome: 'checked', ms: Date.now() - start };
    } catch (error) {
      if (!(error instanceof CheckerError)) throw error;
      base.step = currentStep(this.lab, this.appDir);
      return {
        ...base,
        report: this.report,
        reportAt: this.reportAt,
        outcome: 'synth-error',
        error: error.in(this.lang),
        ms: Date.now() - start,
      };
    }
  }
}
