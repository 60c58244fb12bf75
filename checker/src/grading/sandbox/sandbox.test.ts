import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labDir } from '@workshop/catalog';
import { sandboxEnv, scratchIn } from './env';
import { chooseContainment, launchCommand } from './isolation';
import { synthesizeIsolated } from './synthesize';

const HOSTILE = path.join(__dirname, '..', 'testing', 'hostile');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Processes running in `dir` whose command line holds `mark` (other test files run copies of the fixtures elsewhere). */
function runningIn(dir: string, mark: string): string[] {
  return fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mark) && fs.readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false;
      }
    });
}

describe('sandboxEnv', () => {
  it('passes only the allow-list, with HOME and temp in the scratch folder and a heap cap', () => {
    const scratch = scratchIn('/s');
    const env = sandboxEnv(
      { PATH: '/bin', LANG: 'ko_KR.UTF-8', CHECKER_SIGNING_KEY: 'k', AWS_SECRET_ACCESS_KEY: 'a', GITHUB_TOKEN: 'g', CI: 'true' },
      scratch,
      256,
    );
    expect(env).toMatchObject({
      PATH: '/bin',
      LANG: 'ko_KR.UTF-8',
      HOME: '/s/home',
      TMPDIR: '/s/tmp',
      NODE_OPTIONS: '--max-old-space-size=256',
    });
    expect(Object.keys(env).filter((name) => /KEY|TOKEN|SECRET|^CI$|^AWS_(?!EC2_METADATA_DISABLED)/.test(name))).toEqual([]);
  });
});

describe('launchCommand', () => {
  it('caps data size, file size and core dumps, and seals a namespace around the command', () => {
    const limits = { dataBytes: 3, fileSizeBytes: 4 };
    expect(launchCommand({ level: 'process', prlimit: '/usr/bin/prlimit', masked: [] }, '/r/1', limits, ['node', 'x'])).toEqual([
      '/usr/bin/prlimit',
      '--data=3',
      '--fsize=4',
      '--core=0',
      '--',
      'node',
      'x',
    ]);
    const sealed = launchCommand({ level: 'namespace', masked: ['/home/t/.aws'] }, '/r/1', limits, ['node', 'x']);
    expect(sealed.slice(0, 9)).toEqual([
      'unshare',
      '--user',
      '--map-root-user',
      '--pid',
      '--fork',
      '--mount-proc',
      '--net',
      '--kill-child',
      '--',
    ]);
    expect(sealed.slice(-7)).toEqual(['seal', '/r/1', '/r/.seal-probe-1', '/home/t/.aws', '--', 'node', 'x']);
  });
});

// The process level works wherever the grader runs; the namespace level is exercised by hostile.test.ts.
(process.platform === 'linux' ? describe : describe.skip)('synthesizeIsolated at the process level', () => {
  const containment = chooseContainment('process', process.env);
  // Only fixtures that harm nothing outside their scratch folder: at this level nothing else is contained.
  const synth = (app: string, timeoutMs: number) =>
    synthesizeIsolated({
      appDir: app === 'solution' ? labDir('vpc-migration', 'solution') : path.join(HOSTILE, app),
      stackName: 'ShopVpcMigration',
      scratchDir: path.join(root, app),
      containment,
      limits: { timeoutMs, heapMb: 256 },
      graderEnv: { ...process.env, CHECKER_SIGNING_KEY: 'never-seen' },
    });

  it('returns the template, and removes the scratch folder', async () => {
    const result = await synth('solution', 30000);
    expect(result.ok && Object.keys(result.template.Resources as object)).toContain('NetworkVpc7FB7348F');
    expect(fs.existsSync(path.join(root, 'solution'))).toBe(false);
  }, 40000);

  it("hands back every stack's template, Region and stack tags when every stack is asked for", async () => {
    const result = await synthesizeIsolated({
      appDir: path.join(HOSTILE, '..', 'tags-only'),
      stackName: 'ShopBackupDr',
      scratchDir: path.join(root, 'tags-only'),
      containment,
      limits: { timeoutMs: 30000, heapMb: 256 },
      graderEnv: process.env,
      allStacks: true,
    });
    expect(result).toEqual({
      ok: true,
      template: expect.objectContaining({ Resources: expect.objectContaining({ Plan: expect.anything() }) }),
      regionName: 'ap-northeast-2',
      stackTags: { 'workshop:rto': 'PT4H' },
      others: [
        {
          stackName: 'ShopBackupDrRecovery',
          template: expect.objectContaining({ Resources: expect.objectContaining({ Vault: expect.anything() }) }),
          regionName: 'ap-northeast-1',
          stackTags: { 'workshop:rpo': 'PT24H' },
        },
      ],
    });
  }, 40000);

  it('reads a forged result as no result', async () => {
    const result = await synth('tampers-result', 30000);
    expect(!result.ok && result.error.en).toMatch(/^synth ended without a usable result/);
  }, 40000);

  it('stops a synth at the timeout with every process it started', async () => {
    // The fixture lies inside the checker's npm workspace: npx must still run the app in its own folder.
    const app = path.join(HOSTILE, 'busy-npx');
    const seen = new Set<string>();
    const watch = setInterval(() => runningIn(app, 'hostile-canary-busy').forEach((pid) => seen.add(pid)), 100);
    const result = await synth('busy-npx', 6000).finally(() => clearInterval(watch));
    expect(!result.ok && result.error.en).toMatch(/^synth did not finish within 6 s/);
    expect(seen.size).toBeGreaterThan(0);
    expect(runningIn(app, 'hostile-canary-busy')).toEqual([]);
  }, 40000);

  // Without prlimit's data limit the fixture would really take 4 GB, and an abort could dump core.
  const limited = containment.prlimit ? it : it.skip;

  limited(
    'reports a 4 GB allocation as the memory limit, however long the stack trace printed after it',
    async () => {
      const result = await synth('allocates', 30000);
      expect(!result.ok && result.error.en).toMatch(/^synth ran out of memory \(the limit is a 256 MB heap per process\)/);
    },
    40000,
  );

  limited(
    'reports a crash with the app’s last words, not a stack frame',
    async () => {
      const result = await synth('crashes', 30000);
      expect(!result.ok && result.error.en).toMatch(
        /^synth crashed \(signal SIGABRT\) before writing a template: hostile-crash: the native addon gave up: run `npx cdk synth` in the app folder/,
      );
    },
    40000,
  );
});
