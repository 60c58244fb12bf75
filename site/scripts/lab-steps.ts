/**
 * Maintains a lab's step patches (labs/steps/<lab-id>/step-N.patch), the source of the guides' step
 * diffs and of the per-step build test:
 *   npx tsx site/scripts/lab-steps.ts export <lab-id> <dir>   writes <dir>/step-0 (the starter) ... step-N
 *   npx tsx site/scripts/lab-steps.ts record <lab-id> <dir>   rewrites every step patch from those folders
 * Export, edit the step folders (step-N must end equal to the solution), record, then run
 * `cd site && npx jest src/lab-steps.test.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findLab, labDir, repoRoot } from '@workshop/catalog';
import { applyStep, diffSources, readSources, stepPatchFile, stepsDir, writeSources, type LabSources } from '../src/lib/lab-steps';

const USAGE = 'usage: npx tsx site/scripts/lab-steps.ts <export|record> <lab-id> <dir>';

function main(): void {
  const [command, labId, dir] = process.argv.slice(2);
  if (!command || !labId || !dir || !['export', 'record'].includes(command)) throw new Error(USAGE);
  const lab = findLab(labId);
  if (!lab) throw new Error(`lab "${labId}" is not in labs/catalog.json: use one of its ids.`);
  const steps = lab.hints.map((hint) => hint.step);
  const folder = (step: number): string => path.resolve(dir, `step-${step}`);

  if (command === 'export') {
    // A step without a patch yet starts as the state before it; the last one starts as the solution.
    let sources: LabSources = readSources(labDir(labId, 'starter'));
    writeSources(folder(0), sources);
    for (const step of steps) {
      const file = stepPatchFile(labId, step);
      if (fs.existsSync(file)) sources = applyStep(sources, fs.readFileSync(file, 'utf8'), path.relative(repoRoot, file));
      else if (step === steps[steps.length - 1]) sources = readSources(labDir(labId, 'solution'));
      writeSources(folder(step), sources);
    }
    console.log(`Wrote ${steps.length + 1} step folders of ${labId} to ${path.resolve(dir)}.`);
    return;
  }

  fs.mkdirSync(stepsDir(labId), { recursive: true });
  for (const [index, step] of steps.entries()) {
    const before = index === 0 ? 0 : steps[index - 1];
    for (const needed of [before, step]) {
      if (!fs.existsSync(folder(needed))) throw new Error(`${folder(needed)} is missing: run export first.`);
    }
    const patch = diffSources(readSources(folder(before)), readSources(folder(step)));
    if (patch === '') throw new Error(`step ${step} of ${labId} changes nothing: make step-${step} differ from step-${before}.`);
    fs.writeFileSync(stepPatchFile(labId, step), patch);
  }
  console.log(`Recorded ${steps.length} step patches of ${labId} in ${path.relative(repoRoot, stepsDir(labId))}.`);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
