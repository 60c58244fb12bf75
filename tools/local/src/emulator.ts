import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalError, msg } from './messages';
import { findPython } from './python';
import { waitForEndpoint } from './health';
import { workshopDir, type LocalState } from './state';
import { capabilities } from './capabilities';

/**
 * The embedded emulator: moto's server mode, chosen by the measurements in MEASUREMENTS.md (it is the one
 * of moto, MiniStack and LocalStack host mode that deploys labs 1-4 without Docker), run with the workshop's
 * CloudFormation corrections (tools/local/emulator). Exact pins: bump them only after measuring again.
 */
export const EMULATOR = {
  name: 'moto',
  version: '5.2.5',
  pipSpec: 'moto[server]==5.2.5',
} as const;

/** Everything pip installs into the venv: the emulator, and pytest for the corrections' tests. A change reinstalls. */
export const EMULATOR_REQUIREMENTS: readonly string[] = [EMULATOR.pipSpec, 'pytest==8.4.2'];

/** The Python package of the corrections (workshop_emulator), put on PYTHONPATH when the emulator starts. */
export const EXTENSION_DIR = path.join(__dirname, '..', 'emulator');

/** The services the workshop's labs and checker call, all answered by the emulator (emulator-capabilities.json). */
export const EMULATOR_SERVICES: readonly string[] = capabilities.emulator.apiServices;

/** Resource types and properties of the labs that the emulator's CloudFormation still does not create (emulator-capabilities.json). */
export const EMULATOR_UNSUPPORTED_TYPES: readonly string[] = capabilities.emulator.unsupported.map((gap) => gap.type);

/** The flavor string recorded in the state file. */
export const EMULATOR_FLAVOR = `${EMULATOR.name} ${EMULATOR.version}`;

/** The project-local virtual environment of the pinned emulator (its version is in the folder name). */
export function venvDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), `venv-${EMULATOR.name}-${EMULATOR.version}`);
}

/** The venv's Python interpreter. */
export function venvPython(env: NodeJS.ProcessEnv = process.env): string {
  return process.platform === 'win32' ? path.join(venvDir(env), 'Scripts', 'python.exe') : path.join(venvDir(env), 'bin', 'python');
}

/** The log file of the emulator on `port`. */
export function emulatorLog(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), `emulator-${port}.log`);
}

/** What the install marker holds: the requirement set, so a changed set installs again. */
const installedMarker = (): string => EMULATOR_REQUIREMENTS.join(' ');

/** True when the venv holds the pinned requirements (a marker is written after a complete install). */
export function isInstalled(env: NodeJS.ProcessEnv = process.env): boolean {
  const marker = path.join(venvDir(env), 'workshop-installed.txt');
  return fs.existsSync(venvPython(env)) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === installedMarker();
}

/**
 * Creates the venv with Python 3.10+ and installs the pinned emulator from PyPI, unless it is already there.
 * Output goes to .workshop/install.log; `log` gets the progress line in English and Korean.
 */
export function installEmulator(
  env: NodeJS.ProcessEnv = process.env,
  log: (en: string, ko: string) => void = (en) => console.log(en),
): void {
  if (isInstalled(env)) return;
  const python = findPython(env);
  const dir = venvDir(env);
  const logFile = path.join(workshopDir(env), 'install.log');
  fs.mkdirSync(workshopDir(env), { recursive: true });
  const where = path.relative(process.cwd(), dir) || dir;
  log(
    `Installing ${EMULATOR.pipSpec} with Python ${python.version} into ${where} (once; about a minute)...`,
    `${EMULATOR.pipSpec}을(를) Python ${python.version}으로 ${where}에 설치합니다(한 번만, 1분 정도)...`,
  );
  const out = fs.openSync(logFile, 'w');
  try {
    // An existing venv only gains what changed in the requirement set; a missing one is created.
    const steps: [string, string[]][] = [
      ...(fs.existsSync(venvPython(env)) ? [] : [[python.command, ['-m', 'venv', '--clear', dir]] as [string, string[]]]),
      [venvPython(env), ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', ...EMULATOR_REQUIREMENTS]],
    ];
    for (const [command, args] of steps) {
      const result = spawnSync(command, args, { stdio: ['ignore', out, out], timeout: 15 * 60_000 });
      if (result.status !== 0) throw new LocalError(msg.installFailed(logFile));
    }
  } finally {
    fs.closeSync(out);
  }
  fs.writeFileSync(path.join(dir, 'workshop-installed.txt'), installedMarker() + '\n');
}

/** True when process `pid` is alive and is our emulator (guards against a recycled pid). */
export function isEmulatorProcess(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // workshop_emulator since the corrections; moto.server for an emulator started before them.
    return /workshop_emulator|moto\.server/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): the pid is alive, trust the state file
  }
}

/** The environment the emulator runs in: the corrections' package first on PYTHONPATH, unbuffered output. */
export function emulatorEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const pythonPath = [EXTENSION_DIR, env.PYTHONPATH].filter(Boolean).join(path.delimiter);
  return { ...env, PYTHONPATH: pythonPath, PYTHONUNBUFFERED: '1' };
}

/**
 * Starts the installed emulator (moto's server with the workshop's corrections) on 127.0.0.1:`port`, detached so it outlives this command, logging to
 * .workshop/emulator-<port>.log, and waits until it answers. Throws a LocalError naming the log when it exits or
 * does not answer within `timeoutMs`.
 */
export async function startEmulator(port: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 30_000): Promise<LocalState> {
  const logFile = emulatorLog(port, env);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawn(venvPython(env), ['-m', 'workshop_emulator', '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: emulatorEnv(env),
  });
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  const region = 'us-east-1';
  const accountId = await waitForEndpoint(endpoint, region, timeoutMs, () => exited).catch(async (error: unknown) => {
    if (child.pid && !exited) await stopProcess(child.pid);
    if (exited) throw new LocalError(msg.emulatorCrashed(logFile));
    if (error instanceof LocalError) throw error;
    throw new LocalError(msg.emulatorSlow(Math.round(timeoutMs / 1000), logFile));
  });
  return {
    endpoint,
    kind: 'emulator',
    flavor: EMULATOR_FLAVOR,
    services: [...EMULATOR_SERVICES],
    region,
    accountId,
    unsupportedResourceTypes: [...EMULATOR_UNSUPPORTED_TYPES],
    pid: child.pid,
    logFile,
    startedAt: new Date().toISOString(),
  };
}

/** Stops a process: SIGTERM, then SIGKILL if it is still alive after `graceMs`. */
export async function stopProcess(pid: number, graceMs = 5_000): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}

/** Clears every resource in the emulator (moto's reset API), keeping it running. */
export async function resetEmulator(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`reset answered ${response.status}`);
}
