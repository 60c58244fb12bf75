import fs from 'node:fs';
import path from 'node:path';
import { workerEnv } from './grade-class';

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
