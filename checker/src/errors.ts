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

/** The access that failed on a path, for {@link fileError}. */
export type FileAccess = 'read' | 'write';

/**
 * A one-line input error for a file-system error on `shown` (the path as the user sees it): says
 * which path, what went wrong (missing, permission denied, a folder, not a folder) and what to do.
 * `what` names the path's role in both languages, e.g. `{ en: 'the template', ko: '템플릿' }`.
 */
export function fileError(error: unknown, shown: string, what: LocalizedText, access: FileAccess): CheckerError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const verb = access === 'read' ? { en: 'read', ko: '읽을' } : { en: 'write', ko: '쓸' };
  switch (code) {
    case 'ENOENT':
      return inputError(
        `${capitalize(what.en)} ${shown} does not exist: check the path.`,
        `${what.ko} ${shown}이(가) 없습니다. 경로를 확인하세요.`,
        error,
      );
    case 'EACCES':
    case 'EPERM':
      return inputError(
        access === 'read'
          ? `Permission denied reading ${what.en} ${shown}: give your user read access to it (chmod u+r, or u+rx for a folder), or copy it to a folder you own.`
          : `Permission denied writing ${what.en} ${shown}: choose a path in a folder you can write to, or give your user write access to it.`,
        access === 'read'
          ? `${what.ko} ${shown}을(를) 읽을 권한이 없습니다. 읽기 권한을 주거나(chmod u+r, 폴더면 u+rx) 내 폴더로 복사하세요.`
          : `${what.ko} ${shown}에 쓸 권한이 없습니다. 쓸 수 있는 폴더의 경로를 고르거나 쓰기 권한을 주세요.`,
        error,
      );
    case 'EISDIR':
      return inputError(
        `${capitalize(what.en)} ${shown} is a folder, not a file: give a file path.`,
        `${what.ko} ${shown}은(는) 파일이 아니라 폴더입니다. 파일 경로를 주세요.`,
        error,
      );
    // mkdir -p says EEXIST when a file stands where a folder of the path should be.
    case 'EEXIST':
    case 'ENOTDIR':
      return inputError(
        `Cannot ${verb.en} ${what.en} ${shown}: a part of the path is a file, not a folder: check the path.`,
        `${what.ko} ${shown}을(를) ${verb.ko} 수 없습니다. 경로의 일부가 폴더가 아니라 파일입니다. 경로를 확인하세요.`,
        error,
      );
    default: {
      const reason = code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
      return inputError(
        `Cannot ${verb.en} ${what.en} ${shown} (${reason}): check the path and its permissions.`,
        `${what.ko} ${shown}을(를) ${verb.ko} 수 없습니다(${reason}). 경로와 권한을 확인하세요.`,
        error,
      );
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
