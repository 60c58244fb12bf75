import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordDeployment } from '@workshop/local';
import { ExitCode } from '../errors';
import { ResourceGraph } from '../model/graph';
import { runMain } from './test-run';

/** The live loader, replaced: it records where it was sent and loads an empty stack. */
const calls: { endpoint?: string; region?: string; profile?: string }[] = [];
jest.mock('../sources/live/index', () => ({
  loadLiveGraph: async (options: { endpoint?: string; region?: string; profile?: string }) => {
    calls.push({ endpoint: options.endpoint, region: options.region, profile: options.profile });
    return { graph: new ResourceGraph('live', []), source: { kind: 'live', description: 'stack ShopVpcMigration', target: 'emulator' } };
  },
}));

const run = (argv: string[], env: Record<string, string>) => runMain(argv, env);

describe('checker check <lab> --live without an endpoint', () => {
  let env: Record<string, string>;
  beforeEach(() => {
    calls.length = 0;
    env = { WORKSHOP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'checker-check-live-')) };
  });
  afterEach(() => fs.rmSync(env.WORKSHOP_DIR, { recursive: true, force: true }));

  const deployedLocally = () =>
    recordDeployment(
      {
        labId: 'vpc-migration',
        stackName: 'ShopVpcMigration',
        app: 'starter',
        target: 'local',
        endpoint: 'http://127.0.0.1:4599',
        flavor: 'moto 5.2.5',
        region: 'us-east-1',
        account: '123456789012',
        deployedAt: '2026-12-05T00:00:00.000Z',
      },
      env,
    );

  it('goes to the local endpoint npm run deploy recorded and says so on the first line; JSON on stdout stays JSON', async () => {
    deployedLocally();
    const result = await run(['check', 'vpc-migration', '--live', '--reporter', 'json'], env);
    expect(calls).toEqual([{ endpoint: 'http://127.0.0.1:4599', region: undefined, profile: undefined }]);
    expect(result.stderr.split('\n')[0]).toBe(
      'Checking ShopVpcMigration on local AWS at http://127.0.0.1:4599 (moto 5.2.5), where npm run deploy put the starter; for real AWS pass --profile or --region.',
    );
    expect(result.stderr).not.toContain('NodeVersionSupportWarning');
    expect(JSON.parse(result.stdout).lab.id).toBe('vpc-migration');
  });

  it('goes to real AWS only when asked: --region or --profile', async () => {
    deployedLocally();
    await run(['check', 'vpc-migration', '--live', '--region', 'ap-northeast-2', '--quiet'], env);
    await run(['check', 'vpc-migration', '--live', '--profile', 'class', '--quiet'], env);
    expect(calls).toEqual([
      { endpoint: undefined, region: 'ap-northeast-2', profile: undefined },
      { endpoint: undefined, region: undefined, profile: 'class' },
    ]);
  });

  it('with no deployment recorded: exit 2 and one line that says how to deploy or where to point, no AWS call', async () => {
    const result = await run(['check', 'vpc-migration', '--live'], env);
    expect(result).toEqual({
      code: ExitCode.Usage,
      stdout: '',
      stderr:
        'No deployment of vpc-migration is recorded: deploy it with npm run deploy -- vpc-migration, or say where it runs with --endpoint <url> (local AWS) or --profile/--region (real AWS).\n',
    });
    expect(calls).toEqual([]);
  });
});
