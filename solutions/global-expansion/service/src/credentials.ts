import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ServiceConfig } from './config';
import { ServiceError } from './messages';

/** A database user and password. */
export interface DatabaseCredentials {
  readonly user: string;
  readonly password: string;
}

/** The user and password in an RDS-generated secret's JSON ({"username": ..., "password": ..., ...}). */
export function parseSecret(arn: string, secretString: string | undefined): DatabaseCredentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString ?? '');
  } catch {
    parsed = undefined;
  }
  const { username, password } = (parsed ?? {}) as { username?: unknown; password?: unknown };
  if (typeof username !== 'string' || typeof password !== 'string' || !username) {
    throw new ServiceError({
      en: `The secret ${arn} is not a database secret: it must be JSON with "username" and "password" (the secret RDS generates).`,
      ko: `시크릿 ${arn}은(는) 데이터베이스 시크릿이 아닙니다. "username"과 "password"가 든 JSON이어야 합니다(RDS가 만드는 시크릿).`,
    });
  }
  return { user: username, password };
}

/**
 * The database credentials: read from Secrets Manager at start when DB_SECRET_ARN is set (the APP role may read
 * that one secret, so no password sits on disk or in the environment), else DB_USER/DB_PASSWORD.
 */
export async function databaseCredentials(config: ServiceConfig): Promise<DatabaseCredentials> {
  if (!('secretArn' in config.credentials)) return config.credentials;
  const { secretArn, region } = config.credentials;
  const client = new SecretsManagerClient({ region });
  try {
    const answer = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    return parseSecret(secretArn, answer.SecretString);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const why = (error as Error).name ?? 'Error';
    throw new ServiceError({
      en: `Could not read the database secret ${secretArn} (${why}: ${(error as Error).message}): the APP role needs secretsmanager:GetSecretValue on it, and the servers need a route to Secrets Manager.`,
      ko: `데이터베이스 시크릿 ${secretArn}을(를) 읽지 못했습니다(${why}: ${(error as Error).message}). APP 역할에 이 시크릿의 secretsmanager:GetSecretValue 권한이, 서버에는 Secrets Manager로 가는 경로가 필요합니다.`,
    });
  } finally {
    client.destroy();
  }
}
