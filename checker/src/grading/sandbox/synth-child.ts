/*
 * The only code that runs with a student's app: synthesizes it with the same in-process synth as
 * `check --app` and writes what `check --app` reads of each stack (template, the Region its `env`
 * fixes, its own tags), or the one-line reason it failed, to the result file the grader names. The
 * grader trusts nothing here: it checks the result's shape and limits (result.ts) and judges the rest itself.
 * Usage: node --require bin/register.js synth-child.ts <app dir> <stack name> <result file> [all]
 * With "all" (a lab with several stacks) the other stacks of the app come back too, as `others`.
 */
import fs from 'node:fs';
import { CheckerError } from '../../errors';
import { synthApp } from '../../sources/app/synth';
import type { StackTemplates } from '../../sources/template/load';

const [dir, stackName, resultFile, all] = process.argv.slice(2);

/** What the grader reads of one stack (result.ts `SynthStack`). */
function stackOf(file: Pick<StackTemplates, 'template' | 'regionName' | 'stackTags'>): Record<string, unknown> {
  return { template: file.template, regionName: file.regionName, stackTags: file.stackTags };
}

let result: unknown;
try {
  const file = synthApp(dir, stackName, all === 'all');
  const others = file.others?.map((other) => ({ stackName: other.stackName, ...stackOf(other) }));
  // JSON leaves out what is undefined (a stack without a fixed Region or tags).
  result = { ...stackOf(file), ...(others && { others }) };
} catch (error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  result = {
    error: error instanceof CheckerError ? error.text : { en: `synth failed: ${message}`, ko: `synth 실패: ${message}` },
  };
}
fs.writeFileSync(resultFile, JSON.stringify(result));
// The app may have left timers or handles open; the template is written, nothing else matters.
process.exit(0);
