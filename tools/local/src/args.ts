import { catalog, findLab, nearestLabId, type Catalog } from '@workshop/catalog';
import { LocalError, msg } from './messages';
import { DEFAULT_PORT } from './ports';

/** The subcommands of `npm run local`. */
export const LOCAL_COMMANDS = ['up', 'down', 'status', 'reset', 'install'] as const;

/** One of {@link LOCAL_COMMANDS}. */
export type LocalCommand = (typeof LOCAL_COMMANDS)[number];

/** Parsed `npm run local -- <command> [--emulator] [--port N]`. */
export interface LocalArgs {
  command: LocalCommand;
  /** Use the embedded emulator even when Docker is reachable (also WORKSHOP_LOCAL=emulator). */
  emulator: boolean;
  port: number;
  /** True when --port was given (then a taken port is still replaced, but the message names it). */
  portGiven: boolean;
}

/** Parses the arguments of `npm run local`; throws a LocalError with the usage line on bad input. */
export function parseLocalArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): LocalArgs {
  const usage = msg.usageLocal();
  let command: LocalCommand | undefined;
  let emulator = env.WORKSHOP_LOCAL === 'emulator';
  let port = DEFAULT_PORT;
  let portGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--emulator') emulator = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : argv[++i];
      port = parsePort(value ?? '');
      portGiven = true;
    } else if (arg.startsWith('-')) throw new LocalError(msg.unknownOption(arg, usage), 2);
    else if (command) throw new LocalError(msg.unknownCommand(arg, usage), 2);
    else if ((LOCAL_COMMANDS as readonly string[]).includes(arg)) command = arg as LocalCommand;
    else throw new LocalError(msg.unknownCommand(arg, usage), 2);
  }
  if (!command) throw new LocalError(usage, 2);
  return { command, emulator, port, portGiven };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1024 || port > 65535) throw new LocalError(msg.badPort(value), 2);
  return port;
}

/** Parsed `npm run deploy|destroy -- <lab> [--target local|aws] [--solution] [--replace] [--yes]`. */
export interface DeployArgs {
  command: 'deploy' | 'destroy';
  labId: string;
  target: 'local' | 'aws';
  solution: boolean;
  /** Deploy only: delete the stack first, then deploy it fresh (for an update the target cannot apply). */
  replace: boolean;
  yes: boolean;
}

/** Parses deploy/destroy arguments and validates the lab id against the catalog ("did you mean"). */
export function parseDeployArgs(command: 'deploy' | 'destroy', argv: string[], source: Catalog = catalog): DeployArgs {
  const usage = msg.usageDeploy(command);
  const labs = source.labs.map((lab) => lab.id);
  let labId: string | undefined;
  let target: 'local' | 'aws' = 'local';
  let solution = false;
  let yes = false;
  let replace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--solution') solution = true;
    else if (arg === '--yes' || arg === '-y') yes = true;
    else if (arg === '--replace' && command === 'deploy') replace = true;
    else if (arg === '--target' || arg.startsWith('--target=')) {
      const value = arg.includes('=') ? arg.slice('--target='.length) : (argv[++i] ?? '');
      if (value !== 'local' && value !== 'aws') throw new LocalError(msg.badTarget(value), 2);
      target = value;
    } else if (arg.startsWith('-')) throw new LocalError(msg.unknownOption(arg, usage), 2);
    else if (labId) throw new LocalError(msg.unknownOption(arg, usage), 2);
    else labId = arg;
  }
  if (!labId) throw new LocalError(msg.missingLab(usage, labs), 2);
  if (!findLab(labId, source)) throw new LocalError(msg.unknownLab(labId, nearestLabId(labId, source), labs), 2);
  return { command, labId, target, solution, replace, yes };
}

/** The npm command line that runs `args` again, e.g. "npm run deploy -- vpc-migration --solution". */
export function commandLine(args: Pick<DeployArgs, 'command' | 'labId' | 'target' | 'solution'>): string {
  return `npm run ${args.command} -- ${args.labId}${args.target === 'aws' ? ' --target aws' : ''}${args.solution ? ' --solution' : ''}`;
}
