import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { findLab } from '@workshop/catalog';
import { stackGraph } from '../rules/fixtures/grown-shop';
import { backupDrTemplates, labGraph } from '../rules/fixtures/two-region-shop';
import type { NagFinding } from '../rules/types';
import { cdkNagAwsSolutions } from '../rules/security/cdk-nag-aws-solutions';
import { noOpenIngress } from '../rules/security/no-open-ingress';
import { analysesInChild, analysesOf, analysisCacheDir, prepareAnalyses } from './analyses';
import { rules } from '../rules';
import { judgeRule } from './run';

const openSsh = () =>
  stackGraph((stack) => {
    new ec2.CfnSecurityGroup(stack, 'Open', {
      groupDescription: 'Open SSH',
      vpcId: 'vpc-12345678',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
    });
  });

describe('prepared analyses', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-analyses-'));
  });
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('runs cdk-nag only for the rules that ask for it', () => {
    expect(prepareAnalyses([noOpenIngress], openSsh(), cacheDir)).toEqual({});
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('caches cdk-nag findings by template hash: the same template is read from the cache, not analysed again', () => {
    const graph = openSsh();
    const first = prepareAnalyses([cdkNagAwsSolutions], graph, cacheDir);
    expect(first.cdkNag).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'AwsSolutions-EC23', resource: 'Open' })]));
    const [file] = fs.readdirSync(path.join(cacheDir, 'cdk-nag'));
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
    // A planted entry proves the second run reads the cache instead of running cdk-nag.
    fs.writeFileSync(
      path.join(cacheDir, 'cdk-nag', file),
      JSON.stringify([{ id: 'AwsSolutions-X1', resource: 'Open', description: 'cached' }]),
    );
    expect(prepareAnalyses([cdkNagAwsSolutions], openSsh(), cacheDir).cdkNag).toEqual([
      { id: 'AwsSolutions-X1', resource: 'Open', description: 'cached' },
    ]);
  });

  it('uses and caches the findings the synth child reported, without running cdk-nag here', () => {
    const reported = [{ id: 'AwsSolutions-X2', resource: 'Open', description: 'from the child' }];
    expect(prepareAnalyses([cdkNagAwsSolutions], openSsh(), cacheDir, { cdkNag: reported }).cdkNag).toEqual(reported);
    // The next check of the same template reads them from the cache.
    expect(prepareAnalyses([cdkNagAwsSolutions], openSsh(), cacheDir).cdkNag).toEqual(reported);
  });

  it('runs cdk-nag itself when what the child reported is not a list of findings', () => {
    const malformed = { cdkNag: [{ id: 'AwsSolutions-X3', resource: 7 }] } as never;
    const prepared = prepareAnalyses([cdkNagAwsSolutions], openSsh(), cacheDir, malformed);
    expect(prepared.cdkNag).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'AwsSolutions-EC23', resource: 'Open' })]));
  });

  it('in the synth child, computes only the analyses asked for and not cached yet', () => {
    expect(analysesInChild([], openSsh(), cacheDir)).toEqual({});
    const computed = analysesInChild(['cdkNag'], openSsh(), cacheDir);
    expect(computed.cdkNag).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'AwsSolutions-EC23', resource: 'Open' })]));
    // The child never writes the cache: the parent checks the findings and stores them.
    expect(fs.readdirSync(cacheDir)).toEqual([]);
    prepareAnalyses([cdkNagAwsSolutions], openSsh(), cacheDir, computed);
    expect(analysesInChild(['cdkNag'], openSsh(), cacheDir)).toEqual({});
  });

  it('asks the synth child for cdk-nag only for the labs whose template checks read it', () => {
    expect(analysesOf(rules, findLab('security-review')!, 'template')).toEqual(['cdkNag']);
    expect(analysesOf(rules, findLab('vpc-migration')!, 'template')).toEqual([]);
    expect(analysesOf(rules, findLab('security-review')!, 'live')).toEqual([]);
  });

  it('follows references inside every stack of a lab: the recovery bucket whose policy requires TLS gets no S10', () => {
    const { cdkNag } = prepareAnalyses([cdkNagAwsSolutions], labGraph('backup-dr', backupDrTemplates()), cacheDir);
    const findings = cdkNag as NagFinding[];
    expect(findings.filter((finding) => finding.id === 'AwsSolutions-S10')).toEqual([]);
    // The other stack's findings are named by graph ids again (its acknowledged server access logs finding).
    expect(findings).toContainEqual(
      expect.objectContaining({ id: 'AwsSolutions-S1', resource: expect.stringMatching(/^ShopBackupDrRecovery\/MediaReplica/) }),
    );
  }, 60_000);

  it('reports an analysis that cannot run as that rule’s ERROR, not the run’s', () => {
    const lab = findLab('security-review')!;
    const outcome = judgeRule(cdkNagAwsSolutions, { graph: openSsh(), lab, analyses: { cdkNag: { error: 'cdk-nag is not installed' } } });
    expect(outcome.status).toBe('ERROR');
    expect(outcome.message.en).toBe('cannot evaluate: cdk-nag could not run: cdk-nag is not installed');
  });

  it('keeps its cache in .workshop/cache, or under WORKSHOP_DIR', () => {
    expect(analysisCacheDir({})).toMatch(/\.workshop[/\\]cache$/);
    expect(analysisCacheDir({ WORKSHOP_DIR: '/tmp/ws' })).toBe(path.join('/tmp/ws', 'cache'));
  });
});
