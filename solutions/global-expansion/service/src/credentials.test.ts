import { loadConfig } from './config';
import { databaseCredentials, parseSecret } from './credentials';
import { ServiceError } from './messages';

const ARN = 'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:ShopDatabaseSecret-AbCdEf';

describe('the database credentials', () => {
  it('come from DB_USER and DB_PASSWORD when no secret is configured', async () => {
    const config = loadConfig({
      ...{ PORT: '8080', DB_WRITER_HOST: 'w', DB_READER_HOST: 'r', DB_PORT: '3306', DB_NAME: 'shop', CACHE_HOST: 'c', CACHE_PORT: '6379' },
      DB_USER: 'admin',
      DB_PASSWORD: 'pw',
    });
    await expect(databaseCredentials(config)).resolves.toEqual({ user: 'admin', password: 'pw' });
  });

  it('are the username and password of the secret RDS generates', () => {
    const secret = JSON.stringify({ username: 'admin', password: 'p@ss', engine: 'mysql', host: 'db', port: 3306, dbname: 'shop' });
    expect(parseSecret(ARN, secret)).toEqual({ user: 'admin', password: 'p@ss' });
  });

  it('refuse a secret that is not a database secret, naming it in one line', () => {
    for (const text of ['not json', JSON.stringify({ user: 'admin' }), undefined]) {
      expect(() => parseSecret(ARN, text)).toThrow(ServiceError);
      expect(() => parseSecret(ARN, text)).toThrow(
        `The secret ${ARN} is not a database secret: it must be JSON with "username" and "password" (the secret RDS generates).`,
      );
    }
  });

  it('say which secret and which permission when Secrets Manager cannot be reached', async () => {
    const saved = { ...process.env };
    // A closed local port as the endpoint: the SDK really calls it and fails at once.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
      AWS_MAX_ATTEMPTS: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    try {
      const config = loadConfig({
        ...{
          PORT: '8080',
          DB_WRITER_HOST: 'w',
          DB_READER_HOST: 'r',
          DB_PORT: '3306',
          DB_NAME: 'shop',
          CACHE_HOST: 'c',
          CACHE_PORT: '6379',
        },
        DB_SECRET_ARN: ARN,
      });
      const failure = databaseCredentials(config);
      await expect(failure).rejects.toThrow(ServiceError);
      await expect(failure).rejects.toThrow(
        new RegExp(`^Could not read the database secret ${ARN} \\(.+\\): the APP role needs secretsmanager:GetSecretValue on it`),
      );
    } finally {
      process.env = saved;
    }
  });
});
