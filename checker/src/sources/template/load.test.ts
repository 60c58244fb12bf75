import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CheckerError } from '../../errors';
import { assemblyStacks, loadCdkOut, loadTemplateFile } from './load';

function cloudAssembly(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-load-'));
  const app = new App({ outdir });
  new s3.Bucket(new Stack(app, 'ShopTop'), 'Top');
  const stage = new Stage(app, 'Prod');
  new s3.Bucket(new Stack(stage, 'ShopInStage', { stackName: 'ShopNested' }), 'Nested');
  app.synth();
  return outdir;
}

describe('cloud assembly loading', () => {
  const dir = cloudAssembly();

  it('lists the stacks of nested stage assemblies too', () => {
    expect(assemblyStacks(dir).map((stack) => [stack.stackName, stack.displayName])).toEqual([
      ['ShopNested', 'Prod/ShopInStage'],
      ['ShopTop', 'ShopTop'],
    ]);
  });

  it('reads a stack by deployed name or display name', () => {
    const nested = loadCdkOut(dir, 'ShopNested').template as { Resources: Record<string, { Type: string }> };
    expect(Object.values(nested.Resources).map((r) => r.Type)).toContain('AWS::S3::Bucket');
    expect(loadCdkOut(dir, 'Prod/ShopInStage').sha256).toHaveLength(64);
  });

  it('names the stacks there are when the one asked for is missing', () => {
    expect(() => loadCdkOut(dir, 'ShopVpcMigration')).toThrow(CheckerError);
    expect(() => loadCdkOut(dir, 'ShopVpcMigration')).toThrow(
      /^Stack ShopVpcMigration is not in .* \(stacks: Prod\/ShopInStage, ShopTop\): .*--stack/,
    );
  });

  it('says what to do when the folder is not a cloud assembly or does not exist', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-empty-'));
    expect(() => loadCdkOut(empty, 'X')).toThrow(/is not a cloud assembly \(no manifest\.json\): pass the cdk\.out folder/);
    expect(() => loadCdkOut(path.join(empty, 'nope'), 'X')).toThrow(/does not exist: run `npx cdk synth` first/);
  });
});

describe('loadTemplateFile', () => {
  it('says what to do for a missing file and for a folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-tpl-'));
    expect(() => loadTemplateFile(path.join(dir, 'missing.yaml'))).toThrow(
      /^The template .*missing\.yaml does not exist: check the path\.$/,
    );
    expect(() => loadTemplateFile(dir)).toThrow(/is a folder, not a template file: .*--cdk-out/);
  });
});
