import type { Lang } from '@workshop/catalog';
import { catalog, findLab, nearestLabId, type Lab } from '@workshop/catalog';
import { inputError } from '../errors';

/** What a command writes to and reads from; the CLI passes the process's, tests pass their own. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams, directory and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Options every command accepts (defined once on the program). */
export interface GlobalOptions {
  readonly lang?: string;
  readonly debug?: boolean;
}

/** The language from the locale: Korean for ko_* in LC_ALL, LC_MESSAGES or LANG, English otherwise. */
export function langFromLocale(env: Io['env']): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ko(?:[_.-]|$)/i.test(locale) ? 'ko' : 'en';
}

/** The language to use: --lang when given (validated), else the locale's. */
export function resolveLang(option: string | undefined, env: Io['env']): Lang {
  if (option === undefined) return langFromLocale(env);
  if (option === 'en' || option === 'ko') return option;
  throw inputError(`--lang must be en or ko, not "${option}".`, `--lang은 en 또는 ko여야 합니다("${option}"은 안 됩니다).`);
}

/** A lab by id, or a one-line error listing the ids and suggesting the nearest one. */
export function requireLab(id: string): Lab {
  const lab = findLab(id);
  if (lab) return lab;
  const nearest = nearestLabId(id);
  const ids = catalog.labs.map((candidate) => candidate.id).join(', ');
  throw inputError(
    `Unknown lab "${id}".${nearest ? ` Did you mean "${nearest}"?` : ''} Labs: ${ids}.`,
    `"${id}" 실습은 없습니다.${nearest ? ` "${nearest}"을(를) 말씀하셨나요?` : ''} 실습 목록: ${ids}.`,
  );
}
