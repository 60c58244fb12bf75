import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';
import { prepareAnalyses } from '../../src/engine/analyses';
import { runChecks } from '../../src/engine/run';
import { isRef, isTokenString, type Resource } from '../../src/model/types';
import type { ResourceGraph } from '../../src/model/graph';
import { rules } from '../../src/rules';
import { cdkNagAwsSolutions } from '../../src/rules/security/cdk-nag-aws-solutions';
import { checkTemplate, synthLearnerApp } from '../../src/learner/app';
import { architectureOf } from '../../src/views/architecture';
import { toMermaid } from '../../src/views/mermaid';
import { loadSource, type LoadedSource } from '../../src/sources';
import { twoRegionAppDir, twoRegionLab } from './lab';

const lab = twoRegionLab;
const options = { lab, stackName: lab.stackName };

/** The statement of the copy role's policy that names the recovery bucket (through the parameter). */
function replicateResource(graph: ResourceGraph): unknown {
  const policy = graph.ofType('AWS::IAM::Policy').find((resource) => resource.stack === 'ShopTwin') as Resource;
  const statements = (graph.prop(policy, 'PolicyDocument.Statement') as Array<Record<string, unknown>>) ?? [];
  return statements.find((statement) => statement.Action === 's3:ReplicateObject')?.Resource;
}

/** What every template-mode load of the fixture must give: both stacks, each resource placed, the parameter resolved. */
function expectBothStacks(loaded: LoadedSource): void {
  const { graph } = loaded;
  expect(graph.stacks).toMatchObject([
    { name: 'ShopTwinRecovery', region: 'secondary', regionName: 'ap-northeast-1' },
    { name: 'ShopTwin', region: 'primary' },
  ]);
  const replica = graph.get('ShopTwinRecovery/ReplicaBucket') as Resource;
  expect(replica).toMatchObject({ type: 'AWS::S3::Bucket', stack: 'ShopTwinRecovery', region: 'secondary' });
  expect(graph.placement(replica)).toEqual({ stack: 'ShopTwinRecovery', region: 'secondary', regionName: 'ap-northeast-1' });
  const media = graph.ofType('AWS::S3::Bucket').find((bucket) => bucket.stack === 'ShopTwin') as Resource;
  // The main stack keeps its logical ids: rules of earlier labs name resources as before.
  expect(media.id).toMatch(/^MediaBucket[0-9A-F]{8}$/);
  expect(graph.placement(media)).toEqual({ stack: 'ShopTwin', region: 'primary' });

  // The parameter filled from the recovery stack's output is that output's value: a reference to the other stack's bucket.
  const target = replicateResource(graph);
  expect(isTokenString(target)).toBe(true);
  expect(graph.refsIn(target).map((resource) => resource.id)).toEqual(['ShopTwinRecovery/ReplicaBucket']);
  const [first] = isTokenString(target) ? target.$join : [];
  expect(isRef(first) && first).toEqual({ $ref: 'ShopTwinRecovery/ReplicaBucket', attribute: 'Arn' });
  const other = graph.refsIn(target)[0];
  expect(graph.placement(other).region).not.toBe(graph.placement(media).region);
}

describe('a lab with two stacks in two Regions, in template mode', () => {
  let assembly: string;
  beforeAll(() => {
    assembly = fs.mkdtempSync(path.join(os.tmpdir(), 'two-region-out-'));
    const cdk = path.join(repoRoot, 'node_modules', '.bin', 'cdk');
    const synth = spawnSync(cdk, ['synth', '-q', '--no-notices', '-o', assembly], {
      cwd: twoRegionAppDir,
      encoding: 'utf8',
      env: { ...process.env, CDK_VALIDATION: 'false', CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
    if (synth.status !== 0) throw new Error(`cdk synth failed: ${synth.stderr}`);
  }, 60_000);
  afterAll(() => fs.rmSync(assembly, { recursive: true, force: true }));

  test('--app synthesizes once and loads both stacks, each resource with its stack and Region', async () => {
    const loaded = await loadSource({ kind: 'app', dir: twoRegionAppDir }, options);
    expectBothStacks(loaded);
    expect(loaded.notes).toBeUndefined();
  }, 60_000);

  test('--cdk-out loads every stack of the assembly, the Region from each stack environment', async () => {
    const loaded = await loadSource({ kind: 'cdk-out', dir: assembly }, options);
    expectBothStacks(loaded);
    expect(loaded.source.templateSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the graph resolves again with deploy-time values and keeps both stacks', async () => {
    const loaded = await loadSource({ kind: 'cdk-out', dir: assembly }, options);
    const again = loaded.graph.withParameters?.({ Unused: 'x' }) as ResourceGraph;
    expect(again.stacks).toEqual(loaded.graph.stacks);
    expect(again.all().map((resource) => resource.id)).toEqual(loaded.graph.all().map((resource) => resource.id));
  });

  test('a template file holds one stack: it is read as the main stack, with a note naming the stacks it cannot see', async () => {
    const loaded = await loadSource({ kind: 'template', file: path.join(assembly, 'ShopTwin.template.json') }, options);
    expect(loaded.graph.stacks).toMatchObject([{ name: 'ShopTwin', region: 'primary' }]);
    expect(loaded.graph.all().every((resource) => resource.stack === 'ShopTwin')).toBe(true);
    expect(loaded.notes?.[0].en).toBe(
      'Lab two-region-fixture has 2 stacks; a template file holds one, read as ShopTwin: rules about ShopTwinRecovery cannot see them. Check the app (--app) or its cdk.out (--cdk-out) to read every stack.',
    );
    expect(loaded.notes?.[0].ko).toContain('ShopTwinRecovery에 관한 규칙은');
    // Without the producing stack the parameter stays unknown (never a deploy-time value to try), and says why.
    const target = replicateResource(loaded.graph);
    expect(isTokenString(target) && target.$join[0]).toEqual({
      $unresolved: 'parameter ReplicaBucketArn takes output ReplicaBucketArn of stack ShopTwinRecovery, which is not among the stacks read',
    });
  });

  test('rules judge every stack: a security group of the second Region is named with its stack', async () => {
    const loaded = await loadSource({ kind: 'cdk-out', dir: assembly }, options);
    const report = runChecks({ lab, loaded, rules, lang: 'en' });
    expect(report.results[0]).toMatchObject({ ruleId: 'no-open-ingress', status: 'FAIL' });
    expect(report.results[0].message.en).toContain('ShopTwinRecovery/OpenGroup');
  });

  test('cdk-nag findings in another stack name the resource by its graph id', async () => {
    const loaded = await loadSource({ kind: 'cdk-out', dir: assembly }, options);
    const { cdkNag } = prepareAnalyses([cdkNagAwsSolutions], loaded.graph, path.join(assembly, 'cache'));
    const named = Array.isArray(cdkNag)
      ? cdkNag.filter((finding) => finding.id === 'AwsSolutions-EC23').map((finding) => finding.resource)
      : cdkNag;
    expect(named).toEqual(['ShopTwinRecovery/OpenGroup']);
  }, 60_000);

  test('the architecture drawing counts the resources of both stacks', async () => {
    const loaded = await loadSource({ kind: 'cdk-out', dir: assembly }, options);
    expect(toMermaid(architectureOf(loaded.graph), 'en')).toContain('buckets["S3 buckets ×2"]');
  });

  test('watch and progress synthesize in-process and judge both stacks', () => {
    const report = checkTemplate(lab, synthLearnerApp(lab, twoRegionAppDir), twoRegionAppDir, 'en');
    expect(report.results[0]).toMatchObject({ ruleId: 'no-open-ingress', status: 'FAIL' });
    expect(report.results[0].message.en).toContain('ShopTwinRecovery/OpenGroup');
  }, 60_000);
});
