import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labDir, repoRoot } from '@workshop/catalog';
import { CheckerError, ExitCode } from '../../errors';
import { appEntry, synthApp } from './synth';
import { parseTscOutput } from './typecheck';

/** A throwaway CDK app whose stack constructor body is `body`, using the workspace's aws-cdk-lib. */
function tempApp(body: string, app = 'npx tsx bin/app.ts'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-app-'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app, context: { 'shop:greeting': 'hello' } }));
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', skipLibCheck: true, types: [] },
      include: ['bin', 'lib'],
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'bin', 'app.ts'),
    "import { App } from 'aws-cdk-lib';\nimport { ShopStack } from '../lib/shop-stack';\n\nnew ShopStack(new App(), 'Shop');\n",
  );
  fs.writeFileSync(
    path.join(dir, 'lib', 'shop-stack.ts'),
    [
      "import { Stack } from 'aws-cdk-lib';",
      "import * as s3 from 'aws-cdk-lib/aws-s3';",
      "import { Construct } from 'constructs';",
      '',
      'export class ShopStack extends Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      `    ${body}`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return dir;
}

function errorOf(run: () => unknown): CheckerError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckerError);
    expect((error as CheckerError).exitCode).toBe(ExitCode.Usage);
    return error as CheckerError;
  }
  throw new Error('expected a CheckerError');
}

describe('appEntry', () => {
  it('finds the TS entry of "npx tsx" and "ts-node" commands, and leaves other commands to the CLI', () => {
    const dir = tempApp('');
    expect(appEntry(dir)).toEqual({ kind: 'entry', file: path.join(dir, 'bin', 'app.ts') });
    fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'npx ts-node --prefer-ts-exts bin/app.ts' }));
    expect(appEntry(dir)).toEqual({ kind: 'entry', file: path.join(dir, 'bin', 'app.ts') });
    fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'python3 app.py' }));
    expect(appEntry(dir)).toEqual({ kind: 'command', command: 'python3 app.py' });
  });

  it('says a folder without cdk.json is not a CDK app and what to do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-notapp-'));
    expect(errorOf(() => appEntry(dir)).message).toMatch(/is not a CDK app \(no cdk\.json\): run the checker inside a lab folder/);
  });
});

describe('synthApp', () => {
  it('synthesizes a lab solution in-process and returns the named stack', () => {
    const file = synthApp(labDir('on-prem-baseline', 'solution'), 'ShopOnPremBaseline');
    const template = file.template as { Resources: Record<string, { Type: string }> };
    expect(Object.values(template.Resources).filter((r) => r.Type === 'AWS::EC2::Instance').length).toBeGreaterThan(0);
    expect(Object.values(template.Resources).some((r) => r.Type === 'AWS::CDK::Metadata')).toBe(false);
  });

  it("applies cdk.json's context", () => {
    const dir = tempApp("new s3.Bucket(this, 'B', { bucketName: this.node.tryGetContext('shop:greeting') });");
    const template = synthApp(dir, 'Shop').template as { Resources: Record<string, { Properties: { BucketName: string } }> };
    expect(Object.values(template.Resources)[0].Properties.BucketName).toBe('hello');
  });

  it("leaves an assembly folder the app chose itself, and removes CDK's temporary one", () => {
    const dir = tempApp('');
    const outdir = path.join(dir, 'my-out');
    fs.writeFileSync(
      path.join(dir, 'bin', 'app.ts'),
      `import { App } from 'aws-cdk-lib';\nimport { ShopStack } from '../lib/shop-stack';\n\nnew ShopStack(new App({ outdir: ${JSON.stringify(outdir)} }), 'Shop');\n`,
    );
    synthApp(dir, 'Shop');
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
  });

  it('names the stacks the app has when the expected one is missing', () => {
    expect(errorOf(() => synthApp(tempApp(''), 'ShopVpcMigration')).message).toMatch(
      /^Stack ShopVpcMigration is not in the app in .* \(stacks: Shop\): name the stack ShopVpcMigration in bin\/, or pass --stack <name>\.$/,
    );
  });

  it('reports where a construct threw, with the construct path when CDK gives it', () => {
    const error = errorOf(() => synthApp(tempApp("new s3.Bucket(this, 'Media', { bucketName: 'Not_Valid' });"), 'Shop'));
    expect(error.message).toMatch(/^synth failed: .*lib\/shop-stack\.ts:8:\d+ \[Shop\/Media\]: Invalid S3 bucket name/);
  });

  it('reports the type error behind a runtime failure first', () => {
    const error = errorOf(() => synthApp(tempApp('(this as ShopStack).addBuckets();'), 'Shop'));
    expect(error.message).toMatch(
      /lib\/shop-stack\.ts:8:25: Property 'addBuckets' does not exist on type 'ShopStack'\. \(TS2339\): fix this type error \(synth then failed with: .*is not a function\)/,
    );
  });

  it('says when the entry creates no App', () => {
    const dir = tempApp('');
    fs.writeFileSync(path.join(dir, 'bin', 'app.ts'), 'export const nothing = 1;\n');
    expect(errorOf(() => synthApp(dir, 'Shop')).message).toMatch(/bin\/app\.ts did not create a cdk\.App/);
  });
});

describe('parseTscOutput', () => {
  it('keeps real type errors and drops unused-declaration ones', () => {
    const output =
      "lib/a.ts(3,7): error TS6133: 'x' is declared but its value is never read.\nlib/a.ts(4,1): error TS2304: Cannot find name 'y'.\n";
    expect(parseTscOutput(output, '/app')).toEqual(["/app/lib/a.ts:4:1: Cannot find name 'y'. (TS2304)"]);
  });
});

describe('synthApp through the CDK CLI', () => {
  it('falls back to `npx cdk synth` when the app command is not a TS/JS entry', () => {
    const dir = tempApp("new s3.Bucket(this, 'ViaCli');", 'sh -c "npx tsx bin/app.ts"');
    expect(appEntry(dir).kind).toBe('command');
    const template = synthApp(dir, 'Shop').template as { Resources: Record<string, unknown> };
    expect(Object.keys(template.Resources).some((id) => id.startsWith('ViaCli'))).toBe(true);
  });
});
