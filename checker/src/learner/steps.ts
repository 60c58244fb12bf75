import fs from 'node:fs';
import path from 'node:path';
import type { Hint, Lab } from '@workshop/catalog';
import { appSourceFiles } from './files';

/** A `TODO(<lab-id>) step N` mark still in the learner's app. */
export interface StepMark {
  readonly step: number;
  /** Relative to the app folder, with forward slashes. */
  readonly file: string;
  readonly line: number;
}

/** Where the learner is in a lab: the first step whose mark is still in the code, with its catalog hint. */
export interface CurrentStep {
  readonly hint: Hint;
  readonly mark: StepMark;
  /** Steps whose marks are gone (done, by the workshop's convention). */
  readonly done: number;
  readonly total: number;
}

const STEP_MARK = /TODO\(([a-z0-9-]+)\):?\s*step\s+(\d+)/g;

/** Every `TODO(<labId>) step N` mark in the app's sources, by step then file and line. */
export function stepMarks(dir: string, labId: string): StepMark[] {
  const marks: StepMark[] = [];
  for (const file of appSourceFiles(dir)) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(STEP_MARK)) if (match[1] === labId) marks.push({ step: Number(match[2]), file, line: index + 1 });
    });
  }
  return marks.sort((a, b) => a.step - b.step || a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * The step the learner is on: the lowest-numbered catalog hint whose mark is still in the code (the
 * guides ask learners to delete a step's mark when it is done). Undefined when every mark is gone.
 */
export function currentStep(lab: Lab, dir: string): CurrentStep | undefined {
  const marks = stepMarks(dir, lab.id);
  const open = new Set(marks.map((mark) => mark.step));
  const hints = [...lab.hints].sort((a, b) => a.step - b.step);
  const hint = hints.find((candidate) => open.has(candidate.step));
  if (!hint) return undefined;
  const mark = marks.find((candidate) => candidate.step === hint.step)!;
  return { hint, mark, done: hints.filter((candidate) => !open.has(candidate.step)).length, total: hints.length };
}
