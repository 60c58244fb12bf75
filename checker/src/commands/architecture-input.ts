import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { labDir, type Lab, type Lang } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import { loadSource } from '../sources';
import { chooseInput, inferLab, liveInput, type InputFlags } from './check';
import { requireLab, type Io } from './shared';

/** Input flags `diagram` and `price` share (the same meaning as in `check`). */
export interface ArchitectureInputOptions extends InputFlags {
  readonly stack?: string;
  /** Compare with the lab's solution (default); --no-compare turns it off. */
  readonly compare?: boolean;
}

/** Adds the input flags to a command. */
export function withInputOptions(command: Command): Command {
  return command
    .argument('[lab]', 'lab id from labs/catalog.json (inferred from the folder when omitted)')
    .option('--app <dir>', 'CDK app folder to synthesize (default: the lab folder you are in, or labs/<lab>)')
    .option('--cdk-out <dir>', 'cloud assembly folder written by `cdk synth`')
    .option('--template <file>', 'CloudFormation template, JSON or YAML')
    .option(
      '--live',
      'read the deployed stacks through the AWS APIs (read-only): where npm run deploy put them, unless --endpoint, --profile or --region says',
    )
    .option('--endpoint <url>', 'with --live: LocalStack or the local emulator, e.g. http://127.0.0.1:4566')
    .option('--profile <name>', 'with --live: AWS profile of the standard credential chain')
    .option('--region <region>', 'with --live: AWS region (of the main stack, for a lab with stacks in two Regions)')
    .option(
      '--secondary-region <region>',
      "with --live: the lab's second Region (default: where npm run deploy put it, else the catalog's)",
    )
    .option('--stack <name>', "stack name (default: the lab's stackName in the catalog)")
    .option('--no-compare', "do not compare with the lab's solution");
}

/** The learner's architecture graph and, unless --no-compare, the lab solution's. */
export interface LoadedArchitectures {
  readonly lab: Lab;
  readonly mine: ResourceGraph;
  readonly description: string;
  readonly target?: ResourceGraph;
}

/**
 * Loads the learner's input as `check` does (--live without flags goes where npm run deploy put the lab's stacks;
 * that and the loader's notes go to standard error) and the lab's solution to compare with.
 */
export async function loadArchitectures(
  labArg: string | undefined,
  options: ArchitectureInputOptions,
  io: Io,
  lang: Lang,
): Promise<LoadedArchitectures> {
  const { input: chosen, appDir } = chooseInput(options, io.cwd, labArg);
  const lab = labArg !== undefined ? requireLab(labArg) : inferLab(appDir ?? io.cwd);
  const stackName = options.stack ?? lab.stackName;
  const input = chosen.kind === 'live' ? liveInput(chosen, lab, stackName, io, lang) : chosen;
  const loaded = await loadSource(input, { lab, stackName });
  for (const note of loaded.notes ?? []) io.stderr.write(`${note[lang]}\n`);
  const solution = labDir(lab.id, 'solution');
  const target =
    options.compare !== false && fs.existsSync(path.join(solution, 'cdk.json'))
      ? (await loadSource({ kind: 'app', dir: solution }, { lab, stackName: lab.stackName })).graph
      : undefined;
  return { lab, mine: loaded.graph, description: loaded.source.description, target };
}
