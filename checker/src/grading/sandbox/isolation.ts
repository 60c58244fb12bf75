import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputError } from '../../errors';

/**
 * How a student's app is contained (see the instructor guide, "Grading untrusted code"):
 * namespace: a new user, PID, mount and network namespace per student (Linux with `unshare`), the
 *   whole filesystem read-only but its scratch folder, no network, no capabilities, and every
 *   process of it killed when its synthesis ends;
 * process: its own process and session, still as the grader's user (it can read what the grader
 *   can read, including the grader's processes, and signal them).
 */
export type IsolationLevel = 'namespace' | 'process';

/** The `--isolation` choice: a level, or auto (the strongest this machine offers). */
export type IsolationChoice = IsolationLevel | 'auto';

/** What the machine offers for containing one submission. */
export interface Containment {
  readonly level: IsolationLevel;
  /** prlimit's path, when present: the data-size, file-size and core limits. */
  readonly prlimit?: string;
  /** Files and folders of the grader's home that hold credentials, hidden from submissions (namespace level). */
  readonly masked: readonly string[];
}

/** Credential stores under the grader's home that a submission never needs to read. */
const CREDENTIAL_PATHS = [
  '.aws',
  '.ssh',
  '.gnupg',
  '.config',
  '.docker',
  '.kube',
  '.azure',
  '.npmrc',
  '.git-credentials',
  '.netrc',
  '.pgpass',
];

/**
 * The shell script that seals a namespace before the submission starts: its scratch folder stays
 * writable, every other mount becomes read-only, credential stores are covered, and a write outside
 * the scratch folder is tried: if it succeeds the launch fails (exit 97) rather than run unsealed.
 * Arguments: scratch folder, a path outside it to probe, masked paths..., "--", the command.
 */
const SEAL = `set -e
scratch=$1; probe=$2; shift 2
mount --bind "$scratch" "$scratch"
awk '{ gsub(/\\\\040/, " ", $5); print $5 }' /proc/self/mountinfo | sort -u | while IFS= read -r mp; do
  mount -o remount,bind,ro "$mp" 2>/dev/null || true
done
mount -o remount,bind,rw "$scratch"
while [ "$1" != "--" ]; do
  if [ -d "$1" ]; then mount -t tmpfs -o ro,size=4k none "$1"; else mount --bind /dev/null "$1"; fi
  shift
done
shift
if ( : > "$probe" ) 2>/dev/null; then echo "the filesystem outside the scratch folder is still writable" >&2; exit 97; fi
unset PWD OLDPWD
exec setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"`;

const UNSHARE = ['--user', '--map-root-user', '--pid', '--fork', '--mount-proc', '--net', '--kill-child'];

/** The command line that runs `command` for one student at the given containment. */
export function launchCommand(
  containment: Containment,
  scratchDir: string,
  limits: { readonly dataBytes: number; readonly fileSizeBytes: number },
  command: readonly string[],
): string[] {
  const limited = containment.prlimit
    ? [containment.prlimit, `--data=${limits.dataBytes}`, `--fsize=${limits.fileSizeBytes}`, '--core=0', '--', ...command]
    : [...command];
  if (containment.level === 'process') return limited;
  const probe = path.join(path.dirname(scratchDir), `.seal-probe-${path.basename(scratchDir)}`);
  return ['unshare', ...UNSHARE, '--', 'sh', '-c', SEAL, 'seal', scratchDir, probe, ...containment.masked, '--', ...limited];
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Credential stores of the grader's home (and its AWS_* file settings) that exist. */
function credentialPaths(env: Readonly<Record<string, string | undefined>>): string[] {
  const home = env.HOME || os.homedir();
  const candidates = [
    ...CREDENTIAL_PATHS.map((name) => path.join(home, name)),
    env.AWS_SHARED_CREDENTIALS_FILE,
    env.AWS_CONFIG_FILE,
  ].filter((file): file is string => Boolean(file));
  return [...new Set(candidates.map((file) => path.resolve(file)))].filter((file) => fs.existsSync(file));
}

/** Whether a sealed namespace can be set up here: tried once with the real script on a throwaway folder. */
function namespaceWorks(masked: readonly string[]): boolean {
  if (process.platform !== 'linux' || !which('unshare') || !which('setpriv')) return false;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-seal-'));
  try {
    const scratch = path.join(root, 'probe');
    fs.mkdirSync(scratch);
    const [command, ...args] = launchCommand({ level: 'namespace', masked }, scratch, { dataBytes: 0, fileSizeBytes: 0 }, [
      'sh',
      '-c',
      ': > "$0/ok"',
      scratch,
    ]);
    const result = spawnSync(command, args, { stdio: 'ignore', timeout: 10000 });
    return result.status === 0 && fs.existsSync(path.join(scratch, 'ok'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The containment to grade with: `auto` takes the namespace level when this machine can seal one,
 * else the process level; asking for `namespace` where it cannot be had is a one-line input error.
 */
export function chooseContainment(choice: IsolationChoice, env: Readonly<Record<string, string | undefined>>): Containment {
  const prlimit = process.platform === 'linux' ? which('prlimit') : undefined;
  const masked = credentialPaths(env);
  if (choice === 'process') return { level: 'process', prlimit, masked: [] };
  if (namespaceWorks(masked)) return { level: 'namespace', prlimit, masked };
  if (choice === 'namespace') {
    throw inputError(
      '--isolation namespace needs Linux with unshare and setpriv (util-linux) and user namespaces allowed: grade in a throwaway container or VM, or choose --isolation process.',
      '--isolation namespace에는 unshare와 setpriv(util-linux)가 있고 사용자 네임스페이스가 허용된 Linux가 필요합니다. 일회용 컨테이너나 VM에서 채점하거나 --isolation process를 고르세요.',
    );
  }
  return { level: 'process', prlimit, masked: [] };
}
