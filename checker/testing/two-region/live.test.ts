import fs from 'node:fs';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { LocalizedText } from '@workshop/catalog';
import { localClientConfig, stackStatus } from '@workshop/local';
import { deploy, type DeployResult } from '@workshop/local/src/deploy';
import { destroy } from '@workshop/local/src/destroy';
import { deploymentsPath } from '@workshop/local/src/state';
import type { DeployArgs } from '@workshop/local/src/args';
import { runChecks } from '../../src/engine/run';
import { rules } from '../../src/rules';
import { loadSource } from '../../src/sources';
import { chooseLiveTarget } from '../../src/sources/live/recorded';
import { emulatorMissing, startSandbox, type LiveSandbox } from '../live-labs/harness';
import { twoRegionAppDir, twoRegionLab } from './lab';

// The deploy tool and the live loader on a lab with two stacks in two Regions, on a private embedded emulator
// (its own port and state file): deploy order, parameters from the first stack's output, a record per stack,
// a live graph read from both Regions, destroy in reverse order. Skipped with the reason without the emulator.
const ci = process.env.CI === 'true';
const missing = emulatorMissing();
if (missing && !ci) process.stderr.write(`skipped: two-Region deploy on the embedded emulator (${missing})\n`);
const describeIf = missing && !ci ? describe.skip : describe;

const lab = twoRegionLab;
const app = { lab, dir: twoRegionAppDir };
const args = (command: 'deploy' | 'destroy'): DeployArgs => ({
  command,
  labId: lab.id,
  target: 'local',
  solution: false,
  replace: false,
  yes: false,
});

describeIf('a lab with two stacks in two Regions on the embedded emulator', () => {
  let sandbox: LiveSandbox;
  let deployed: DeployResult | undefined;
  const lines: string[] = [];
  const print = (text: LocalizedText): void => void lines.push(text.en);
  const cfnIn = (region: string) => new CloudFormationClient({ ...localClientConfig(sandbox.state), region });

  beforeAll(async () => {
    if (missing) throw new Error(missing);
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  test('deploy creates the second Region stack first, then the main stack with its output as a parameter, and records both', async () => {
    deployed = await deploy(args('deploy'), sandbox.env, print, app);
    const primary = sandbox.state.region;
    expect(deployed.stacks.map(({ name, region }) => ({ name, region }))).toEqual([
      { name: 'ShopTwinRecovery', region: 'ap-northeast-1' },
      { name: 'ShopTwin', region: primary },
    ]);
    const creating = lines.filter((line) => line.startsWith('[2/4]'));
    expect(creating).toEqual([
      '[2/4] Creating ShopTwinRecovery in ap-northeast-1 with cdk deploy (progress below)...',
      `[2/4] Creating ShopTwin in ${primary} with cdk deploy (progress below)...`,
    ]);
    expect(lines[0]).toContain(`stack ShopTwinRecovery (ap-northeast-1), ShopTwin (${primary})`);
    expect(deployed.checkCommand).toBe(`npx checker check ${lab.id} --live`);

    const tokyo = cfnIn('ap-northeast-1');
    const home = cfnIn(primary);
    try {
      const recovery = (await tokyo.send(new DescribeStacksCommand({ StackName: 'ShopTwinRecovery' }))).Stacks?.[0];
      const arn = recovery?.Outputs?.find((output) => output.OutputKey === 'ReplicaBucketArn')?.OutputValue;
      expect(arn).toMatch(/^arn:aws:s3:::/);
      const main = (await home.send(new DescribeStacksCommand({ StackName: 'ShopTwin' }))).Stacks?.[0];
      expect(main?.Parameters?.find((parameter) => parameter.ParameterKey === 'ReplicaBucketArn')?.ParameterValue).toBe(arn);
      // Each stack is in its own Region only.
      expect(await stackStatus(home, 'ShopTwinRecovery')).toBeUndefined();
      expect(await stackStatus(tokyo, 'ShopTwin')).toBeUndefined();
    } finally {
      tokyo.destroy();
      home.destroy();
    }

    const records = JSON.parse(fs.readFileSync(deploymentsPath(sandbox.env), 'utf8'))[lab.id];
    expect(Object.fromEntries(Object.entries(records).map(([name, record]) => [name, (record as { region: string }).region]))).toEqual({
      ShopTwinRecovery: 'ap-northeast-1',
      ShopTwin: primary,
    });
    expect((records.ShopTwinRecovery as { regionRole: string }).regionRole).toBe('secondary');
  }, 400_000);

  test('a live check reads each stack in its Region (from the deployment record) into one graph', async () => {
    if (!deployed) throw new Error('the lab was not deployed');
    const choice = chooseLiveTarget({ kind: 'live' }, lab, lab.stackName, sandbox.env);
    expect(choice.input).toEqual({ kind: 'live', endpoint: sandbox.state.endpoint, secondaryRegion: 'ap-northeast-1' });
    const loaded = await loadSource(choice.input, { lab, stackName: lab.stackName });
    expect(loaded.graph.stacks).toMatchObject([
      { name: 'ShopTwinRecovery', region: 'secondary', regionName: 'ap-northeast-1' },
      { name: 'ShopTwin', region: 'primary', regionName: sandbox.state.region },
    ]);
    const buckets = loaded.graph.ofType('AWS::S3::Bucket').map((bucket) => [bucket.stack, bucket.region]);
    expect(buckets.sort()).toEqual([
      ['ShopTwin', 'primary'],
      ['ShopTwinRecovery', 'secondary'],
    ]);
    const report = runChecks({ lab, loaded, rules, lang: 'en' });
    expect(report.results[0]).toMatchObject({ ruleId: 'no-open-ingress', status: 'FAIL' });
    const group = loaded.graph.ofType('AWS::EC2::SecurityGroup').find((resource) => resource.stack === 'ShopTwinRecovery');
    expect(group && loaded.graph.placement(group)).toEqual({
      stack: 'ShopTwinRecovery',
      region: 'secondary',
      regionName: 'ap-northeast-1',
    });
    expect(report.results[0].message.en).toContain(group?.id);
  }, 120_000);

  test('destroy removes the main stack first, then the second Region stack, and forgets both records', async () => {
    if (!deployed) throw new Error('the lab was not deployed');
    lines.length = 0;
    await destroy(args('destroy'), sandbox.env, print, app);
    const gone = lines.filter((line) => / is gone\.$/.test(line));
    expect(gone).toEqual(['Stack ShopTwin is gone.', 'Stack ShopTwinRecovery is gone.']);
    const tokyo = cfnIn('ap-northeast-1');
    try {
      expect(await stackStatus(tokyo, 'ShopTwinRecovery')).toBeUndefined();
    } finally {
      tokyo.destroy();
    }
    const records = JSON.parse(fs.readFileSync(deploymentsPath(sandbox.env), 'utf8'));
    expect(records[lab.id]).toBeUndefined();
  }, 300_000);
});
