import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordDeployment, type DeploymentRecord } from '@workshop/local';
import { ExitCode } from '../errors';
import { ResourceGraph } from '../model/graph';
import type { StackInfo } from '../model/types';
import { runMain } from './test-run';

/** The live loaders, replaced: they record where they were sent and load empty stacks. */
const calls: Array<{ endpoint?: string; region?: string; secondaryRegion?: string; stacks?: string[] }> = [];
jest.mock('../sources/live/index', () => ({
  loadLiveGraph: async (options: { endpoint?: string; region?: string }) => {
    calls.push({ endpoint: options.endpoint, region: options.region });
    return { graph: new ResourceGraph('live', []), source: { kind: 'live', description: 'stack ShopVpcMigration', target: 'emulator' } };
  },
  loadLiveStacks: async (options: {
    endpoint?: string;
    region?: string;
    secondaryRegion?: string;
    stacks: ReadonlyArray<{ name: string; region: 'primary' | 'secondary' }>;
  }) => {
    calls.push({
      endpoint: options.endpoint,
      region: options.region,
      secondaryRegion: options.secondaryRegion,
      stacks: options.stacks.map((stack) => stack.name),
    });
    const stacks: StackInfo[] = options.stacks.map((stack) => ({
      name: stack.name,
      region: stack.region,
      regionName: stack.region === 'primary' ? options.region : options.secondaryRegion,
    }));
    return { graph: new ResourceGraph('live', [], undefined, stacks), source: { kind: 'live', description: 'stacks', target: 'aws' } };
  },
}));

const run = (argv: string[], env: Record<string, string>) => runMain(argv, env);

describe('diagram --live and price --live go where npm run deploy put the lab, as check --live does', () => {
  let env: Record<string, string>;
  const deployed: Omit<DeploymentRecord, 'labId' | 'stackName' | 'region'> = {
    app: 'solution',
    target: 'local',
    endpoint: 'http://127.0.0.1:4599',
    flavor: 'moto 5.2.5',
    account: '123456789012',
    deployedAt: '2026-12-05T00:00:00.000Z',
  };
  beforeEach(() => {
    calls.length = 0;
    env = { WORKSHOP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'checker-architecture-live-')) };
  });
  afterEach(() => fs.rmSync(env.WORKSHOP_DIR, { recursive: true, force: true }));

  it.each([['diagram'], ['price']])('%s of a one-stack lab reads the local endpoint recorded, and says so first', async (command) => {
    recordDeployment({ ...deployed, labId: 'vpc-migration', stackName: 'ShopVpcMigration', region: 'us-east-1' }, env);
    const result = await run([command, 'vpc-migration', '--live', '--no-compare'], env);
    expect(result.code).toBe(ExitCode.Pass);
    expect(calls).toEqual([{ endpoint: 'http://127.0.0.1:4599', region: undefined }]);
    expect(result.stderr.split('\n')[0]).toBe(
      'Checking ShopVpcMigration on local AWS at http://127.0.0.1:4599 (moto 5.2.5), where npm run deploy put the solution; for real AWS pass --profile or --region.',
    );
    expect(result.stdout).toMatch(command === 'diagram' ? /^flowchart LR\n/ : /^This is an estimate/);
  });

  it.each([['diagram'], ['price']])(
    '%s of a lab with stacks in two Regions reads every stack in the Region it was recorded in',
    async (command) => {
      const aws = { ...deployed, labId: 'global-expansion', target: 'aws' as const, endpoint: undefined, flavor: undefined };
      recordDeployment({ ...aws, stackName: 'ShopGlobalExpansionRecovery', region: 'us-west-2', regionRole: 'secondary' }, env);
      recordDeployment({ ...aws, stackName: 'ShopGlobalExpansion', region: 'ap-northeast-2', regionRole: 'primary' }, env);
      recordDeployment({ ...aws, stackName: 'ShopGlobalExpansionReadRegion', region: 'us-west-2', regionRole: 'secondary' }, env);
      const result = await run([command, 'global-expansion', '--live', '--no-compare'], env);
      expect(result.code).toBe(ExitCode.Pass);
      expect(calls).toEqual([
        {
          endpoint: undefined,
          region: 'ap-northeast-2',
          secondaryRegion: 'us-west-2',
          stacks: ['ShopGlobalExpansionRecovery', 'ShopGlobalExpansion', 'ShopGlobalExpansionReadRegion'],
        },
      ]);
      expect(result.stderr.split('\n')[0]).toMatch(/^Checking ShopGlobalExpansion on real AWS \(account 123456789012, ap-northeast-2\)/);
      if (command === 'price') expect(result.stdout).toMatch(/^== Asia Pacific \(Seoul\) \(ap-northeast-2, primary Region\) ==\n/);
    },
  );

  it.each([['diagram'], ['price']])(
    '%s with nothing recorded: exit 2, one line in the language asked that says what to do, no AWS call',
    async (command) => {
      const en = await run([command, 'global-expansion', '--live', '--no-compare'], env);
      expect(en).toEqual({
        code: ExitCode.Usage,
        stdout: '',
        stderr:
          'No deployment of global-expansion is recorded: deploy it with npm run deploy -- global-expansion, or say where it runs with --endpoint <url> (local AWS) or --profile/--region (real AWS).\n',
      });
      const ko = await run(['--lang', 'ko', command, 'vpc-migration', '--live', '--no-compare'], env);
      expect([ko.code, ko.stderr]).toEqual([
        ExitCode.Usage,
        'vpc-migration의 배포 기록이 없습니다. npm run deploy -- vpc-migration로 배포하거나, 스택이 있는 곳을 --endpoint <url>(로컬 AWS) 또는 --profile/--region(실제 AWS)으로 지정하세요.\n',
      ]);
      expect(calls).toEqual([]);
    },
  );

  it('flags win over the record, as in check: --endpoint goes there and says nothing about the record', async () => {
    recordDeployment({ ...deployed, labId: 'vpc-migration', stackName: 'ShopVpcMigration', region: 'us-east-1' }, env);
    const result = await run(['price', 'vpc-migration', '--live', '--endpoint', 'http://127.0.0.1:4566', '--no-compare'], env);
    expect(calls).toEqual([{ endpoint: 'http://127.0.0.1:4566', region: undefined }]);
    expect(result.stderr).not.toContain('npm run deploy');
  });
});
