import type { Lang, LocalizedText } from '@workshop/catalog';

/** The checker's exit codes (documented in checker/README.md). */
export const ExitCode = {
  /** Every rule passed (SKIP allowed). */
  Pass: 0,
  /** At least one rule failed or could not be evaluated. */
  Fail: 1,
  /** Usage or input error: unknown lab, bad flag, not a CDK app, broken template, synth error. */
  Usage: 2,
  /** Target unreachable or a credentials problem (live mode). */
  Target: 3,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error a user can hit: one line in English and Korean that says what is wrong and what to do.
 * The CLI prints `message[lang]` without a stack trace (unless --debug) and exits with `exitCode`.
 */
export class CheckerError extends Error {
  constructor(
    /** The one-line message in both languages. */
    readonly text: LocalizedText,
    /** Exit code the CLI ends with. */
    readonly exitCode: ExitCodeValue = ExitCode.Usage,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = 'CheckerError';
  }

  /** The message in the given language. */
  in(lang: Lang): string {
    return this.text[lang];
  }
}

/** A usage or input error (exit code 2). */
export function inputError(en: string, ko: string, cause?: unknown): CheckerError {
  return new CheckerError({ en, ko }, ExitCode.Usage, { cause });
}

/** A target or credentials error (exit code 3): the live loader throws these. */
export function targetError(en: string, ko: string, cause?: unknown): CheckerError {
  return new CheckerError({ en, ko }, ExitCode.Target, { cause });
}
