import fs from 'node:fs';
import path from 'node:path';

/** Programs the backing services need, by the name each package installs (openssl makes the certificates of the TLS port). */
export const PROGRAMS = ['redis-server', 'mariadbd', 'mariadb-install-db', 'mariadb', 'openssl'] as const;

/** One of the programs the backing services run. */
export type Program = (typeof PROGRAMS)[number];

/** A message in English and Korean. */
export interface BackingText {
  readonly en: string;
  readonly ko: string;
}

/** How to install the backing services, in both languages. */
export const INSTALL_HINT: BackingText = {
  en: 'install them with "sudo apt-get install -y redis-server mariadb-server openssl" (macOS: "brew install redis mariadb"; bash .ci/run does it in CI)',
  ko: '"sudo apt-get install -y redis-server mariadb-server openssl"로 설치하세요(macOS는 "brew install redis mariadb", CI에서는 bash .ci/run이 설치합니다)',
};

// mariadbd lives in /usr/sbin on Debian, which is not on an ordinary user's PATH; Homebrew uses its own prefix.
const EXTRA_DIRS: readonly string[] = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/opt/homebrew/bin', '/opt/homebrew/sbin'];

/** The full path of `program` on PATH or in the usual server directories (`extraDirs`), or undefined when it is not installed. */
export function findProgram(program: Program, env: NodeJS.ProcessEnv = process.env, extraDirs = EXTRA_DIRS): string | undefined {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = path.join(dir, program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** The programs that are missing, in the order of PROGRAMS. */
export function missingPrograms(env: NodeJS.ProcessEnv = process.env, extraDirs = EXTRA_DIRS): Program[] {
  return PROGRAMS.filter((program) => findProgram(program, env, extraDirs) === undefined);
}

/** Why redis-server and MariaDB cannot run here, in both languages, or undefined when they can. */
export function backingUnavailable(env: NodeJS.ProcessEnv = process.env, extraDirs = EXTRA_DIRS): BackingText | undefined {
  const missing = missingPrograms(env, extraDirs);
  if (missing.length === 0) return undefined;
  return {
    en: `${missing.join(', ')} not found: ${INSTALL_HINT.en}.`,
    ko: `${missing.join(', ')}을(를) 찾지 못했습니다. ${INSTALL_HINT.ko}.`,
  };
}

/**
 * For test suites: undefined when the backing services can run; otherwise the reason to skip, printed once.
 * With CI=true a missing program throws instead, so CI never passes by skipping.
 */
export function skipReasonForTests(suite: string, env: NodeJS.ProcessEnv = process.env, extraDirs = EXTRA_DIRS): string | undefined {
  const reason = backingUnavailable(env, extraDirs);
  if (!reason) return undefined;
  if (env.CI === 'true') throw new Error(`${reason.en} CI=true, so ${suite} fails instead of skipping.`);
  process.stderr.write(`skipped: ${suite} (${reason.en})\n`);
  return reason.en;
}
