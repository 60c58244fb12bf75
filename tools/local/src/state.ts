import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';

/** What is running: the embedded emulator from PyPI, or LocalStack in Docker. */
export type LocalKind = 'emulator' | 'localstack';

/** The running local AWS endpoint, as `npm run local -- up` records it for deploy and the checker. */
export interface LocalState {
  /** Base URL by IP, e.g. http://127.0.0.1:4566. */
  endpoint: string;
  kind: LocalKind;
  /** Which emulator and version, e.g. "moto 5.2.5" or "localstack/localstack:4.14.0". */
  flavor: string;
  /** AWS service names (SDK endpoint prefixes) the endpoint answers. */
  services: string[];
  region: string;
  /** The account the endpoint reports through STS GetCallerIdentity. */
  accountId: string;
  /** CloudFormation resource types that this target skips or rejects (measured, see MEASUREMENTS.md). */
  unsupportedResourceTypes: string[];
  /** Process id of the embedded emulator. */
  pid?: number;
  /** Docker container id of LocalStack. */
  containerId?: string;
  /** Log file of the embedded emulator. */
  logFile?: string;
  startedAt: string;
}

/** The folder for local, git-ignored workshop files: WORKSHOP_DIR, or .workshop/ at the repository root. */
export function workshopDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WORKSHOP_DIR ? path.resolve(env.WORKSHOP_DIR) : path.join(repoRoot, '.workshop');
}

/** Path of the state file that records the running endpoint: WORKSHOP_LOCAL_STATE, or .workshop/local.json. */
export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.WORKSHOP_LOCAL_STATE ? path.resolve(env.WORKSHOP_LOCAL_STATE) : path.join(workshopDir(env), 'local.json');
}

/** Reads the full state file, or undefined when nothing was started (or the file is unreadable). */
export function readState(env: NodeJS.ProcessEnv = process.env): LocalState | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(statePath(env), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LocalState>;
    if (typeof parsed.endpoint !== 'string' || (parsed.kind !== 'emulator' && parsed.kind !== 'localstack')) return undefined;
    return {
      services: [],
      unsupportedResourceTypes: [],
      region: 'us-east-1',
      accountId: '000000000000',
      flavor: parsed.kind,
      startedAt: '',
      ...parsed,
    } as LocalState;
  } catch {
    return undefined;
  }
}

/** Writes the state file atomically (a reader never sees half a file). */
export function writeState(state: LocalState, env: NodeJS.ProcessEnv = process.env): void {
  const file = statePath(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(temp, file);
}

/** Removes the state file, if any. */
export function clearState(env: NodeJS.ProcessEnv = process.env): void {
  fs.rmSync(statePath(env), { force: true });
}
