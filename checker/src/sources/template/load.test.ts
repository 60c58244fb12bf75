import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CheckerError } from '../../errors';
import { assemblyStacks, loadCdkOut, loadTemplateFile } from './load';
import { MAX_ASSEMBLY_DEPTH } from './limits';

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

describe('cloud assembly limits', () => {
  function manifest(dir: string, artifacts: object): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ artifacts }));
  }
  const nested = (directoryName: string): object => ({ type: 'cdk:cloud-assembly', properties: { directoryName } });

  it('refuses a nested assembly that leads back to itself or to an outer one, in one line', () => {
    const self = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-loop-'));
    manifest(self, { Self: nested('.') });
    expect(() => assemblyStacks(self)).toThrow(
      /manifest\.json: nested assembly Self \(\.\) leads back to an assembly that contains it: synthesize the app again into an empty folder\.$/,
    );
    const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-loop-'));
    manifest(outer, { Inner: nested('inner') });
    manifest(path.join(outer, 'inner'), { Back: nested('..') });
    expect(() => assemblyStacks(outer)).toThrow(/inner\/manifest\.json: nested assembly Back \(\.\.\) leads back/);
  });

  it(`refuses assemblies nested more than ${MAX_ASSEMBLY_DEPTH} levels deep`, () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-deep-'));
    let dir = top;
    for (let i = 0; i < MAX_ASSEMBLY_DEPTH + 1; i++, dir = path.join(dir, 'n')) manifest(dir, { Next: nested('n') });
    manifest(dir, {});
    expect(() => assemblyStacks(top)).toThrow(new RegExp(`nested assembly Next \\(n\\) nests more than ${MAX_ASSEMBLY_DEPTH} levels deep`));
  });

  it('says when --cdk-out is a file, and what to pass instead', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checker-file-')), 'shop.template.json');
    fs.writeFileSync(file, '{}');
    expect(() => loadCdkOut(file, 'X')).toThrow(
      /shop\.template\.json is a file, not a cdk\.out folder: pass a template file with --template/,
    );
  });
});

describe('a hand-edited manifest', () => {
  it('skips entries that are not stacks instead of crashing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-odd-'));
    const artifacts = {
      Null: null,
      NumberFile: { type: 'aws:cloudformation:stack', properties: { templateFile: 5 } },
      NumberDir: { type: 'cdk:cloud-assembly', properties: { directoryName: [] } },
      Shop: { type: 'aws:cloudformation:stack', displayName: 7, properties: { templateFile: 'Shop.template.json' } },
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ artifacts }));
    expect(assemblyStacks(dir).map((stack) => [stack.stackName, stack.displayName])).toEqual([['Shop', 'Shop']]);
    fs.writeFileSync(path.join(dir, 'manifest.json'), 'null');
    expect(assemblyStacks(dir)).toEqual([]);
  });
});
