import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { findLab, labDir, type Lab } from '@workshop/catalog';
import { inputError } from '../errors';
import type { ResourceGraph } from '../model/graph';
import { loadSource, type InputSpec } from '../sources';
import { inferLab } from './check';
import { requireLab, type Io } from './shared';

/** Input flags `diagram` and `price` share (the same meaning as in `check`). */
export interface ArchitectureInputOptions {
  readonly app?: string;
  readonly cdkOut?: string;
  readonly template?: string;
  readonly live?: boolean;
  readonly endpoint?: string;
  readonly profile?: string;
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
    .option('--live', 'read the deployed stack through the AWS APIs (read-only)')
    .option('--endpoint <url>', 'with --live: LocalStack or the local emulator, e.g. http://127.0.0.1:4566')
    .option('--profile <name>', 'with --live: AWS profile of the standard credential chain')
    .option('--stack <name>', "stack name (default: the lab's stackName in the catalog)")
    .option('--no-compare', "do not synthesize the lab's solution to compare with");
}

/** The learner's architecture graph and, unless --no-compare, the lab solution's. */
export interface LoadedArchitectures {
  readonly lab: Lab;
  readonly mine: ResourceGraph;
  readonly description: string;
  readonly target?: ResourceGraph;
}

/** Loads the learner's input (as `check` chooses it) and the lab's solution to compare with. */
export async function loadArchitectures(
  labArg: string | undefined,
  options: ArchitectureInputOptions,
  io: Io,
): Promise<LoadedArchitectures> {
  const given = (['app', 'cdkOut', 'template', 'live'] as const).filter((key) => options[key] !== undefined && options[key] !== false);
  if (given.length > 1) {
    const flags = given.map((key) => `--${key === 'cdkOut' ? 'cdk-out' : key}`).join(' and ');
    throw inputError(`Choose one input: ${flags} cannot be used together.`, `입력은 하나만 고르세요. ${flags}은(는) 함께 쓸 수 없습니다.`);
  }
  let input: InputSpec;
  let appDir: string | undefined;
  if (options.live) input = { kind: 'live', endpoint: options.endpoint, profile: options.profile };
  else if (options.template !== undefined) input = { kind: 'template', file: path.resolve(io.cwd, options.template) };
  else if (options.cdkOut !== undefined) input = { kind: 'cdk-out', dir: path.resolve(io.cwd, options.cdkOut) };
  else {
    appDir = options.app !== undefined ? path.resolve(io.cwd, options.app) : defaultApp(io.cwd, labArg);
    input = { kind: 'app', dir: appDir };
  }
  const lab = labArg !== undefined ? requireLab(labArg) : inferLab(appDir ?? io.cwd);
  const stackName = options.stack ?? lab.stackName;
  const loaded = await loadSource(input, { lab, stackName });
  const solution = labDir(lab.id, 'solution');
  const target =
    options.compare !== false && fs.existsSync(path.join(solution, 'cdk.json'))
      ? (await loadSource({ kind: 'app', dir: solution }, { lab, stackName: lab.stackName })).graph
      : undefined;
  return { lab, mine: loaded.graph, description: loaded.source.description, target };
}

/** The CDK app around `cwd`, else labs/<lab> when run from the workshop's root, else `cwd`. */
function defaultApp(cwd: string, labArg: string | undefined): string {
  for (let current = path.resolve(cwd); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'cdk.json'))) return current;
    if (path.dirname(current) === current) break;
  }
  const starter = labArg !== undefined && findLab(labArg) ? path.join(cwd, 'labs', labArg) : undefined;
  return starter && fs.existsSync(path.join(starter, 'cdk.json')) ? starter : cwd;
}
