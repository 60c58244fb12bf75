import type { Lab, Lang, LocalizedText } from '@workshop/catalog';
import { findLab } from '@workshop/catalog';
import { CheckerError, ExitCode } from '../errors';
import type { CheckReport } from '../engine/result';
import { runChecks } from '../engine/run';
import { rules } from '../rules';
import { loadSource, type InputSpec, type LoadedSource } from '../sources';

/** One submission to check: what a grading worker receives. */
export interface SubmissionTask {
  readonly labId: string;
  readonly stackName: string;
  readonly input: InputSpec;
  /** A role to assume first (roster target role:<arn>[#externalId]); the check then runs with its credentials. */
  readonly role?: { readonly roleArn: string; readonly externalId?: string; readonly sessionName: string };
  readonly lang: Lang;
  readonly guideBaseUrl: string;
}

/** What checking a submission gave: the report, or the one-line reason it could not be checked. */
export type SubmissionResult =
  | { readonly ok: true; readonly report: CheckReport; readonly live?: { readonly region?: string; readonly account?: string } }
  | { readonly ok: false; readonly error: LocalizedText };

/** Checks one submission with the same engine as `checker check` (analyses cached in `analysisCacheDir` when given); never throws. */
export async function checkSubmission(
  task: SubmissionTask,
  options: { readonly analysisCacheDir?: string } = {},
): Promise<SubmissionResult> {
  const lab = findLab(task.labId);
  if (!lab) return { ok: false, error: { en: `unknown lab ${task.labId}`, ko: `${task.labId} 실습은 없습니다` } };
  const startedAt = Date.now();
  let restore: (() => void) | undefined;
  try {
    if (task.role) restore = await assumeRole(task.role, task.input.kind === 'live' ? task.input.region : undefined);
    const loaded = await loadSource(task.input, { lab, stackName: task.stackName });
    const report = checkLoaded(task, lab, loaded, startedAt, options.analysisCacheDir);
    if (task.input.kind !== 'live') return { ok: true, report };
    const region = task.input.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const account = task.role ? /^arn:[^:]+:iam::(\d{12}):/.exec(task.role.roleArn)?.[1] : await callerAccount(task.input, region);
    return { ok: true, report, live: { ...(region ? { region } : {}), ...(account ? { account } : {}) } };
  } catch (error) {
    return { ok: false, error: reasonOf(error) };
  } finally {
    restore?.();
  }
}

/** Runs the lab's checks on a submission's loaded source with this process's rules, as `checker check` reports it. */
export function checkLoaded(
  task: SubmissionTask,
  lab: Lab,
  loaded: LoadedSource,
  startedAt: number,
  analysisCacheDir: string | undefined,
): CheckReport {
  return runChecks({
    lab,
    loaded,
    rules,
    lang: task.lang,
    stackName: task.stackName,
    startedAt,
    guideBaseUrl: task.guideBaseUrl,
    analysisCacheDir,
  });
}

/** The one-line reason of an error, as the CLI would print it. */
export function reasonOf(error: unknown): LocalizedText {
  if (error instanceof CheckerError) return error.text;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { en: `checker internal error: ${message}`, ko: `checker 내부 오류: ${message}` };
}

/**
 * The account a live check read, for the report's input fingerprint: STS GetCallerIdentity with the
 * check's own target and credentials (it needs no IAM permission). Undefined when it cannot be told.
 */
async function callerAccount(input: Extract<InputSpec, { kind: 'live' }>, region: string | undefined): Promise<string | undefined> {
  try {
    const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const client = new STSClient({
      region: region ?? 'us-east-1',
      maxAttempts: 2,
      ...(input.profile ? { profile: input.profile } : {}),
      // A local target serves STS at the same URL and accepts any key (as the live loader's clients do).
      ...(input.endpoint && !input.profile
        ? { endpoint: input.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
        : {}),
    });
    const identity = await client.send(new GetCallerIdentityCommand({}));
    return identity.Account;
  } catch {
    return undefined;
  }
}

const CREDENTIAL_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/**
 * Assumes the student's role with the grader's own credentials and puts the temporary credentials in
 * this process's environment, where the live loader's standard credential chain finds them first.
 * A grading worker checks one submission at a time, so the environment is its own; the returned
 * function restores it.
 */
async function assumeRole(role: NonNullable<SubmissionTask['role']>, region: string | undefined): Promise<() => void> {
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  let credentials;
  try {
    credentials = await fromTemporaryCredentials({
      params: {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName,
        DurationSeconds: 900,
        ...(role.externalId ? { ExternalId: role.externalId } : {}),
      },
      clientConfig: { region: region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1' },
    })();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CheckerError(
      {
        en: `cannot assume ${role.roleArn}: ${message}: the role must trust the grader's account (and external id), and your credentials need sts:AssumeRole`,
        ko: `${role.roleArn} 역할을 맡을 수 없습니다: ${message}. 역할이 채점자 계정(과 외부 ID)을 신뢰해야 하고, 채점자 자격 증명에 sts:AssumeRole 권한이 있어야 합니다`,
      },
      ExitCode.Target,
    );
  }
  const saved = Object.fromEntries(CREDENTIAL_ENV.map((name) => [name, process.env[name]]));
  delete process.env.AWS_PROFILE;
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  if (credentials.sessionToken) process.env.AWS_SESSION_TOKEN = credentials.sessionToken;
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
