import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLocalState } from './index';
import {
  clearState,
  deploymentsPath,
  forgetDeployment,
  lastDeployment,
  readState,
  recordDeployment,
  statePath,
  writeState,
  type DeploymentRecord,
  type LocalState,
} from './state';

const state: LocalState = {
  endpoint: 'http://127.0.0.1:4599',
  kind: 'emulator',
  flavor: 'moto 5.2.5',
  services: ['ec2', 's3'],
  region: 'us-east-1',
  accountId: '123456789012',
  unsupportedResourceTypes: ['AWS::WAFv2::WebACL'],
  pid: 42,
  logFile: '/tmp/emulator.log',
  startedAt: '2026-11-22T00:00:00.000Z',
};

describe('state file', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-state-'));
    env = { WORKSHOP_DIR: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('lives in WORKSHOP_DIR, or where WORKSHOP_LOCAL_STATE says', () => {
    expect(statePath(env)).toBe(path.join(dir, 'local.json'));
    expect(statePath({ ...env, WORKSHOP_LOCAL_STATE: path.join(dir, 'other.json') })).toBe(path.join(dir, 'other.json'));
  });

  test('round-trips and is cleared', () => {
    expect(readState(env)).toBeUndefined();
    writeState(state, env);
    expect(readState(env)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual(['local.json']);
    clearState(env);
    expect(readState(env)).toBeUndefined();
  });

  test('readLocalState exposes the fields the checker needs and nothing process-specific', () => {
    writeState(state, env);
    expect(readLocalState(env)).toEqual({
      endpoint: 'http://127.0.0.1:4599',
      kind: 'emulator',
      flavor: 'moto 5.2.5',
      services: ['ec2', 's3'],
      region: 'us-east-1',
      unsupportedResourceTypes: ['AWS::WAFv2::WebACL'],
    });
  });

  test('a broken or foreign file reads as "not running"', () => {
    fs.writeFileSync(statePath(env), '{ not json');
    expect(readState(env)).toBeUndefined();
    fs.writeFileSync(statePath(env), JSON.stringify({ endpoint: 'http://127.0.0.1:1', kind: 'docker' }));
    expect(readState(env)).toBeUndefined();
  });
});

describe('deployment records', () => {
  let env: NodeJS.ProcessEnv;
  const starter: DeploymentRecord = {
    labId: 'vpc-migration',
    stackName: 'ShopVpcMigration',
    app: 'starter',
    target: 'local',
    endpoint: 'http://127.0.0.1:4599',
    flavor: 'moto 5.2.5',
    region: 'us-east-1',
    account: '123456789012',
    deployedAt: '2026-12-05T00:00:00.000Z',
  };
  beforeEach(() => {
    env = { WORKSHOP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-deployments-')) };
  });
  afterEach(() => fs.rmSync(env.WORKSHOP_DIR as string, { recursive: true, force: true }));

  test('the last deploy of a lab and stack wins; other labs keep theirs', () => {
    expect(lastDeployment('vpc-migration', 'ShopVpcMigration', env)).toBeUndefined();
    recordDeployment(starter, env);
    recordDeployment({ ...starter, labId: 'multi-az-rds', stackName: 'ShopMultiAzRds' }, env);
    const solution = { ...starter, app: 'solution' as const, deployedAt: '2026-12-05T00:05:00.000Z' };
    recordDeployment(solution, env);
    expect(lastDeployment('vpc-migration', 'ShopVpcMigration', env)).toEqual(solution);
    expect(lastDeployment('multi-az-rds', 'ShopMultiAzRds', env)?.app).toBe('starter');
    expect(lastDeployment('vpc-migration', 'OtherStack', env)).toBeUndefined();
    expect(deploymentsPath(env)).toBe(path.join(env.WORKSHOP_DIR as string, 'deployments.json'));
  });

  test('destroy forgets the record; a broken file or record reads as none', () => {
    recordDeployment(starter, env);
    forgetDeployment('vpc-migration', 'ShopVpcMigration', env);
    expect(lastDeployment('vpc-migration', 'ShopVpcMigration', env)).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(deploymentsPath(env), 'utf8'))).toEqual({});
    fs.writeFileSync(deploymentsPath(env), '[1, 2');
    expect(lastDeployment('vpc-migration', 'ShopVpcMigration', env)).toBeUndefined();
    fs.writeFileSync(deploymentsPath(env), JSON.stringify({ 'vpc-migration': { ShopVpcMigration: { ...starter, endpoint: undefined } } }));
    expect(lastDeployment('vpc-migration', 'ShopVpcMigration', env)).toBeUndefined();
    recordDeployment(starter, env);
    expect(lastDeployment('vpc-migration', 'ShopVpcMigration', env)).toEqual(starter);
  });
});
