import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab } from '@workshop/catalog';
import { loadSource } from '..';

describe('stack tags in template mode', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-tags-'));
    const stack = (name: string, tags: unknown, environment: string) => ({
      type: 'aws:cloudformation:stack',
      environment,
      properties: { templateFile: `${name}.template.json`, stackName: name, tags },
    });
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        artifacts: {
          ShopBackupDrRecovery: stack('ShopBackupDrRecovery', ['not', 'tags'], 'aws://unknown-account/ap-northeast-1'),
          ShopBackupDr: stack(
            'ShopBackupDr',
            { 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H', odd: 3 },
            'aws://unknown-account/unknown-region',
          ),
        },
      }),
    );
    for (const name of ['ShopBackupDrRecovery', 'ShopBackupDr']) {
      fs.writeFileSync(path.join(dir, `${name}.template.json`), JSON.stringify({ Resources: {}, Outputs: { Name: { Value: name } } }));
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads each stack's tags from the cloud assembly (string values only) and its outputs from the template", async () => {
    const lab = findLab('backup-dr')!;
    const loaded = await loadSource({ kind: 'cdk-out', dir }, { lab, stackName: lab.stackName });
    expect(loaded.graph.stacks).toEqual([
      { name: 'ShopBackupDrRecovery', region: 'secondary', regionName: 'ap-northeast-1', outputs: { Name: 'ShopBackupDrRecovery' } },
      {
        name: 'ShopBackupDr',
        region: 'primary',
        outputs: { Name: 'ShopBackupDr' },
        tags: { 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H' },
      },
    ]);
  });
});
