import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab } from '@workshop/catalog';
import { analysisCacheDir, prepareAnalyses } from '../engine/analyses';
import { cdkNagAwsSolutions } from '../rules/security/cdk-nag-aws-solutions';
import { fromTemplate } from '../sources';
import { loadTemplateFile } from '../sources/template/load';
import { gradeClass, workerEnv } from './grade-class';
import type { Student } from './roster';

describe('workerEnv', () => {
  it("lends the checker's aws-cdk-lib to live workers, after the grader's NODE_PATH, and leaves the signing key out", () => {
    const env = workerEnv({ NODE_PATH: '/opt/lib', CDK_VALIDATION: 'true', HOME: '/home/grader', CHECKER_SIGNING_KEY: 'secret' });
    const [first, lent] = env.NODE_PATH!.split(path.delimiter);
    expect(first).toBe('/opt/lib');
    expect(fs.existsSync(path.join(lent, 'aws-cdk-lib', 'package.json'))).toBe(true);
    expect(env).toMatchObject({
      CDK_VALIDATION: 'true',
      CDK_DISABLE_VERSION_CHECK: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
      HOME: '/home/grader',
    });
    expect(env).not.toHaveProperty('CHECKER_SIGNING_KEY');
  });

  it('turns CDK validation off unless the grader asked for it', () => {
    expect(workerEnv({}).CDK_VALIDATION).toBe('false');
  });
});

describe('gradeClass and prepared analyses', () => {
  const saved = process.env.WORKSHOP_DIR;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-grade-nag-'));
    process.env.WORKSHOP_DIR = path.join(dir, 'workshop');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.WORKSHOP_DIR;
    else process.env.WORKSHOP_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never takes cdk-nag findings from a synth child: what `check --app` cached from one is not read, the grader runs cdk-nag itself', async () => {
    const lab = findLab('security-review')!;
    const file = path.join(dir, 'open.json');
    const ingress = [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }];
    fs.writeFileSync(
      file,
      JSON.stringify({
        Resources: { Open: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'open', SecurityGroupIngress: ingress } } },
      }),
    );
    // What `check --app` stores when its synth child (which runs the app's code) reports no finding for this template.
    const loaded = fromTemplate(loadTemplateFile(file), 'template', lab.stackName);
    expect(prepareAnalyses([cdkNagAwsSolutions], loaded.graph, analysisCacheDir(), { cdkNag: [] }).cdkNag).toEqual([]);
    expect(prepareAnalyses([cdkNagAwsSolutions], loaded.graph).cdkNag).toEqual([]);

    const student: Student = { id: 's1', name: 'One', line: 2, targetText: 'open.json', target: { kind: 'template', file } };
    const graded = await gradeClass({
      lab,
      students: [student],
      lang: 'en',
      concurrency: 1,
      timeoutMs: 60_000,
      heapMb: 1024,
      guideBaseUrl: '',
      env: process.env,
    });
    const nag = graded.students[0].report?.results.find((result) => result.ruleId === cdkNagAwsSolutions.id);
    expect(nag?.status).toBe('FAIL');
    expect(nag?.message.en).toContain('AwsSolutions-EC23 on Open');
  });
});
