import type { LocalizedText } from '@workshop/catalog';
import { CheckerError, ExitCode, type ExitCodeValue } from '../../errors';
import { iamActionFor, type LiveService } from './commands';

/** What went wrong in live mode. */
export type LiveErrorKind =
  'stack-not-found' | 'no-region' | 'unreachable' | 'no-credentials' | 'bad-credentials' | 'access-denied' | 'throttled' | 'api';

/**
 * Exit code per kind: 2 when the input is wrong (no such stack, no region), 3 when the target or
 * the credentials are the problem (unreachable, no or rejected credentials, access denied,
 * throttled, any other API failure).
 */
export const LIVE_EXIT_CODES: Readonly<Record<LiveErrorKind, ExitCodeValue>> = {
  'stack-not-found': ExitCode.Usage,
  'no-region': ExitCode.Usage,
  unreachable: ExitCode.Target,
  'no-credentials': ExitCode.Target,
  'bad-credentials': ExitCode.Target,
  'access-denied': ExitCode.Target,
  throttled: ExitCode.Target,
  api: ExitCode.Target,
};

/** A live-mode error: one redacted line in English and Korean, an exit code, and its kind. */
export class LiveError extends CheckerError {
  constructor(
    /** What went wrong. */
    readonly kind: LiveErrorKind,
    text: LocalizedText,
    /** For access-denied: the IAM action that was refused. */
    readonly iamAction?: string,
  ) {
    super({ en: redact(text.en), ko: redact(text.ko) }, LIVE_EXIT_CODES[kind]);
    this.name = 'LiveError';
  }
}

/** Removes anything that looks like a credential (access key ids, secrets, tokens, signatures). */
export function redact(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '$1****')
    .replace(/(aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)(["'\s:=]+)[^\s"',;]+/gi, '$1$2****')
    .replace(/(X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential|Signature|Credential)=[^\s&,"]+/g, '$1=****')
    .replace(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, (match) =>
      /[A-Z]/.test(match) && /[a-z]/.test(match) && /[0-9/+]/.test(match) ? '****' : match,
    );
}

/** Where a failed call was sent, for the message. */
export interface CallSite {
  readonly service: LiveService;
  readonly command: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly profile?: string;
}

const CREDENTIALS_REJECTED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'InvalidAccessKeyId',
  'InvalidToken',
  'TokenRefreshRequired',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'Forbidden']);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
  'Rate exceeded',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** The AWS error code of an SDK error ("AccessDenied", "ValidationError", ...). */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const record = error as { name?: unknown; Code?: unknown; code?: unknown };
  if (typeof record.Code === 'string') return record.Code;
  if (typeof record.name === 'string' && record.name !== 'Error') return record.name;
  return typeof record.code === 'string' ? record.code : 'Error';
}

function networkCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; name?: unknown; errors?: unknown; cause?: unknown; message?: unknown };
  if (typeof record.code === 'string' && NETWORK_CODES.has(record.code)) return record.code;
  if (record.name === 'TimeoutError') return 'ETIMEDOUT';
  if (Array.isArray(record.errors)) for (const inner of record.errors) if (networkCode(inner)) return networkCode(inner);
  if (record.cause) return networkCode(record.cause);
  const match =
    typeof record.message === 'string'
      ? /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/.exec(record.message)
      : null;
  return match?.[1];
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

/** The one-line error for an unreachable endpoint or AWS. */
export function unreachableError(site: { endpoint?: string; region?: string; host?: string }, detail: string): LiveError {
  if (site.endpoint) {
    return new LiveError('unreachable', {
      en: `cannot reach ${site.endpoint} (${detail}): is LocalStack or the local emulator running? Start it with \`npm run local -- up\` and check with \`npm run local -- status\``,
      ko: `${site.endpoint}에 연결할 수 없습니다(${detail}). LocalStack이나 로컬 에뮬레이터가 실행 중인가요? \`npm run local -- up\`으로 시작하고 \`npm run local -- status\`로 확인하세요`,
    });
  }
  const where = site.host ?? `AWS in ${site.region ?? 'your region'}`;
  return new LiveError('unreachable', {
    en: `cannot reach ${where} (${detail}): check your network connection, or pass --endpoint <url> to check a local target`,
    ko: `${where}에 연결할 수 없습니다(${detail}). 네트워크 연결을 확인하거나, 로컬 대상을 검사하려면 --endpoint <url>을 주세요`,
  });
}

/**
 * Turns any error thrown by an AWS call into a {@link LiveError} with a one-line message that says
 * what to do. Messages are redacted: they never contain credentials.
 */
export function toLiveError(error: unknown, site: CallSite): LiveError {
  if (error instanceof LiveError) return error;
  const code = errorCode(error);
  const message = messageOf(error);
  const call = `${site.service} ${site.command}`;
  const network = networkCode(error);
  if (network) return unreachableError(site, network);
  if (code === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    const profile = site.profile ? `profile "${site.profile}" has no usable credentials` : 'no AWS credentials found';
    const profileKo = site.profile ? `프로필 "${site.profile}"에 쓸 수 있는 자격 증명이 없습니다` : 'AWS 자격 증명을 찾을 수 없습니다';
    return new LiveError('no-credentials', {
      en: `${profile}: run \`aws configure\` (or \`aws sso login --profile <name>\`) and pass --profile <name>, or set AWS_PROFILE; for a local target pass --endpoint <url>`,
      ko: `${profileKo}. \`aws configure\`(또는 \`aws sso login --profile <이름>\`)를 실행한 뒤 --profile <이름>을 주거나 AWS_PROFILE을 설정하세요. 로컬 대상이라면 --endpoint <url>을 주세요`,
    });
  }
  if (/region is missing/i.test(message)) {
    return new LiveError('no-region', {
      en: 'no AWS region is configured: pass --region <region> (e.g. ap-northeast-2) or set AWS_REGION',
      ko: 'AWS 리전이 설정되지 않았습니다. --region <리전>(예: ap-northeast-2)을 주거나 AWS_REGION을 설정하세요',
    });
  }
  if (CREDENTIALS_REJECTED.has(code)) {
    return new LiveError('bad-credentials', {
      en: `AWS rejected the credentials (${code} on ${call}): they are expired or invalid; refresh them (\`aws sso login\` or \`aws configure\`) and run the check again`,
      ko: `AWS가 자격 증명을 거부했습니다(${call}에서 ${code}). 만료되었거나 잘못된 자격 증명입니다. \`aws sso login\` 또는 \`aws configure\`로 갱신한 뒤 다시 검사하세요`,
    });
  }
  if (ACCESS_DENIED.has(code)) {
    const action = iamActionFor(site.service, site.command);
    return new LiveError(
      'access-denied',
      {
        en: `access denied: your credentials may not call ${action}; attach the read-only policy printed by \`checker iam-policy\` and run the check again`,
        ko: `접근 거부: 현재 자격 증명으로는 ${action}을(를) 호출할 수 없습니다. \`checker iam-policy\`가 출력하는 읽기 전용 정책을 붙인 뒤 다시 검사하세요`,
      },
      action,
    );
  }
  if (THROTTLED.has(code)) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
    const tries = attempts ? ` after ${attempts} attempts` : ' after retries';
    const triesKo = attempts ? `${attempts}번 시도한 뒤에도` : '재시도 후에도';
    return new LiveError('throttled', {
      en: `AWS is still throttling ${call}${tries} (${code}): wait a minute and run the check again`,
      ko: `AWS가 ${triesKo} ${call} 호출을 제한하고 있습니다(${code}). 1분쯤 기다린 뒤 다시 검사하세요`,
    });
  }
  const target = site.endpoint ?? `AWS ${site.region ?? ''}`.trim();
  return new LiveError('api', {
    en: `${call} failed at ${target}: ${code}: ${message}`,
    ko: `${target}에서 ${call} 호출이 실패했습니다: ${code}: ${message}`,
  });
}
