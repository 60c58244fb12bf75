import path from 'node:path';
import { Command, Option } from 'commander';
import { repoRoot } from '@workshop/catalog';
import { ExitCode, type ExitCodeValue } from '../errors';
import { devCheck } from '../dev/check';
import { rules } from '../rules';
import type { GlobalOptions, Io } from './shared';

/** Options of `checker dev-check`. */
export interface DevCheckOptions {
  readonly lab?: readonly string[];
  readonly root?: string;
}

/** The `dev-check` subcommand's definition (for workshop maintainers; run by `npm test`). */
export function devCheckCommand(): Command {
  return new Command('dev-check')
    .summary("verify the workshop's own labs, solutions and rules agree")
    .description(
      'For maintainers: the catalog and the trees agree; every starter has its TODO marks, synthesizes and fails its lab; every solution passes its lab; the starter of lab N passes lab N-1.',
    )
    .addOption(
      new Option('--lab <id>', 'only this lab (repeatable)').argParser((value: string, previous: string[] | undefined) => [
        ...(previous ?? []),
        value,
      ]),
    )
    .addOption(new Option('--root <dir>', 'repository root (default: this repository)').hideHelp());
}

/** Runs `checker dev-check`, printing each step, and returns 0 when nothing is wrong, else 1. */
export async function runDevCheck(options: DevCheckOptions, _global: GlobalOptions, io: Io): Promise<ExitCodeValue> {
  let problems = 0;
  devCheck({
    root: options.root ? path.resolve(io.cwd, options.root) : repoRoot,
    rules,
    labs: options.lab,
    onStep: (step) => {
      problems += step.problems.length;
      io.stdout.write(`${step.problems.length === 0 ? 'ok  ' : 'FAIL'} ${step.title}\n`);
      for (const problem of step.problems) io.stdout.write(`       - ${problem}\n`);
    },
  });
  io.stdout.write(problems === 0 ? 'dev-check: everything agrees.\n' : `dev-check: ${problems} problem(s) to fix (listed above).\n`);
  return problems === 0 ? ExitCode.Pass : ExitCode.Fail;
}
