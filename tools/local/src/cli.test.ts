import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';
import { runCli, tsx } from './test-helpers';
import { EMULATOR_REQUIREMENTS, venvDir } from './emulator';
import { scrubAwsEnv } from './env';
import { freePort } from './ports';
import { writeState } from './state';

describe('command-line errors (one line, with the fix)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-cli-'));
    env = { ...scrubAwsEnv(process.env), WORKSHOP_DIR: dir, HOME: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an unknown lab gets a "did you mean"', () => {
    const { code, stderr } = runCli('deploy', ['deploy', 'on-prem-baselin'], env);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^Unknown lab "on-prem-baselin"\. Did you mean "on-prem-baseline"\? Labs: /);
  });

  test('deploy without local AWS running says how to start it', () => {
    const { code, stderr } = runCli('deploy', ['deploy', 'on-prem-baseline', '--solution'], env);
    expect(code).toBe(3);
    expect(stderr.trim()).toBe('Local AWS is not running: start it with npm run local -- up, then run this command again.');
  });

  test('deploy to an endpoint that is down names it and says what to run', async () => {
    const port = await freePort();
    writeState(
      {
        endpoint: `http://127.0.0.1:${port}`,
        kind: 'localstack',
        flavor: 'localstack/localstack:4.14.0',
        services: [],
        region: 'us-east-1',
        accountId: '000000000000',
        unsupportedResourceTypes: [],
        containerId: 'gone',
        startedAt: '',
      },
      env,
    );
    const { code, stderr } = runCli('deploy', ['deploy', 'on-prem-baseline', '--solution'], env);
    expect(code).toBe(3);
    expect(stderr.trim()).toBe(
      `Local AWS at http://127.0.0.1:${port} does not answer: run npm run local -- up, then run this command again.`,
    );
  });

  test('--target aws without credentials stops before anything runs', () => {
    const noFile = path.join(dir, 'missing');
    const awsEnv = { ...env, AWS_REGION: 'ap-northeast-2', AWS_CONFIG_FILE: noFile, AWS_SHARED_CREDENTIALS_FILE: noFile };
    const { code, stderr } = runCli('deploy', ['deploy', 'on-prem-baseline', '--target', 'aws', '--yes'], awsEnv);
    expect(code).toBe(3);
    expect(stderr.trim()).toMatch(
      /^No usable AWS credentials for --target aws \(.+\): run aws configure or set AWS_PROFILE, or deploy locally without --target aws\.$/,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('--target aws without a region says which variable to set', () => {
    const noFile = path.join(dir, 'missing');
    const { code, stderr } = runCli('deploy', ['deploy', 'on-prem-baseline', '--target', 'aws'], {
      ...env,
      AWS_CONFIG_FILE: noFile,
      AWS_SHARED_CREDENTIALS_FILE: noFile,
    });
    expect(code).toBe(3);
    expect(stderr.trim()).toBe('No AWS region is set for --target aws: export AWS_REGION=ap-northeast-2 (or your region) and try again.');
  });

  test('Python missing or too old: the install step says what to install', () => {
    const missing = runCli('local', ['install'], { ...env, WORKSHOP_PYTHON: path.join(dir, 'no-python') });
    expect(missing.code).toBe(3);
    expect(missing.stderr.trim()).toMatch(/^Python 3 was not found: install Python 3\.10 or newer/);

    const fake = path.join(dir, 'python-old');
    fs.writeFileSync(fake, '#!/bin/sh\necho 3.8.10\n', { mode: 0o755 });
    const old = runCli('local', ['install'], { ...env, WORKSHOP_PYTHON: fake });
    expect(old.code).toBe(3);
    expect(old.stderr.trim()).toMatch(/^Python 3\.8\.10 is too old for the local emulator: install Python 3\.10 or newer/);
  });

  test('an emulator that exits while starting is reported with its log', () => {
    // A stand-in venv whose python exits at once, marked as a complete install of the pinned emulator.
    const venv = venvDir(env);
    fs.mkdirSync(path.join(venv, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(venv, 'bin', 'python'), '#!/bin/sh\necho "ImportError: no module named moto" >&2\nexit 1\n', {
      mode: 0o755,
    });
    fs.writeFileSync(path.join(venv, 'workshop-installed.txt'), EMULATOR_REQUIREMENTS.join(' ') + '\n');
    const { code, stdout, stderr } = runCli('local', ['up', '--emulator'], env);
    expect(code).toBe(3);
    const log = stderr
      .trim()
      .match(/^The local emulator stopped unexpectedly: its log is (\S+); run npm run local -- up to start it again\.$/)?.[1];
    expect(log).toBeDefined();
    expect(fs.readFileSync(log as string, 'utf8')).toContain('ImportError: no module named moto');
    expect(stdout).toContain('Starting moto');
  });

  test('Korean learners get the Korean line', () => {
    const result = spawnSync(tsx, [path.join(__dirname, 'cli', 'deploy.ts'), 'deploy', 'on-prem-baseline'], {
      cwd: repoRoot,
      env: { ...env, WORKSHOP_LANG: 'ko' },
      encoding: 'utf8',
    });
    expect(result.stderr.trim()).toBe('로컬 AWS가 실행 중이 아닙니다. npm run local -- up으로 시작한 뒤 이 명령을 다시 실행하세요.');
  });
});
