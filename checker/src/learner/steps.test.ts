import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, labDir } from '@workshop/catalog';
import { appSourceFiles, isAppSource, sourceHash } from './files';
import { currentStep, stepMarks } from './steps';

describe('stepMarks and currentStep', () => {
  const lab = findLab('vpc-migration')!;

  it("finds every catalog hint's mark in the starter and starts at step 1", () => {
    const marks = stepMarks(labDir(lab.id, 'starter'), lab.id);
    expect([...new Set(marks.map((mark) => mark.step))]).toEqual(lab.hints.map((hint) => hint.step).sort((a, b) => a - b));
    const step = currentStep(lab, labDir(lab.id, 'starter'))!;
    expect(step).toMatchObject({ hint: { step: 1 }, mark: { file: lab.hints[0].file }, done: 0, total: lab.hints.length });
  });

  it('moves on when a mark is deleted, and has no step in the solution', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-steps-'));
    fs.cpSync(labDir(lab.id, 'starter'), dir, { recursive: true });
    const network = path.join(dir, 'lib', 'network.ts');
    fs.writeFileSync(network, fs.readFileSync(network, 'utf8').replace(/^.*TODO\(vpc-migration\) step 1.*\n/m, ''));
    expect(currentStep(lab, dir)).toMatchObject({ hint: { step: 2 }, done: 1 });
    expect(currentStep(lab, labDir(lab.id, 'solution'))).toBeUndefined();
  });
});

describe('app sources', () => {
  it('are the files that can change the template: not tests, declarations, dependencies, build output or dotfiles', () => {
    expect(['lib/a.ts', 'bin/shop.ts', 'cdk.json', 'lib/x/y.js'].every(isAppSource)).toBe(true);
    for (const file of [
      'test/a.test.ts',
      'lib/a.d.ts',
      'node_modules/x/index.js',
      'cdk.out/t.json',
      '.a.ts.swp',
      'lib/.#a.ts',
      'package-lock.json',
      'README.md',
    ])
      expect(isAppSource(file)).toBe(false);
    expect(appSourceFiles(labDir('vpc-migration', 'starter'))).toEqual(
      expect.arrayContaining(['bin/shop.ts', 'cdk.json', 'lib/network.ts']),
    );
  });

  it('hash equal for equal sources and different after an edit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-hash-'));
    fs.cpSync(labDir('vpc-migration', 'starter'), dir, { recursive: true });
    expect(sourceHash(dir)).toBe(sourceHash(labDir('vpc-migration', 'starter')));
    fs.appendFileSync(path.join(dir, 'lib', 'network.ts'), '\n');
    expect(sourceHash(dir)).not.toBe(sourceHash(labDir('vpc-migration', 'starter')));
  });
});
