import { cacheClientOptions } from './cache';
import { loadConfig, REQUIRED, regionOfArn } from './config';
import { ServiceError } from './messages';

const ENV = {
  PORT: '8080',
  DB_WRITER_HOST: 'writer.example',
  DB_READER_HOST: 'reader.example',
  DB_PORT: '3306',
  DB_NAME: 'shop',
  CACHE_HOST: 'cache.example',
  CACHE_PORT: '6379',
  DB_USER: 'admin',
  DB_PASSWORD: 'secret',
};

/** The English line of the ServiceError that loadConfig throws for `env`. */
function errorFor(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    const { en, ko } = (error as ServiceError).text;
    expect(en).not.toContain('\n');
    expect(ko).not.toContain('\n');
    return en;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('the configuration', () => {
  it('reads every variable of the contract, with a 60 s TTL and no TLS by default', () => {
    expect(loadConfig(ENV)).toEqual({
      port: 8080,
      writer: { host: 'writer.example', port: 3306 },
      reader: { host: 'reader.example', port: 3306 },
      database: 'shop',
      credentials: { user: 'admin', password: 'secret' },
      cache: { host: 'cache.example', port: 6379, tls: false },
      ttlSeconds: 60,
    });
    const tuned = loadConfig({ ...ENV, CACHE_TLS: 'true', CACHE_TTL_SECONDS: '300', DB_READER_PORT: '3307' });
    expect(tuned.cache?.tls).toBe(true);
    expect(tuned.ttlSeconds).toBe(300);
    expect(tuned.reader.port).toBe(3307);
  });

  it('is read-only without DB_WRITER_HOST (a read Region) and has no cache without CACHE_HOST', () => {
    const readOnly = loadConfig({ ...ENV, DB_WRITER_HOST: undefined, CACHE_HOST: undefined, CACHE_PORT: undefined });
    expect(readOnly).not.toHaveProperty('writer');
    expect(readOnly).not.toHaveProperty('cache');
    expect(readOnly.reader).toEqual({ host: 'reader.example', port: 3306 });
    expect(loadConfig({ ...ENV, DB_WRITER_HOST: undefined }).cache).toEqual({ host: 'cache.example', port: 6379, tls: false });
    expect(errorFor({ ...ENV, CACHE_PORT: undefined })).toMatch(/^CACHE_PORT is not set: /);
  });

  it('names the one missing variable and where the values come from, in one line', () => {
    expect(errorFor({ ...ENV, DB_NAME: undefined })).toBe(
      'DB_NAME is not set: set it in the environment (on AWS the user data writes them to /etc/shop-api.env from the SSM parameters under /shop/<stack name>/; locally npm run backing prints them).',
    );
  });

  it('names every missing variable at once, credentials included', () => {
    const message = errorFor({});
    expect(message).toMatch(new RegExp(`^${[...REQUIRED, 'DB_SECRET_ARN \\(or DB_USER and DB_PASSWORD\\)'].join(', ')} are not set: `));
  });

  it('takes the credentials from Secrets Manager when DB_SECRET_ARN is set, in the Region of AWS_REGION or of the ARN', () => {
    const arn = 'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:ShopDatabaseSecret-AbCdEf';
    expect(loadConfig({ ...ENV, DB_USER: undefined, DB_PASSWORD: undefined, DB_SECRET_ARN: arn }).credentials).toEqual({
      secretArn: arn,
      region: 'ap-northeast-2',
    });
    expect(loadConfig({ ...ENV, DB_SECRET_ARN: arn, AWS_REGION: 'ap-northeast-1' }).credentials).toEqual({
      secretArn: arn,
      region: 'ap-northeast-1',
    });
    expect(regionOfArn('ShopDatabaseSecret')).toBeUndefined();
    expect(errorFor({ ...ENV, DB_SECRET_ARN: 'ShopDatabaseSecret' })).toMatch(
      /^AWS_REGION is not set and DB_SECRET_ARN "ShopDatabaseSecret"/,
    );
  });

  it('refuses malformed values with the variable and the value', () => {
    expect(errorFor({ ...ENV, CACHE_PORT: '6379x' })).toBe('CACHE_PORT must be a port number from 1 to 65535, not "6379x".');
    expect(errorFor({ ...ENV, PORT: '70000' })).toBe('PORT must be a port number from 1 to 65535, not "70000".');
    expect(errorFor({ ...ENV, CACHE_TLS: 'yes' })).toBe('CACHE_TLS must be "true" or "false", not "yes".');
    expect(errorFor({ ...ENV, CACHE_TTL_SECONDS: '0' })).toMatch(/^CACHE_TTL_SECONDS must be a whole number of seconds from 1 to 86400/);
    expect(errorFor({ ...ENV, DB_NAME: 'shop; DROP' })).toMatch(/^DB_NAME must be 1 to 64 letters, digits or underscores/);
  });
});

describe('the cache connection options', () => {
  it('speak TLS when CACHE_TLS=true, checking the certificate against the endpoint name', () => {
    const options = cacheClientOptions({ host: 'master.shop-cache.abc123.apn2.cache.amazonaws.com', port: 6379, tls: true });
    expect(options.socket).toMatchObject({
      host: 'master.shop-cache.abc123.apn2.cache.amazonaws.com',
      port: 6379,
      tls: true,
      servername: 'master.shop-cache.abc123.apn2.cache.amazonaws.com',
    });
    expect(options.socket).not.toHaveProperty('rejectUnauthorized');
    const local = cacheClientOptions({ host: '127.0.0.1', port: 6380, tls: true });
    expect(local.socket).toMatchObject({ host: '127.0.0.1', port: 6380, tls: true });
    expect(local.socket).not.toHaveProperty('servername');
  });

  it('speak plain TCP otherwise, and back off at most 2 s between reconnections', () => {
    const options = cacheClientOptions({ host: '127.0.0.1', port: 6379, tls: false });
    expect(options.socket).toMatchObject({ host: '127.0.0.1', port: 6379, tls: false });
    const strategy = (options.socket as { reconnectStrategy: (retries: number) => number }).reconnectStrategy;
    expect([0, 1, 2, 3, 10].map((retries) => strategy(retries))).toEqual([100, 200, 400, 800, 2_000]);
  });
});
