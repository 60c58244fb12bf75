import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveError, loadLiveGraph } from '.';
import { defaultRegion } from './sdk';

const CREDENTIAL_VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
];

describe('the AWS SDK transport', () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const name of CREDENTIAL_VARS) saved[name] = process.env[name];
  });
  afterEach(() => {
    for (const name of CREDENTIAL_VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('signs requests to a local endpoint with test credentials, never the learner’s keys', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAREALKEY000000000';
    process.env.AWS_SECRET_ACCESS_KEY = 'real-secret';
    const seen: string[] = [];
    const server = http.createServer((request, response) => {
      if (request.method === 'GET') {
        response.end('ok');
        return;
      }
      seen.push(String(request.headers.authorization));
      response.writeHead(400, { 'content-type': 'text/xml' });
      response.end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id X does not exist</Message></Error></ErrorResponse>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const error = await loadLiveGraph({
        stackName: 'ShopVpcMigration',
        endpoint,
        target: { id: 'emulator', name: 'test', services: [] },
      }).catch((caught: unknown) => caught);
      expect((error as LiveError).kind).toBe('stack-not-found');
      expect(seen[0]).toContain('Credential=test/');
      expect(seen.join()).not.toContain('AKIAREALKEY');
    } finally {
      server.close();
    }
  });

  it('says how to configure credentials when the standard chain finds none', async () => {
    for (const name of CREDENTIAL_VARS) delete process.env[name];
    process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws-credentials';
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    const error = await loadLiveGraph({ stackName: 'ShopVpcMigration', region: 'ap-northeast-2' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiveError);
    expect((error as LiveError).kind).toBe('no-credentials');
    expect((error as LiveError).text.en).toContain('aws configure');
  });

  it('picks the region from the flag, then the environment, then us-east-1 for local targets', () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    expect(defaultRegion({ region: 'eu-west-1', endpoint: 'http://x' })).toBe('eu-west-1');
    expect(defaultRegion({ endpoint: 'http://x' })).toBe('us-east-1');
    expect(defaultRegion({})).toBeUndefined();
    process.env.AWS_REGION = 'ap-northeast-2';
    expect(defaultRegion({})).toBe('ap-northeast-2');
  });
});
