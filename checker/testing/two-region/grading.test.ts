import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gradeClass } from '../../src/grading/grade-class';
import type { Student } from '../../src/grading/roster';
import { chooseContainment } from '../../src/grading/sandbox/isolation';
import { synthesizeIsolated } from '../../src/grading/sandbox/synthesize';
import { twoRegionAppDir, twoRegionLab } from './lab';

// Grading an app folder of a lab with two stacks: the sandbox synthesizes the app once and hands back every stack.
(process.platform === 'linux' ? describe : describe.skip)('grading a lab with two stacks in two Regions', () => {
  const containment = chooseContainment('process', process.env);
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'two-region-grade-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the sandbox hands back the main template and, asked for every stack, the others with their Regions', async () => {
    const synth = (allStacks: boolean) =>
      synthesizeIsolated({
        appDir: twoRegionAppDir,
        stackName: 'ShopTwin',
        scratchDir: path.join(root, allStacks ? 'all' : 'one'),
        containment,
        limits: { timeoutMs: 60_000, heapMb: 1024 },
        graderEnv: process.env,
        allStacks,
      });
    const one = await synth(false);
    expect(one.ok && one.others).toBeUndefined();
    const all = await synth(true);
    if (!all.ok) throw new Error(all.error.en);
    expect(Object.keys(all.template.Parameters as object)).toContain('ReplicaBucketArn');
    expect(all.others?.map(({ stackName, regionName }) => ({ stackName, regionName }))).toEqual([
      { stackName: 'ShopTwinRecovery', regionName: 'ap-northeast-1' },
    ]);
  }, 120_000);

  it('a student app folder is graded over both stacks', async () => {
    const student: Student = { id: 's1', name: 'One', line: 2, targetText: 'app', target: { kind: 'app', dir: twoRegionAppDir } };
    const graded = await gradeClass({
      lab: twoRegionLab,
      students: [student],
      lang: 'en',
      concurrency: 1,
      timeoutMs: 60_000,
      heapMb: 1024,
      containment,
      guideBaseUrl: '',
      env: { ...process.env, WORKSHOP_DIR: path.join(root, 'workshop') },
    });
    const report = graded.students[0].report;
    if (!report) throw new Error(JSON.stringify(graded.students[0].error));
    expect(report.results[0]).toMatchObject({ ruleId: 'no-open-ingress', status: 'FAIL' });
    expect(report.results[0].message.en).toContain('ShopTwinRecovery/OpenGroup');
    expect(report.source.templateSha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);
});
