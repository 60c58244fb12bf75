import { localAwsEnv as fullLocalAwsEnv } from './env';
import { readState, type LocalKind } from './state';

/** The running local AWS endpoint as the checker's live mode needs it. */
export interface LocalTarget {
  /** Base URL by IP, e.g. http://127.0.0.1:4566. */
  endpoint: string;
  kind: LocalKind;
  /** Emulator and version, e.g. "moto 5.2.5" or "localstack/localstack:4.14.0". */
  flavor: string;
  /** Service names (SDK endpoint prefixes) the endpoint answers. */
  services: string[];
  region: string;
  /** CloudFormation resource types this target does not create: rules that need them should SKIP. */
  unsupportedResourceTypes: string[];
}

/** Reads .workshop/local.json (written by `npm run local -- up`); undefined when local AWS was not started. */
export function readLocalState(env: NodeJS.ProcessEnv = process.env): LocalTarget | undefined {
  const state = readState(env);
  if (!state) return undefined;
  const { endpoint, kind, flavor, services, region, unsupportedResourceTypes } = state;
  return { endpoint, kind, flavor, services, region, unsupportedResourceTypes };
}

/** Environment variables for SDK and CDK calls to the local endpoint (endpoint by IP, path-style S3, test credentials). */
export function localAwsEnv(state: Pick<LocalTarget, 'endpoint' | 'region'>): Record<string, string> {
  return fullLocalAwsEnv(state);
}

export { localClientConfig, scrubAwsEnv, TEST_CREDENTIALS } from './env';
export {
  lastDeployment,
  recordDeployment,
  statePath,
  workshopDir,
  writeState,
  type DeploymentRecord,
  type LocalState,
  type LocalKind,
} from './state';
export { LocalError } from './messages';
export { EMULATOR, isInstalled, startEmulator, stopProcess, venvDir } from './emulator';
export { freePort } from './ports';
export { stackStatus } from './stack';
