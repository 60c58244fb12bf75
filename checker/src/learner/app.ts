import fs from 'node:fs';
import path from 'node:path';
import { labDir, type Lab, type Lang } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';
import { runChecks } from '../engine/run';
import { labRules } from '../rules/registry';
import { fromLabTemplates, hasSeveralStacks } from '../sources';
import { synthApp } from '../sources/app/synth';
import type { StackTemplates } from '../sources/template/load';

/**
 * The app a learner works on: --app when given, else the CDK app folder the user is in, else the
 * lab's starter (labs/<lab-id>) of this workshop.
 */
export function learnerAppDir(lab: Lab, cwd: string, app?: string): string {
  if (app !== undefined) return path.resolve(cwd, app);
  for (let current = path.resolve(cwd); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'cdk.json'))) return current;
    if (path.dirname(current) === current) return labDir(lab.id, 'starter');
  }
}

/**
 * Synthesizes the app in this process: a warm process keeps aws-cdk-lib loaded, so a repeat costs
 * only the app's own code. A broken app throws a CheckerError that names file:line.
 */
export function synthLearnerApp(lab: Lab, appDir: string): StackTemplates {
  return synthApp(appDir, lab.stackName, hasSeveralStacks(lab));
}

/** Runs the lab's rules over a synthesized template. */
export function checkTemplate(lab: Lab, file: StackTemplates, appDir: string, lang: Lang, startedAt = Date.now()): CheckReport {
  const loaded = fromLabTemplates(file, `app ${path.basename(appDir)}`, lab, lab.stackName);
  return runChecks({ lab, loaded, rules: labRules(lab), lang, startedAt });
}
