import { spawnSync } from 'node:child_process';
import { LocalError, msg } from './messages';

/** The oldest Python the embedded emulator runs on. */
export const MIN_PYTHON: readonly [number, number] = [3, 10];

/** A Python interpreter found on this machine. */
export interface PythonFound {
  command: string;
  version: string;
}

/** Parses "3.11.7" (or "Python 3.11.7") into [major, minor, patch]; undefined when it is not a version. */
export function parsePythonVersion(text: string): [number, number, number] | undefined {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/** True when `version` is at least MIN_PYTHON. */
export function isSupportedPython(version: string): boolean {
  const parsed = parsePythonVersion(version);
  if (!parsed) return false;
  const [major, minor] = parsed;
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

/** Asks one interpreter for its version; undefined when it cannot be run. */
export function probePython(command: string): string | undefined {
  const result = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 15_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Finds a Python 3.10+ interpreter: WORKSHOP_PYTHON if set, else python3, else python. Throws a LocalError that
 * says what to install when none is found or the newest found is too old.
 */
export function findPython(
  env: NodeJS.ProcessEnv = process.env,
  probe: (command: string) => string | undefined = probePython,
): PythonFound {
  const candidates = env.WORKSHOP_PYTHON ? [env.WORKSHOP_PYTHON] : ['python3', 'python'];
  let tooOld: PythonFound | undefined;
  for (const command of candidates) {
    const version = probe(command);
    if (!version) continue;
    if (isSupportedPython(version)) return { command, version };
    tooOld ??= { command, version };
  }
  if (tooOld) throw new LocalError(msg.pythonTooOld(tooOld.version));
  throw new LocalError(msg.pythonMissing());
}
