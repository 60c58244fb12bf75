import path from 'node:path';
import { cdkAwsEnv, cdkLocalEnv, isCredentialVar, localAwsEnv, scrubAwsEnv } from './env';
import type { LocalState } from './state';

const state: LocalState = {
  endpoint: 'http://127.0.0.1:4599',
  kind: 'emulator',
  flavor: 'moto 5.2.5',
  services: [],
  region: 'us-east-1',
  accountId: '123456789012',
  unsupportedResourceTypes: [],
  startedAt: '',
};

const realEnv = {
  PATH: '/usr/bin',
  HOME: '/home/learner',
  AWS_PROFILE: 'work',
  AWS_DEFAULT_PROFILE: 'work',
  AWS_ACCESS_KEY_ID: 'AKIAREALKEY',
  AWS_SECRET_ACCESS_KEY: 'real-secret',
  AWS_SESSION_TOKEN: 'real-token',
  AWS_ROLE_ARN: 'arn:aws:iam::111122223333:role/admin',
  AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.2/creds',
  AWS_REGION: 'ap-northeast-2',
  CDK_DEFAULT_ACCOUNT: '111122223333',
};

describe('env scrubbing', () => {
  test('removes every AWS_* and CDK_DEFAULT_* variable and keeps the rest', () => {
    expect(scrubAwsEnv(realEnv)).toEqual({ PATH: '/usr/bin', HOME: '/home/learner' });
    expect(isCredentialVar('AWS_PROFILE')).toBe(true);
    expect(isCredentialVar('PATH')).toBe(false);
  });

  test('the local CDK environment has only test credentials and the local endpoint', () => {
    const env = cdkLocalEnv(state, { ...realEnv, WORKSHOP_DIR: '/tmp/ws' });
    const awsVars = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('AWS_')));
    expect(awsVars).toEqual({
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4599',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4599',
      AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION: 'http://localhost:4599',
      AWS_S3_FORCE_PATH_STYLE: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join('/tmp/ws', 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join('/tmp/ws', 'no-aws-config'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    expect(env.CDK_DEFAULT_ACCOUNT).toBeUndefined();
    expect(env.CDK_HOME).toBe(path.join('/tmp/ws', 'cdk-home', 'moto-5.2.5'));
    expect(env.PATH).toBe('/usr/bin');
  });

  test('LocalStack gets no moto-specific template URL', () => {
    const env = cdkLocalEnv({ ...state, kind: 'localstack', flavor: 'localstack/localstack:4.14.0' }, {});
    expect(env.AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION).toBeUndefined();
    expect(env.CDK_HOME).toMatch(/cdk-home\/localstack-localstack-4.14.0$/);
  });

  test('localAwsEnv points both the generic and the S3 endpoint at the IP', () => {
    const env = localAwsEnv(state, {});
    expect(env.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:4599');
    expect(env.AWS_ENDPOINT_URL_S3).toBe('http://127.0.0.1:4599');
  });

  test('the real-AWS environment keeps credentials but drops local endpoints', () => {
    const env = cdkAwsEnv({ ...realEnv, AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4566' });
    expect(env.AWS_PROFILE).toBe('work');
    expect(env.AWS_ENDPOINT_URL).toBeUndefined();
    expect(env.AWS_ENDPOINT_URL_S3).toBeUndefined();
  });
});
