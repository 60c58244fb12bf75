/*
 * The only code that runs with a student's app: synthesizes it with the same in-process synth as
 * `check --app` and writes the template (or the one-line reason it failed) to the result file the
 * grader names. The grader trusts nothing here but the template's content, which it judges itself.
 * Usage: node --require bin/register.js synth-child.ts <app dir> <stack name> <result file> [all]
 * With "all" (a lab with several stacks) the other stacks of the app come back too, as `others`.
 */
import fs from 'node:fs';
import { CheckerError } from '../../errors';
import { synthApp } from '../../sources/app/synth';

const [dir, stackName, resultFile, all] = process.argv.slice(2);
let result: unknown;
try {
  const file = synthApp(dir, stackName, all === 'all');
  const others = file.others?.map((other) => ({ stackName: other.stackName, template: other.template, regionName: other.regionName }));
  result = { template: file.template, ...(others && { others }) };
} catch (error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  result = {
    error: error instanceof CheckerError ? error.text : { en: `synth failed: ${message}`, ko: `synth 실패: ${message}` },
  };
}
fs.writeFileSync(resultFile, JSON.stringify(result));
// The app may have left timers or handles open; the template is written, nothing else matters.
process.exit(0);
