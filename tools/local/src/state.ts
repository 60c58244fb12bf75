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

/** Where `npm run deploy` last put a lab's stack: what the checker's `--live` uses when given no endpoint. */
export interface DeploymentRecord {
  labId: string;
  stackName: string;
  /** Which app of the lab was deployed. */
  app: 'starter' | 'solution';
  /** The workshop's local AWS, or real AWS (`--target aws`). */
  target: 'local' | 'aws';
  /** The local endpoint, e.g. http://127.0.0.1:4566 (local only). */
  endpoint?: string;
  /** Emulator and version, e.g. "moto 5.2.5" (local only). */
  flavor?: string;
  /** The Region the stack went to. */
  region: string;
  /** For a lab with several stacks: which of its Regions (absent in records of one-stack labs and older records: primary). */
  regionRole?: 'primary' | 'secondary';
  account: string;
  deployedAt: string;
}

type DeploymentFile = Record<string, Record<string, DeploymentRecord>>;

/** Path of the file that records deployments: .workshop/deployments.json. */
export function deploymentsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), 'deployments.json');
}

function readDeployments(env: NodeJS.ProcessEnv): DeploymentFile {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(deploymentsPath(env), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as DeploymentFile) : {};
  } catch {
    return {};
  }
}

function writeDeployments(records: DeploymentFile, env: NodeJS.ProcessEnv): void {
  const file = deploymentsPath(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(records, null, 2) + '\n');
  fs.renameSync(temp, file);
}

/** Records where a lab's stack was just deployed (replacing the previous record of that lab and stack). */
export function recordDeployment(record: DeploymentRecord, env: NodeJS.ProcessEnv = process.env): void {
  const records = readDeployments(env);
  records[record.labId] = { ...records[record.labId], [record.stackName]: record };
  writeDeployments(records, env);
}

/** Forgets a lab's stack after `npm run destroy`. */
export function forgetDeployment(labId: string, stackName: string, env: NodeJS.ProcessEnv = process.env): void {
  const records = readDeployments(env);
  if (!records[labId]?.[stackName]) return;
  delete records[labId][stackName];
  if (Object.keys(records[labId]).length === 0) delete records[labId];
  writeDeployments(records, env);
}

/** Every recorded stack of a lab (a lab with several stacks has one record per stack), valid records only. */
export function labDeployments(labId: string, env: NodeJS.ProcessEnv = process.env): DeploymentRecord[] {
  return Object.keys(readDeployments(env)[labId] ?? {}).flatMap((stackName) => lastDeployment(labId, stackName, env) ?? []);
}

/** Where `npm run deploy` last put this lab's stack, or undefined when it has no (valid) record. */
export function lastDeployment(labId: string, stackName: string, env: NodeJS.ProcessEnv = process.env): DeploymentRecord | undefined {
  const record = readDeployments(env)[labId]?.[stackName];
  if (!record || typeof record.region !== 'string') return undefined;
  if (record.target === 'local' && typeof record.endpoint === 'string') return record;
  return record.target === 'aws' ? record : undefined;
}
