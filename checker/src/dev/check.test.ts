import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, guidePath, labDir, readCatalog, repoRoot, type Catalog } from '@workshop/catalog';
import type { Rule } from '../rules/types';
import { devCheck, todoProblems } from './check';

const LAB = 'on-prem-baseline';

/** A stand-in for the lab's rules: the shop has its four servers (one lb, two web+app, one db). */
const hasServers: Rule = {
  id: 'has-four-servers',
  area: 'compute',
  title: { en: 'The shop runs four servers', ko: '쇼핑몰 서버가 4대입니다' },
  severity: 'high',
  points: 10,
  why: { en: 'why', ko: '이유' },
  fix: { en: 'fix', ko: '고치기' },
  guide: { lab: LAB, section: 'servers' },
  seed: { seed: '000_0cb1d160706ddd77', section: '1' },
  modes: ['template'],
  services: ['ec2'],
  evaluate: ({ graph }) =>
    graph.ofType('AWS::EC2::Instance').length >= 4
      ? { status: 'PASS', message: { en: 'four servers', ko: '서버 4대' } }
      : { status: 'FAIL', message: { en: 'servers missing', ko: '서버가 모자랍니다' } },
};

/** A one-lab repository whose starter is `starter` (a folder to copy) and whose solution is the real one. */
function fakeRepo(starter: string, markTodos: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-devcheck-'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  const catalog: Catalog = readCatalog();
  const lab = { ...findLab(LAB, catalog)!, checks: [hasServers.id] };
  fs.mkdirSync(path.join(root, 'labs'));
  fs.writeFileSync(path.join(root, 'labs', 'catalog.json'), JSON.stringify({ ...catalog, labs: [lab] }));
  const skip = (source: string): boolean => !/[/\\](node_modules|cdk\.out)([/\\]|$)/.test(source);
  fs.cpSync(starter, path.join(root, 'labs', LAB), { recursive: true, filter: skip });
  fs.cpSync(labDir(LAB, 'solution'), path.join(root, 'solutions', LAB), { recursive: true, filter: skip });
  if (markTodos) {
    for (const hint of lab.hints)
      fs.appendFileSync(path.join(root, 'labs', LAB, hint.file), `\n// TODO(${LAB}) step ${hint.step}: ${hint.en}\n`);
  }
  for (const lang of ['en', 'ko'] as const) {
    const guide = path.join(root, 'site', guidePath(LAB, lang));
    fs.mkdirSync(path.dirname(guide), { recursive: true });
    fs.writeFileSync(guide, '# guide');
  }
  return root;
}

const SOLVED = /labs\/on-prem-baseline passes every check of its own lab \(has-four-servers\): the starter is already solved/;

describe('devCheck', () => {
  it('catches a starter that is accidentally solved', () => {
    // The starter is a copy of the solution with the TODO marks added: everything else agrees.
    const steps = devCheck({ root: fakeRepo(labDir(LAB, 'solution'), true), rules: [hasServers] });
    const problems = steps.flatMap((step) => step.problems);
    expect(problems).toEqual([expect.stringMatching(SOLVED)]);
  });

  it('accepts the real starter, which still has its work to do', () => {
    const steps = devCheck({ root: fakeRepo(labDir(LAB, 'starter'), false), rules: [hasServers] });
    const starterStep = steps.find((step) => step.title.startsWith(`labs/${LAB} synthesizes`))!;
    expect(starterStep.problems).toEqual([]);
    expect(steps.find((step) => step.title.startsWith(`solutions/${LAB} passes`))!.problems).toEqual([]);
  });

  it('names the rules the registry is missing, once, and does not count their checks as passed', () => {
    const steps = devCheck({ root: fakeRepo(labDir(LAB, 'solution'), true), rules: [] });
    expect(steps[0].problems).toEqual([
      '1 rule(s) the catalog lists are missing from the registry (checker/src/rules/registry.ts): has-four-servers: write each as checker/src/rules/<area>/<id>.ts and register it.',
    ]);
    expect(steps.find((step) => step.title.startsWith(`solutions/${LAB}`))!.problems).toEqual([
      `solutions/${LAB}: 1 check(s) not verified because their rules are missing: has-four-servers.`,
    ]);
  });
});

describe('todoProblems', () => {
  it('matches each "TODO(<lab>) step N" mark with catalog hint N and its file', () => {
    const root = fakeRepo(labDir(LAB, 'solution'), false);
    const lab = findLab(LAB)!;
    // Step 1's mark goes into a file other than the one hint 1 names.
    const markFile = lab.hints[0].file === 'bin/shop.ts' ? 'lib/shop-stack.ts' : 'bin/shop.ts';
    const file = path.join(root, 'labs', LAB, markFile);
    expect(todoProblems(root, lab)[0]).toBe(`labs/${LAB} has no TODO(${LAB}) marks: mark each step the learner completes.`);
    fs.appendFileSync(file, `// TODO(${LAB}) step 1: here\n// TODO(${LAB}) step 9: extra\n`);
    fs.appendFileSync(path.join(root, 'solutions', LAB, 'lib', 'shop-stack.ts'), `// TODO(${LAB}): left over\n`);
    const problems = todoProblems(root, lab);
    expect(problems).toContain(
      `solutions/${LAB}/lib/shop-stack.ts:${fs.readFileSync(path.join(root, 'solutions', LAB, 'lib', 'shop-stack.ts'), 'utf8').split('\n').length - 1} still has a TODO(${LAB}) mark: a solution has none.`,
    );
    expect(problems).toContain(
      `labs/${LAB}/${markFile}: "TODO(${LAB}) step 9" has no catalog hint 9: add the hint to labs/catalog.json or renumber the mark.`,
    );
    expect(problems).toContain(
      `labs/${LAB}: "TODO(${LAB}) step 1" is in ${markFile} but catalog hint 1 names ${lab.hints[0].file}: move the mark or fix the hint's file.`,
    );
    expect(problems).toContain(`labs/${LAB} has no "TODO(${LAB}) step 2" mark for catalog hint 2: add it in ${lab.hints[1].file}.`);
  });
});

describe('devCheck and live-only rules', () => {
  it('lets a rule that judges live deployments only SKIP in the solution, and still requires the rest to pass', () => {
    const liveOnly: Rule = { ...hasServers, id: 'live-only', modes: ['live'] };
    const root = fakeRepo(labDir(LAB, 'solution'), true);
    const catalogFile = path.join(root, 'labs', 'catalog.json');
    const catalog = JSON.parse(fs.readFileSync(catalogFile, 'utf8'));
    catalog.labs[0].checks = [hasServers.id, liveOnly.id];
    fs.writeFileSync(catalogFile, JSON.stringify(catalog));
    const steps = devCheck({ root, rules: [hasServers, liveOnly] });
    expect(steps.find((step) => step.title.startsWith(`solutions/${LAB}`))!.problems).toEqual([]);
  });
});
