import { ServiceError } from './messages';

/** Where one database server is. */
export interface DatabaseAddress {
  readonly host: string;
  readonly port: number;
}

/** Where the cache is, and whether it speaks TLS. */
export interface CacheAddress {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
}

/** Everything the service reads from its environment, validated. */
export interface ServiceConfig {
  /** The HTTP port the internal ALB forwards to (the APP tier port). */
  readonly port: number;
  /** The RDS primary: every write goes here. Undefined in a read Region (no DB_WRITER_HOST): the service is read-only. */
  readonly writer?: DatabaseAddress;
  /** The read replica: cache misses read here. */
  readonly reader: DatabaseAddress;
  readonly database: string;
  /** Where the database user and password come from: a Secrets Manager secret, or the environment (tests, local runs). */
  readonly credentials: { readonly secretArn: string; readonly region: string } | { readonly user: string; readonly password: string };
  /** The cache; undefined without CACHE_HOST: every read then goes to the read replica. */
  readonly cache?: CacheAddress;
  /** How long a product stays in the cache, before jitter. */
  readonly ttlSeconds: number;
}

/**
 * The variables the service cannot start without. DB_WRITER_HOST is optional: without it the service is read-only
 * (a read Region, whose writes go to the primary Region); CACHE_HOST is optional too, and needs CACHE_PORT.
 */
export const REQUIRED = ['PORT', 'DB_READER_HOST', 'DB_PORT', 'DB_NAME'] as const;

const WHERE = {
  en: 'on AWS the user data writes them to /etc/shop-api.env from the SSM parameters under /shop/<stack name>/; locally npm run backing prints them',
  ko: 'AWS에서는 user data가 /shop/<스택 이름>/ 아래 SSM 파라미터로 /etc/shop-api.env를 만들고, 로컬에서는 npm run backing이 값을 출력합니다',
};

function port(env: NodeJS.ProcessEnv, name: string): number {
  const text = env[name] ?? '';
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 65535) {
    throw new ServiceError({
      en: `${name} must be a port number from 1 to 65535, not "${text}".`,
      ko: `${name}에는 1에서 65535 사이의 포트 번호를 주세요("${text}"는 쓸 수 없습니다).`,
    });
  }
  return value;
}

/** The Region of a Secrets Manager ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), or undefined. */
export function regionOfArn(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):/.exec(arn)?.[1];
}

/**
 * Reads and validates the configuration; throws a ServiceError naming every missing or malformed variable.
 * DB_SECRET_ARN (with AWS_REGION, or the Region in the ARN) wins over DB_USER/DB_PASSWORD.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  const missing: string[] = REQUIRED.filter((name) => !env[name]);
  if (env.CACHE_HOST && !env.CACHE_PORT) missing.push('CACHE_PORT');
  if (!env.DB_SECRET_ARN && (!env.DB_USER || env.DB_PASSWORD === undefined)) missing.push('DB_SECRET_ARN (or DB_USER and DB_PASSWORD)');
  if (missing.length > 0) {
    throw new ServiceError({
      en: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: set ${missing.length === 1 ? 'it' : 'them'} in the environment (${WHERE.en}).`,
      ko: `${missing.join(', ')} 환경 변수가 없습니다. 환경에 설정하세요(${WHERE.ko}).`,
    });
  }
  const tls = env.CACHE_TLS ?? 'false';
  if (tls !== 'true' && tls !== 'false') {
    throw new ServiceError({
      en: `CACHE_TLS must be "true" or "false", not "${tls}".`,
      ko: `CACHE_TLS는 "true" 또는 "false"여야 합니다("${tls}"는 쓸 수 없습니다).`,
    });
  }
  const ttlText = env.CACHE_TTL_SECONDS ?? '60';
  const ttlSeconds = Number(ttlText);
  if (!/^\d+$/.test(ttlText) || ttlSeconds < 1 || ttlSeconds > 86_400) {
    throw new ServiceError({
      en: `CACHE_TTL_SECONDS must be a whole number of seconds from 1 to 86400, not "${ttlText}".`,
      ko: `CACHE_TTL_SECONDS에는 1에서 86400 사이의 초 단위 정수를 주세요("${ttlText}"는 쓸 수 없습니다).`,
    });
  }
  let credentials: ServiceConfig['credentials'];
  if (env.DB_SECRET_ARN) {
    const region = env.AWS_REGION || regionOfArn(env.DB_SECRET_ARN);
    if (!region) {
      throw new ServiceError({
        en: `AWS_REGION is not set and DB_SECRET_ARN "${env.DB_SECRET_ARN}" is not a Secrets Manager ARN: set AWS_REGION or the secret's full ARN.`,
        ko: `AWS_REGION이 없고 DB_SECRET_ARN "${env.DB_SECRET_ARN}"은(는) Secrets Manager ARN이 아닙니다. AWS_REGION이나 시크릿의 전체 ARN을 설정하세요.`,
      });
    }
    credentials = { secretArn: env.DB_SECRET_ARN, region };
  } else {
    credentials = { user: env.DB_USER!, password: env.DB_PASSWORD! };
  }
  if (!/^[A-Za-z0-9_]{1,64}$/.test(env.DB_NAME!)) {
    throw new ServiceError({
      en: `DB_NAME must be 1 to 64 letters, digits or underscores, not "${env.DB_NAME}".`,
      ko: `DB_NAME에는 영문자, 숫자, 밑줄로 된 1~64자 이름을 주세요("${env.DB_NAME}"는 쓸 수 없습니다).`,
    });
  }
  const dbPort = port(env, 'DB_PORT');
  return {
    port: port(env, 'PORT'),
    ...(env.DB_WRITER_HOST ? { writer: { host: env.DB_WRITER_HOST, port: dbPort } } : {}),
    // Locally the writer and its replica are two servers on one address, so the reader may have a port of its own.
    reader: { host: env.DB_READER_HOST!, port: env.DB_READER_PORT ? port(env, 'DB_READER_PORT') : dbPort },
    database: env.DB_NAME!,
    credentials,
    ...(env.CACHE_HOST ? { cache: { host: env.CACHE_HOST, port: port(env, 'CACHE_PORT'), tls: tls === 'true' } } : {}),
    ttlSeconds,
  };
}
