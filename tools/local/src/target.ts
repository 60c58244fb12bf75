import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { cdkAwsEnv, cdkLocalEnv, localClientConfig } from './env';
import { isEmulatorProcess } from './emulator';
import { probeEndpoint } from './health';
import { LocalError, msg } from './messages';
import { readState, type LocalState } from './state';

/** Where a deploy goes, resolved: the CDK CLI's environment, SDK client settings, account and region. */
export interface ResolvedTarget {
  kind: 'local' | 'aws';
  env: NodeJS.ProcessEnv;
  clientConfig: Record<string, unknown>;
  account: string;
  region: string;
  /** "moto 5.2.5 at http://127.0.0.1:4566" or "AWS account 1234 (ap-northeast-2)". */
  label: string;
  state?: LocalState;
}

/** Resolves the local target from the state file and checks that it answers. */
export async function resolveLocal(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  const state = readState(env);
  if (!state) throw new LocalError(msg.notRunning());
  const account = await probeEndpoint(state.endpoint, state.region);
  if (!account) {
    if (state.kind === 'emulator' && state.logFile && !isEmulatorProcess(state.pid))
      throw new LocalError(msg.emulatorCrashed(state.logFile));
    throw new LocalError(msg.endpointDown(state.endpoint, state.logFile));
  }
  return {
    kind: 'local',
    env: cdkLocalEnv(state, env),
    clientConfig: localClientConfig(state),
    account,
    region: state.region,
    label: `${state.flavor} at ${state.endpoint}`,
    state,
  };
}

/** Resolves real AWS from the usual credential chain; throws a one-line error without credentials or region. */
export async function resolveAws(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  const cdkEnv = cdkAwsEnv(env);
  const saved = { ...process.env };
  // The SDK's default chain reads process.env: give it exactly the variables the CDK CLI will see.
  for (const key of Object.keys(process.env)) if (!(key in cdkEnv)) delete process.env[key];
  Object.assign(process.env, cdkEnv);
  const sts = new STSClient({ maxAttempts: 2 });
  try {
    const region = await sts.config.region().catch(() => undefined);
    if (!region) throw new LocalError(msg.awsNoRegion());
    let account: string | undefined;
    try {
      account = (await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(15_000) })).Account;
    } catch (error) {
      throw new LocalError(msg.awsNoCredentials(String((error as Error).message).split('\n')[0]));
    }
    if (!account) throw new LocalError(msg.awsNoCredentials('no account in the STS answer'));
    return {
      kind: 'aws',
      env: { ...cdkEnv, AWS_REGION: region },
      clientConfig: { region },
      account,
      region,
      label: `AWS account ${account} (${region})`,
    };
  } finally {
    sts.destroy();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** Resolves the target a deploy or destroy command names (local AWS unless `--target aws`). */
export function resolveTarget(target: 'local' | 'aws', env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  return target === 'aws' ? resolveAws(env) : resolveLocal(env);
}
