import path from 'node:path';
import type { LocalState } from './state';
import { workshopDir } from './state';

/** The access key the local targets accept (LocalStack and moto take any key; "test" is the convention). */
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** Variables that can point an SDK or the CDK at a real account: removed before anything runs locally. */
export function isCredentialVar(name: string): boolean {
  return name.startsWith('AWS_') || name === 'CDK_DEFAULT_ACCOUNT' || name === 'CDK_DEFAULT_REGION';
}

/** A copy of `env` without any AWS_* or CDK_DEFAULT_* variable, so no real credential, profile or endpoint leaks in. */
export function scrubAwsEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isCredentialVar(name)));
}

/**
 * The environment variables that point SDK and CDK calls at the local endpoint: endpoint by IP for every
 * service and for S3 (an IP endpoint makes the SDK use path-style S3 URLs), test credentials, the state's
 * region, and config/credential files that do not exist so no profile in ~/.aws is read.
 */
export function localAwsEnv(state: Pick<LocalState, 'endpoint' | 'region'>, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const noFile = path.join(workshopDir(env), 'no-aws-config');
  return {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: state.region,
    AWS_DEFAULT_REGION: state.region,
    AWS_ENDPOINT_URL: state.endpoint,
    AWS_ENDPOINT_URL_S3: state.endpoint,
    AWS_S3_FORCE_PATH_STYLE: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: noFile,
    AWS_SHARED_CREDENTIALS_FILE: noFile,
  };
}

/** Client configuration for an AWS SDK v3 client talking to the local endpoint. */
export function localClientConfig(state: Pick<LocalState, 'endpoint' | 'region'>) {
  return { endpoint: state.endpoint, region: state.region, credentials: { ...TEST_CREDENTIALS }, forcePathStyle: true, maxAttempts: 2 };
}

/** Variables every CDK CLI run gets: no version check, notices or telemetry, no instance metadata lookups, no SDK Node notice. */
export const CDK_QUIET_ENV = {
  CDK_DISABLE_VERSION_CHECK: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
  // The workshop supports Node 20.19+; the SDK's notice about its future Node 22 minimum is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
} as const;

/**
 * The full environment of a CDK CLI run against the local endpoint: the scrubbed parent environment,
 * localAwsEnv, and a CDK_HOME per target (the CLI caches the account of an access key there, and each
 * emulator reports a different account for the same "test" key).
 */
export function cdkLocalEnv(state: LocalState, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const flavorDir = state.flavor.replace(/[^A-Za-z0-9.-]+/g, '-');
  const extra: Record<string, string> = { CDK_HOME: path.join(workshopDir(env), 'cdk-home', flavorDir) };
  // moto reads a CloudFormation TemplateURL as path-style only when its host is "localhost"; with the IP
  // URL it takes "127" for the bucket. The CLI only passes this URL as a string to the emulator.
  if (state.flavor.startsWith('moto')) extra.AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION = state.endpoint.replace('127.0.0.1', 'localhost');
  return { ...scrubAwsEnv(env), ...localAwsEnv(state, env), ...CDK_QUIET_ENV, ...extra };
}

/** The environment of a CDK CLI run against real AWS: the parent's credentials, but no local endpoint overrides. */
export function cdkAwsEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out = Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('AWS_ENDPOINT_URL') && name !== 'AWS_S3_FORCE_PATH_STYLE'),
  );
  return { ...out, ...CDK_QUIET_ENV };
}
