import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, findLab, labDir } from '@workshop/catalog';
import { loadSource } from '../sources';
import { architectureOf, missingFrom } from './architecture';
import { missingLines } from './mermaid';
import { committedTarget, solutionTargets, TARGETS_COMMAND, TARGETS_FILE } from './targets';

const keys = (labId: string): string[] => committedTarget(labId)?.architecture.nodes.map((node) => node.key) ?? [];

describe('labs/architectures.generated.json', () => {
  it(`is what the solutions draw today (on a mismatch run ${TARGETS_COMMAND})`, async () => {
    const committed = JSON.parse(fs.readFileSync(TARGETS_FILE, 'utf8')) as unknown;
    expect(committed).toEqual(await solutionTargets());
  }, 300_000);

  it('says it is generated and how to write it again', () => {
    const committed = JSON.parse(fs.readFileSync(TARGETS_FILE, 'utf8')) as { $comment: string };
    expect(committed.$comment).toMatch(/^Generated .*do not edit/);
    expect(committed.$comment).toContain(TARGETS_COMMAND);
  });

  it('draws each solution with what its lab teaches: the AZs, the tiers, the database, S3, CloudFront and WAF', () => {
    expect(Object.keys(JSON.parse(fs.readFileSync(TARGETS_FILE, 'utf8')).labs)).toEqual(catalog.labs.map((lab) => lab.id));
    expect(committedTarget('on-prem-baseline')?.architecture.azs).toHaveLength(1);
    expect(keys('vpc-migration')).toEqual(
      expect.arrayContaining(['AZ 1-public', 'AZ 2-private', 'AZ 2-isolated', 'alb-external', 'web', 'alb-internal', 'app', 'database']),
    );
    expect(committedTarget('multi-az-rds')?.architecture.nodes.find((node) => node.key === 'database')?.label.en).toMatch(/Multi-AZ$/);
    expect(keys('s3-static-hosting')).toEqual(expect.arrayContaining(['buckets', 'endpoint-s3']));
    expect(keys('cloudfront-cdn')).toContain('cdn');
    expect(keys('security-review')).toEqual(expect.arrayContaining(['cdn', 'waf']));
    for (const lab of catalog.labs) {
      expect([lab.id, committedTarget(lab.id)?.mermaid.en]).toEqual([lab.id, expect.stringMatching(/^flowchart LR\n/)]);
      expect([lab.id, committedTarget(lab.id)?.mermaid.ko]).toEqual([lab.id, expect.stringContaining('인터넷')]);
    }
  });

  it("names what a lab's starter still lacks compared with the drawing", async () => {
    const lab = findLab('vpc-migration')!;
    const starter = await loadSource({ kind: 'app', dir: labDir(lab.id, 'starter') }, { lab, stackName: lab.stackName });
    const lines = missingLines(missingFrom(architectureOf(starter.graph), committedTarget(lab.id)!.architecture), 'en');
    expect(lines).toEqual(expect.arrayContaining(['ALB (internal) · 2 AZ', 'subnets span 1 AZ(s); the target spans 2']));
  }, 120_000);

  it('is undefined for a lab or a file that does not exist', () => {
    expect(committedTarget('no-such-lab')).toBeUndefined();
    expect(committedTarget('vpc-migration', path.join(os.tmpdir(), 'no-such-architectures.json'))).toBeUndefined();
  });
});
