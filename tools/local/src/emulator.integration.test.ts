import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CloudFormationClient, CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { EMULATOR, isInstalled } from './emulator';
import { localClientConfig, scrubAwsEnv } from './env';
import { freePort } from './ports';
import { listStackResources, stackStatus } from './stack';
import { readState } from './state';
import { runCli } from './test-helpers';

// The embedded emulator is installed by .ci/run (or npm run local -- install). Outside CI a machine
// without it skips this suite with the reason; with CI=true a missing or broken emulator fails the run.
const ci = process.env.CI === 'true';
const ready = isInstalled() || ci;
const reason = `embedded emulator ${EMULATOR.pipSpec} is not installed: run npm run local -- install`;
if (!ready) process.stderr.write(`skipped: embedded emulator end to end (${reason})\n`);
const describeIf = ready ? describe : describe.skip;

describeIf(ready ? 'embedded emulator, end to end' : `embedded emulator, end to end (skipped: ${reason})`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let blocker: net.Server;
  let blockedPort: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-e2e-'));
    env = { ...scrubAwsEnv(process.env), WORKSHOP_LOCAL_STATE: path.join(dir, 'local.json'), CDK_VALIDATION: 'false' };
    blockedPort = await freePort();
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: blockedPort, host: '127.0.0.1' }, resolve));
  });

  afterAll(async () => {
    runCli('local', ['down'], env);
    blocker.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('up on a taken port picks another, says so, and records the endpoint', () => {
    const { code, stdout, stderr } = runCli('local', ['up', '--emulator', '--port', String(blockedPort)], env, 120_000);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Port ${blockedPort} is already in use, so local AWS uses port (\\d+) instead\\.`));
    const state = readState(env);
    expect(state?.kind).toBe('emulator');
    expect(state?.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(state?.endpoint).not.toContain(String(blockedPort));
    expect(stdout).toContain(`Local AWS: moto ${EMULATOR.version} at ${state?.endpoint}`);
    expect(stdout).toMatch(/Emulates: cloudformation, ec2, /);
  }, 150_000);

  test('an interrupted deploy is recovered: deploy again finishes the stack, a redeploy works, destroy removes it', async () => {
    const state = readState(env);
    if (!state) throw new Error('local AWS did not start');
    const cfn = new CloudFormationClient(localClientConfig(state));
    // What a deploy stopped after its change set was created leaves behind: a stack in REVIEW_IN_PROGRESS.
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'ShopOnPremBaseline',
        ChangeSetName: 'interrupted',
        ChangeSetType: 'CREATE',
        TemplateBody: JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } } } }),
      }),
    );
    expect(await stackStatus(cfn, 'ShopOnPremBaseline')).toBe('REVIEW_IN_PROGRESS');

    const deployed = runCli('deploy', ['deploy', 'on-prem-baseline', '--solution'], env, 240_000);
    expect(deployed.stderr).not.toMatch(/^cdk deploy failed/m);
    expect(deployed.code).toBe(0);
    expect(deployed.stdout).toContain('Removed the unfinished stack ShopOnPremBaseline (REVIEW_IN_PROGRESS) left by an earlier deploy.');
    expect(deployed.stdout).toMatch(/\[3\/4\] Stack ShopOnPremBaseline: CREATE_COMPLETE, \d+ resources listed by CloudFormation\./);
    const resources = await listStackResources(cfn, 'ShopOnPremBaseline');
    const instances = resources.filter((r) => r.ResourceType === 'AWS::EC2::Instance');
    expect(instances).toHaveLength(4);
    expect(instances.every((r) => r.PhysicalResourceId?.startsWith('i-'))).toBe(true);

    const again = runCli('deploy', ['deploy', 'on-prem-baseline', '--solution'], env, 240_000);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\[3\/4\] Stack ShopOnPremBaseline: (CREATE|UPDATE)_COMPLETE/);

    const destroyed = runCli('deploy', ['destroy', 'on-prem-baseline', '--solution'], env, 120_000);
    expect(destroyed.code).toBe(0);
    expect(destroyed.stdout).toContain('Stack ShopOnPremBaseline is gone.');
    // Cleanly: the emulator deletes the VPC too (it used to keep it with its route tables, failing cdk destroy).
    expect(`${destroyed.stdout}${destroyed.stderr}`).not.toMatch(/destroy failed|kept some of its resources/);
    expect(destroyed.stdout).toContain('Nothing is left behind');
    expect(await stackStatus(cfn, 'ShopOnPremBaseline')).toBeUndefined();
    cfn.destroy();
  }, 400_000);

  test('a crashed emulator is reported with its log, and down clears the state', () => {
    const state = readState(env);
    if (!state?.pid) throw new Error('local AWS did not start');
    process.kill(state.pid, 'SIGKILL');
    const status = runCli('local', ['status'], env);
    expect(status.code).toBe(3);
    expect(status.stderr.trim()).toBe(
      `The local emulator stopped unexpectedly: its log is ${state.logFile}; run npm run local -- up to start it again.`,
    );
    const deploy = runCli('deploy', ['deploy', 'on-prem-baseline'], env);
    expect(deploy.code).toBe(3);
    expect(deploy.stderr.trim()).toContain(`its log is ${state.logFile}`);

    const down = runCli('local', ['down'], env);
    expect(down.code).toBe(0);
    expect(readState(env)).toBeUndefined();
  }, 60_000);
});
