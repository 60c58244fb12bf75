import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupClient, DescribeBackupVaultCommand } from '@aws-sdk/client-backup';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateAliasCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Lab } from '@workshop/catalog';
import type { DeployArgs } from './args';
import { deploy } from './deploy';
import { destroy } from './destroy';
import { EMULATOR, isInstalled, resetEmulator, startEmulator, stopProcess, venvDir } from './emulator';
import { localClientConfig, scrubAwsEnv } from './env';
import { LocalError, type Print } from './messages';
import { freePort } from './ports';
import { existingNames, RegionProbe, type FixedName } from './preflight';
import { stackStatus } from './stack';
import { writeState, type LocalState } from './state';

// Same convention as emulator.integration.test.ts: skipped with the reason where the emulator is not installed,
// a failure in CI.
const ci = process.env.CI === 'true';
const ready = isInstalled() || ci;
const reason = `embedded emulator ${EMULATOR.pipSpec} is not installed: run npm run local -- install`;
if (!ready) process.stderr.write(`skipped: deploy preflight against the emulator (${reason})\n`);
const describeIf = ready ? describe : describe.skip;

const STACK = 'WorkshopPreflight';
const VAULT = 'workshop-preflight-vault';

/** A one-stack CDK app shaped like the labs' recovery stack: a retained vault and a retained bucket with fixed names. */
function writeFixtureApp(dir: string): void {
  const lib = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'node app.js', notices: false, 'cli-telemetry': false }));
  fs.writeFileSync(
    path.join(dir, 'app.js'),
    [
      `const cdk = require(${JSON.stringify(lib)});`,
      `const backup = require(${JSON.stringify(path.join(lib, 'aws-backup'))});`,
      `const s3 = require(${JSON.stringify(path.join(lib, 'aws-s3'))});`,
      'const app = new cdk.App();',
      `const stack = new cdk.Stack(app, '${STACK}');`,
      `new backup.BackupVault(stack, 'Vault', { backupVaultName: '${VAULT}', removalPolicy: cdk.RemovalPolicy.RETAIN });`,
      "new s3.Bucket(stack, 'Replica', { bucketName: `workshop-preflight-${cdk.Aws.ACCOUNT_ID}-${cdk.Aws.REGION}`, removalPolicy: cdk.RemovalPolicy.RETAIN });",
      "new s3.Bucket(stack, 'Scratch', { removalPolicy: cdk.RemovalPolicy.DESTROY });",
      'app.synth();',
    ].join('\n'),
  );
}

describeIf(ready ? 'deploy preflight against the emulator' : `deploy preflight against the emulator (skipped: ${reason})`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let state: LocalState;
  let app: { lab: Lab; dir: string };
  let lines: string[];
  const print: Print = (text) => void lines.push(text.en);
  const args: DeployArgs = { command: 'deploy', labId: 'preflight-fixture', target: 'local', solution: false, replace: false, yes: false };
  let bucket: string;

  beforeAll(async () => {
    // A private sandbox: its own state file, deployment records, CDK output and emulator on its own port; the
    // installed emulator is shared through a link to its venv.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-preflight-'));
    fs.symlinkSync(venvDir(), path.join(dir, path.basename(venvDir())));
    env = { ...scrubAwsEnv(process.env), WORKSHOP_DIR: dir, CDK_VALIDATION: 'false', WORKSHOP_LANG: 'en' };
    state = await startEmulator(await freePort(), env);
    writeState(state, env);
    writeFixtureApp(path.join(dir, 'app'));
    app = { lab: { id: 'preflight-fixture', stackName: STACK } as unknown as Lab, dir: path.join(dir, 'app') };
    bucket = `workshop-preflight-${state.accountId}-${state.region}`;
  }, 60_000);

  beforeEach(() => {
    lines = [];
  });

  afterAll(async () => {
    if (state?.pid) await stopProcess(state.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('with no vault or bucket of those names the deploy goes on and creates the stack', async () => {
    const result = await deploy(args, env, print, app);
    expect(result.stacks.map((stack) => stack.name)).toEqual([STACK]);
    expect(lines.some((line) => line.startsWith(`[2/4] Creating ${STACK}`))).toBe(true);
    const cfn = new CloudFormationClient(localClientConfig(state));
    expect(await stackStatus(cfn, STACK)).toBe('CREATE_COMPLETE');
    cfn.destroy();
  }, 240_000);

  test('destroy lists the vault and the bucket as left behind and marks them as blocking a redeploy', async () => {
    const { leftovers } = await destroy({ ...args, command: 'destroy' }, env, print, app);
    expect(
      leftovers
        .filter((item) => item.blocksRedeploy)
        .map((item) => item.physicalId)
        .sort(),
    ).toEqual([VAULT, bucket].sort());
    expect(lines).toContain(`  AWS::Backup::BackupVault ${VAULT} (kept by its DeletionPolicy; blocks a redeploy)`);
    expect(lines).toContain(
      'Those marked "blocks a redeploy" keep the fixed names the stack gives them: npm run deploy -- preflight-fixture stops before deploying until you run npm run local -- reset.',
    );
  }, 120_000);

  test('the next deploy stops before deploying, names both, and deletes nothing', async () => {
    const started = Date.now();
    const error = await deploy(args, env, print, app).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(LocalError);
    expect((error as LocalError).text.en).toBe(
      `Stopped before deploying: AWS::Backup::BackupVault ${VAULT} (${state.region}), AWS::S3::Bucket ${bucket} (${state.region}) already exist (kept when this lab was destroyed before), and CloudFormation cannot create ${STACK} while their fixed names are taken. Nothing was deleted or deployed: run npm run local -- reset (it empties local AWS, every lab's stacks included), then run npm run deploy -- preflight-fixture again.`,
    );
    expect(lines.some((line) => line.startsWith('[2/4]'))).toBe(false);
    // It stopped before bootstrapping or deploying: a synth and a few read calls.
    expect(Date.now() - started).toBeLessThan(60_000);
    const config = localClientConfig(state);
    const cfn = new CloudFormationClient(config);
    const backup = new BackupClient(config);
    const s3 = new S3Client(config);
    try {
      expect(await stackStatus(cfn, STACK)).toBeUndefined();
      await expect(backup.send(new DescribeBackupVaultCommand({ BackupVaultName: VAULT }))).resolves.toBeDefined();
      await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).resolves.toBeDefined();
    } finally {
      [cfn, backup, s3].forEach((client) => client.destroy());
    }
  }, 120_000);

  test('after the reset the message names, the deploy goes on; --replace of the stack that holds the names stops before deleting it', async () => {
    await resetEmulator(state.endpoint);
    await deploy(args, env, print, app);
    const cfn = new CloudFormationClient(localClientConfig(state));
    try {
      expect(await stackStatus(cfn, STACK)).toBe('CREATE_COMPLETE');
      lines = [];
      const error = await deploy({ ...args, replace: true }, env, print, app).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect((error as LocalError).text.en).toMatch(
        new RegExp(`^Stopped before --replace: deleting ${STACK} would keep AWS::Backup::BackupVault ${VAULT} \\(${state.region}\\), `),
      );
      expect(lines.some((line) => line.startsWith('--replace: deleting'))).toBe(false);
      expect(await stackStatus(cfn, STACK)).toBe('CREATE_COMPLETE');
    } finally {
      cfn.destroy();
    }
  }, 240_000);

  test('the read-only checks find a KMS alias and a bucket that exist, and not names nobody holds', async () => {
    const probe = new RegionProbe(localClientConfig(state), state.region);
    try {
      const key = await probe.kms().send(new CreateKeyCommand({}));
      await probe.kms().send(new CreateAliasCommand({ AliasName: 'alias/workshop-preflight', TargetKeyId: key.KeyMetadata!.KeyId }));
      const item = (type: string, name: string): FixedName => ({ stackName: STACK, region: state.region, logicalId: name, type, name });
      const names = [
        item('AWS::KMS::Alias', 'alias/workshop-preflight'),
        item('AWS::KMS::Alias', 'alias/workshop-nobody'),
        item('AWS::S3::Bucket', bucket),
        item('AWS::S3::Bucket', 'workshop-preflight-nobody'),
        item('AWS::Backup::BackupVault', 'workshop-preflight-nobody'),
        item('AWS::SecretsManager::Secret', 'workshop-preflight-nobody'),
      ];
      expect((await existingNames(names, () => probe)).map((found) => found.name)).toEqual(['alias/workshop-preflight', bucket]);
    } finally {
      probe.close();
    }
  }, 30_000);
});
