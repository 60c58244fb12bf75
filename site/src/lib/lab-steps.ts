import fs from 'node:fs';
import path from 'node:path';
import { applyPatch, FILE_HEADERS_ONLY, formatPatch, parsePatch, structuredPatch, type StructuredPatch } from 'diff';
import { findLab, labDir, repoRoot } from '@workshop/catalog';

/**
 * The folders of a lab app that its steps change: the CDK app, and the source of a service the app deploys
 * (event-ready's shop API). Package files and READMEs stay as they are.
 */
export const STEP_FOLDERS = ['bin', 'lib', 'service/src'] as const;

/** The files of a lab app's step folders: path inside the lab ("lib/tiers.ts") → text. */
export type LabSources = Map<string, string>;

/** The folder holding a lab's step patches, one unified diff per catalog hint. */
export function stepsDir(lab: string, root: string = repoRoot): string {
  return path.join(root, 'labs', 'steps', lab);
}

/** The patch of one step: what the learner changes for the catalog hint with that step number. */
export function stepPatchFile(lab: string, step: number, root: string = repoRoot): string {
  return path.join(stepsDir(lab, root), `step-${step}.patch`);
}

/** Reads every file under the step folders of an app folder. */
export function readSources(dir: string): LabSources {
  const sources: LabSources = new Map();
  const walk = (relative: string): void => {
    const full = path.join(dir, relative);
    if (!fs.existsSync(full)) return;
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else sources.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  for (const folder of STEP_FOLDERS) walk(folder);
  return new Map([...sources].sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes sources into an app folder (their parent folders are created). */
export function writeSources(dir: string, sources: LabSources): void {
  for (const [file, text] of sources) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

const stripPrefix = (name: string | undefined): string | undefined =>
  name === undefined || name === '/dev/null' ? undefined : name.replace(/^[ab]\//, '');

/** The files a patch changes, each with its path inside the lab and its hunks. */
export function patchFiles(patch: string): Array<{ file: string; diff: StructuredPatch }> {
  return parsePatch(patch).map((diff) => {
    const file = stripPrefix(diff.newFileName) ?? stripPrefix(diff.oldFileName);
    if (!file) throw new Error('a file in the patch has neither an old nor a new name.');
    return { file, diff };
  });
}

/** Applies one step's patch; `where` names the patch in the one-line error when a change no longer applies. */
export function applyStep(sources: LabSources, patch: string, where: string): LabSources {
  const next = new Map(sources);
  const files = patchFiles(patch);
  if (files.length === 0) throw new Error(`${where} changes no file: record the step's change into it.`);
  for (const { file, diff } of files) {
    const deleted = diff.newFileName === '/dev/null';
    const before = diff.oldFileName === '/dev/null' ? '' : sources.get(file);
    if (before === undefined) throw new Error(`${where} changes ${file}, which the app does not have at that step.`);
    const after = applyPatch(before, diff);
    if (after === false) {
      throw new Error(`${where} no longer applies to ${file} (the file changed since the step was recorded): re-record the steps.`);
    }
    if (deleted) next.delete(file);
    else next.set(file, after);
  }
  return new Map([...next].sort(([a], [b]) => a.localeCompare(b)));
}

/** The patch that turns one set of sources into another, with three lines of context, files in path order. */
export function diffSources(before: LabSources, after: LabSources): string {
  const files = [...new Set([...before.keys(), ...after.keys()])].sort();
  const diffs = files
    .filter((file) => before.get(file) !== after.get(file))
    .map((file) =>
      structuredPatch(
        before.has(file) ? `a/${file}` : '/dev/null',
        after.has(file) ? `b/${file}` : '/dev/null',
        before.get(file) ?? '',
        after.get(file) ?? '',
        '',
        '',
        { context: 3 },
      ),
    );
  // A trailing context line of an empty line is a lone space: strip only the newlines after it.
  return diffs.map((diff) => formatPatch(diff, FILE_HEADERS_ONLY).replace(/\n+$/, '\n')).join('');
}

/** One state of a lab app: the starter (step 0) or the app after a step's patch. */
export interface LabState {
  readonly step: number;
  readonly sources: LabSources;
}

/**
 * The starter, then the app after each catalog step in order, each from the step's patch on the
 * state before it. Throws one line naming the patch to fix when one is missing or does not apply.
 */
export function labStates(lab: string, root: string = repoRoot): LabState[] {
  const entry = findLab(lab);
  if (!entry) throw new Error(`lab "${lab}" is not in labs/catalog.json: use one of its ids.`);
  const states: LabState[] = [{ step: 0, sources: readSources(labDir(lab, 'starter', root)) }];
  for (const hint of entry.hints) {
    const file = stepPatchFile(lab, hint.step, root);
    const where = path.relative(root, file);
    if (!fs.existsSync(file)) throw new Error(`${where} is missing: record the change of step ${hint.step} (${hint.file}) into it.`);
    states.push({ step: hint.step, sources: applyStep(states[states.length - 1].sources, fs.readFileSync(file, 'utf8'), where) });
  }
  return states;
}
