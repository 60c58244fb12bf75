import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordDeployment, type DeploymentRecord } from '@workshop/local';
import { CheckerError } from '../../errors';
import { nodeNotice } from './node-notice';
import { chooseLiveTarget, resolveLiveInput } from './recorded';

describe('where check --live goes without an endpoint', () => {
  let env: NodeJS.ProcessEnv;
  const lab = { id: 'vpc-migration' };
  const local: DeploymentRecord = {
    labId: 'vpc-migration',
    stackName: 'ShopVpcMigration',
    app: 'solution',
    target: 'local',
    endpoint: 'http://127.0.0.1:4599',
    flavor: 'moto 5.2.5',
    region: 'us-east-1',
    account: '123456789012',
    deployedAt: '2026-12-05T00:00:00.000Z',
  };

  beforeEach(() => {
    env = { WORKSHOP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'checker-recorded-')) };
  });
  afterEach(() => fs.rmSync(env.WORKSHOP_DIR as string, { recursive: true, force: true }));

  test('a stack last deployed to local AWS is checked there, and the notice says so', () => {
    recordDeployment(local, env);
    const choice = chooseLiveTarget({ kind: 'live' }, lab, 'ShopVpcMigration', env);
    expect(choice.input).toEqual({ kind: 'live', endpoint: 'http://127.0.0.1:4599' });
    expect(choice.notice?.en).toBe(
      'Checking ShopVpcMigration on local AWS at http://127.0.0.1:4599 (moto 5.2.5), where npm run deploy put the solution; for real AWS pass --profile or --region.',
    );
    expect(choice.notice?.ko).toMatch(/^npm run deploy가 정답을 배포한 로컬 AWS/);
  });

  test('flags win over the record: --profile or --region means real AWS, --endpoint that endpoint', () => {
    recordDeployment(local, env);
    for (const input of [
      { kind: 'live' as const, region: 'ap-northeast-2' },
      { kind: 'live' as const, profile: 'class' },
      { kind: 'live' as const, endpoint: 'http://127.0.0.1:4566' },
    ])
      expect(chooseLiveTarget(input, lab, 'ShopVpcMigration', env)).toEqual({ input });
  });

  test('a stack deployed with --target aws is checked in its recorded region', () => {
    recordDeployment({ ...local, target: 'aws', endpoint: undefined, flavor: undefined, region: 'ap-northeast-2', app: 'starter' }, env);
    const choice = chooseLiveTarget({ kind: 'live' }, lab, 'ShopVpcMigration', env);
    expect(choice.input).toEqual({ kind: 'live', region: 'ap-northeast-2' });
    expect(choice.notice?.en).toMatch(/real AWS \(account 123456789012, ap-northeast-2\).*--target aws put the starter/);
  });

  test('a lab with a stack in its second Region is checked where each stack was recorded; --secondary-region wins', () => {
    const twoRegions = {
      id: 'backup-dr',
      stacks: [
        { name: 'ShopBackupDrRecovery', region: 'secondary' as const },
        { name: 'ShopBackupDr', region: 'primary' as const },
      ],
    };
    const record = { ...local, labId: 'backup-dr', target: 'aws' as const, endpoint: undefined, flavor: undefined };
    recordDeployment({ ...record, stackName: 'ShopBackupDrRecovery', region: 'eu-west-1', regionRole: 'secondary' }, env);
    recordDeployment({ ...record, stackName: 'ShopBackupDr', region: 'ap-northeast-2', regionRole: 'primary' }, env);
    expect(chooseLiveTarget({ kind: 'live' }, twoRegions, 'ShopBackupDr', env).input).toEqual({
      kind: 'live',
      region: 'ap-northeast-2',
      secondaryRegion: 'eu-west-1',
    });
    expect(chooseLiveTarget({ kind: 'live', secondaryRegion: 'us-west-2' }, twoRegions, 'ShopBackupDr', env).input).toEqual({
      kind: 'live',
      region: 'ap-northeast-2',
      secondaryRegion: 'us-west-2',
    });
  });

  test('nothing recorded (or another stack name): one line that says how to deploy or where to point', () => {
    recordDeployment(local, env);
    for (const [labId, stack] of [
      ['multi-az-rds', 'ShopMultiAzRds'],
      ['vpc-migration', 'MyOwnStack'],
    ]) {
      let error: unknown;
      try {
        chooseLiveTarget({ kind: 'live' }, { id: labId }, stack, env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CheckerError);
      expect((error as CheckerError).exitCode).toBe(2);
      expect((error as CheckerError).text.en).toBe(
        `No deployment of ${labId} is recorded: deploy it with npm run deploy -- ${labId}, or say where it runs with --endpoint <url> (local AWS) or --profile/--region (real AWS).`,
      );
    }
  });

  test('the notice is the first line on standard error; the Node notice is one line, left out with --quiet', () => {
    recordDeployment(local, env);
    const lines: string[] = [];
    const io = { env, stderr: { write: (text: string) => lines.push(text) } };
    resolveLiveInput({ kind: 'live' }, lab, 'ShopVpcMigration', io, 'ko', false);
    expect(lines[0]).toMatch(/^npm run deploy가 정답을 배포한 로컬 AWS http:\/\/127\.0\.0\.1:4599/);
    expect(lines.every((line) => line.split('\n').length === 2)).toBe(true);
    expect(lines).toHaveLength(Number(process.versions.node.split('.')[0]) >= 22 ? 1 : 2);
    lines.length = 0;
    resolveLiveInput({ kind: 'live' }, lab, 'ShopVpcMigration', io, 'en', true);
    expect(lines).toHaveLength(1);
  });
});

describe('the AWS SDK Node notice', () => {
  test('on Node 20: one short line in each language, and the SDK’s own multi-line warning switched off', () => {
    const env: NodeJS.ProcessEnv = {};
    const notice = nodeNotice(env, 'v20.20.2');
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    expect(notice?.en).toBe('Note: Node v20.20.2 works here; AWS SDK releases after January 2027 need Node 22 or newer.');
    expect(notice?.ko).not.toContain('\n');
  });

  test('on Node 22 or newer: nothing to say', () => {
    expect(nodeNotice({}, 'v22.23.5')).toBeUndefined();
    expect(nodeNotice({}, 'v24.22.3')).toBeUndefined();
  });
});
