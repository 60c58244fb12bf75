import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labDir } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';
import { sourceHash } from './files';
import { progressPath, readProgress, rememberCheck } from './record';

function report(kind: 'template' | 'live', fail: number): CheckReport {
  return {
    schemaVersion: 1,
    checkerVersion: '0.1.0',
    lab: { id: 'vpc-migration', title: { en: 'VPC', ko: 'VPC' }, stackName: 'ShopVpcMigration' },
    source:
      kind === 'live'
        ? { kind, description: 'stack ShopVpcMigration at http://127.0.0.1:4566', target: 'emulator' }
        : { kind, description: 'app' },
    lang: 'en',
    startedAt: '2026-12-05T00:00:00.000Z',
    durationMs: 10,
    results: [],
    score: { points: fail ? 40 : 100, maxPoints: 100 },
    summary: { PASS: 3, FAIL: fail, SKIP: 0, ERROR: 0 },
  };
}

describe('rememberCheck', () => {
  let env: Record<string, string>;
  beforeEach(() => {
    env = { WORKSHOP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'checker-record-')) };
  });

  it("records template checks of the learner's starter with its sources' hash, and every live check", () => {
    rememberCheck(report('template', 2), labDir('vpc-migration', 'starter'), env);
    rememberCheck(report('live', 0), undefined, env);
    expect(readProgress(env)['vpc-migration']).toEqual({
      template: expect.objectContaining({ verdict: 'fail', points: 40, sourceHash: sourceHash(labDir('vpc-migration', 'starter')) }),
      live: expect.objectContaining({ verdict: 'pass', target: 'emulator', source: 'stack ShopVpcMigration at http://127.0.0.1:4566' }),
    });
  });

  it('leaves other apps (solutions, copies) out of the learner record', () => {
    rememberCheck(report('template', 0), labDir('vpc-migration', 'solution'), env);
    expect(fs.existsSync(progressPath(env))).toBe(false);
  });

  it('reads a damaged record as none, and never fails a check it cannot record', () => {
    fs.writeFileSync(progressPath(env), '{ not json');
    expect(readProgress(env)).toEqual({});
    const readOnly = { WORKSHOP_DIR: path.join(progressPath(env), 'inside-a-file') };
    expect(() => rememberCheck(report('live', 0), undefined, readOnly)).not.toThrow();
  });
});
