import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { graphFromTemplate } from '../sources/template/resolve';
import { checkSubmission, type SubmissionTask } from './submission';

/** What the mocked live loader saw in the environment while it ran. */
const seen: Array<Record<string, string | undefined>> = [];

jest.mock('../sources', () => ({
  loadSource: async (input: { kind: string }, options: { stackName: string }) => {
    seen.push({ key: process.env.AWS_ACCESS_KEY_ID, token: process.env.AWS_SESSION_TOKEN, profile: process.env.AWS_PROFILE });
    if (input.kind !== 'live') throw new Error('only live inputs here');
    return {
      graph: graphFromTemplate({ Resources: {} }, { stackName: options.stackName }),
      source: { kind: 'live', description: 'stack' },
    };
  },
}));

const ROLE = 'arn:aws:iam::123456789012:role/WorkshopChecker';
const requests: string[] = [];
let deny = false;

/** A stand-in for STS on 127.0.0.1 that answers AssumeRole (or refuses it). */
const sts = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    requests.push(body);
    response.setHeader('content-type', 'text/xml');
    if (new URLSearchParams(body).get('Action') === 'GetCallerIdentity') {
      response.end(
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::210987654321:user/grader</Arn><UserId>AIDA</UserId><Account>210987654321</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>2</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
      );
      return;
    }
    if (deny) {
      response.statusCode = 403;
      response.end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error><RequestId>1</RequestId></ErrorResponse>',
      );
      return;
    }
    response.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIASTUDENT</AccessKeyId><SecretAccessKey>student-secret</SecretAccessKey><SessionToken>student-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROA:grade</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/WorkshopChecker/grade</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`);
  });
});

const saved = { ...process.env };
const awsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-config-'));
beforeAll(async () => {
  await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
  // The grader's own credentials come from a profile, as on an instructor's machine.
  fs.writeFileSync(path.join(awsDir, 'credentials'), '[grader]\naws_access_key_id = GRADER\naws_secret_access_key = grader-secret\n');
  fs.writeFileSync(path.join(awsDir, 'config'), '[profile grader]\nregion = ap-northeast-2\n');
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete process.env[name];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${(sts.address() as AddressInfo).port}`,
    AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
    AWS_CONFIG_FILE: path.join(awsDir, 'config'),
    AWS_PROFILE: 'grader',
    AWS_REGION: 'ap-northeast-2',
  });
});
afterAll(() => {
  sts.close();
  process.env = saved;
  fs.rmSync(awsDir, { recursive: true, force: true });
});

const task: SubmissionTask = {
  labId: 'vpc-migration',
  stackName: 'ShopVpcMigration',
  input: { kind: 'live' },
  role: { roleArn: ROLE, externalId: 'class-2026', sessionName: 'checker-grade-s1' },
  lang: 'en',
  guideBaseUrl: '',
};

describe('checkSubmission with a role target', () => {
  it("checks with the role's temporary credentials, then restores the grader's", async () => {
    const result = await checkSubmission(task);
    expect(result.ok).toBe(true);
    expect(result.ok && result.live).toEqual({ region: 'ap-northeast-2', account: '123456789012' });
    expect(seen.at(-1)).toEqual({ key: 'ASIASTUDENT', token: 'student-token', profile: undefined });
    const sent = new URLSearchParams(requests.at(-1));
    expect(Object.fromEntries(['Action', 'RoleArn', 'ExternalId', 'RoleSessionName'].map((k) => [k, sent.get(k)]))).toEqual({
      Action: 'AssumeRole',
      RoleArn: ROLE,
      ExternalId: 'class-2026',
      RoleSessionName: 'checker-grade-s1',
    });
    expect([process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SESSION_TOKEN, process.env.AWS_PROFILE]).toEqual([
      undefined,
      undefined,
      'grader',
    ]);
  });

  it('reports a refused AssumeRole as the reason, without running the check', async () => {
    deny = true;
    const before = seen.length;
    const result = await checkSubmission(task);
    deny = false;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.en).toMatch(
      /^cannot assume arn:aws:iam::123456789012:role\/WorkshopChecker: not authorized to perform sts:AssumeRole: the role must trust/,
    );
    expect(seen.length).toBe(before);
  });

  it('records the account of a profile or endpoint target from STS GetCallerIdentity', async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL_STS!;
    for (const input of [{ kind: 'live', profile: 'grader' } as const, { kind: 'live', endpoint, region: 'us-east-1' } as const]) {
      const result = await checkSubmission({ ...task, role: undefined, input });
      expect(result.ok && result.live?.account).toBe('210987654321');
    }
  });

  it('turns any other failure into a one-line reason', async () => {
    const result = await checkSubmission({ ...task, role: undefined, input: { kind: 'template', file: 'x.json' } });
    expect(result).toEqual({
      ok: false,
      error: { en: 'checker internal error: only live inputs here', ko: 'checker 내부 오류: only live inputs here' },
    });
  });
});
