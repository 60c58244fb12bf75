import { Command, CommanderError, Option } from 'commander';
import { CheckerError, ExitCode, type ExitCodeValue } from './errors';
import type { CheckOptions } from './commands/check';
import type { DevCheckOptions } from './commands/dev-check';
import type { DiagramOptions } from './commands/diagram';
import type { GradeOptions } from './commands/grade';
import type { PriceOptions } from './commands/price';
import { langFromLocale, processIo, type GlobalOptions, type Io } from './commands/shared';
import type { WatchOptions } from './commands/watch';
import { version } from '../package.json';

/*
 * Each subcommand's module, loaded when that command runs (or the whole program is built, for help
 * and the site's CLI reference): `check` then loads neither grading, pricing nor the other commands.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const commands = {
  check: () => require('./commands/check') as typeof import('./commands/check'),
  watch: () => require('./commands/watch') as typeof import('./commands/watch'),
  progress: () => require('./commands/progress') as typeof import('./commands/progress'),
  list: () => require('./commands/list') as typeof import('./commands/list'),
  explain: () => require('./commands/explain') as typeof import('./commands/explain'),
  iamPolicy: () => require('./commands/iam-policy') as typeof import('./commands/iam-policy'),
  devCheck: () => require('./commands/dev-check') as typeof import('./commands/dev-check'),
  grade: () => require('./commands/grade') as typeof import('./commands/grade'),
  verify: () => require('./commands/verify') as typeof import('./commands/verify'),
  diagram: () => require('./commands/diagram') as typeof import('./commands/diagram'),
  price: () => require('./commands/price') as typeof import('./commands/price'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Every subcommand's definition by name, in help order. */
const definitions: Readonly<Record<string, () => Command>> = {
  check: () => commands.check().checkCommand(),
  watch: () => commands.watch().watchCommand(),
  progress: () => commands.progress().progressCommand(),
  list: () => commands.list().listCommand(),
  explain: () => commands.explain().explainCommand(),
  'iam-policy': () => commands.iamPolicy().iamPolicyCommand(),
  'dev-check': () => commands.devCheck().devCheckCommand(),
  grade: () => commands.grade().gradeCommand(),
  verify: () => commands.verify().verifyCommand(),
  diagram: () => commands.diagram().diagramCommand(),
  price: () => commands.price().priceCommand(),
};

/**
 * The whole command line without actions: every command and option is defined once, here and in
 * commands/<name>.ts, so the site can generate the CLI reference from it. `only` keeps the named
 * subcommands alone (what a run of one command needs).
 */
export function buildProgram(only?: readonly string[]): Command {
  const program = new Command('checker')
    .description('Checks a workshop lab: a CDK app, a CloudFormation template or a live deployment.')
    .version(version)
    .addOption(
      new Option('--lang <lang>', 'language of messages and reports (default: from LANG/LC_ALL, ko_* gives ko)').choices(['en', 'ko']),
    )
    .option('--debug', 'show stack traces of errors')
    .showSuggestionAfterError()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 all checks pass (SKIP allowed), 1 a check failed or could not be evaluated,\n2 usage or input error, 3 target unreachable or credentials problem.',
    );
  for (const [name, define] of Object.entries(definitions)) if (!only || only.includes(name)) program.addCommand(define());
  return program;
}

/**
 * The subcommand `argv` names: its first word that is neither an option nor --lang's value. Undefined
 * when that word is no subcommand (help, a typo): the whole program then parses it and answers.
 */
function subcommandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i += 1;
    else if (argv[i] === '--') return undefined;
    else if (!argv[i].startsWith('-')) return Object.hasOwn(definitions, argv[i]) ? argv[i] : undefined;
  }
  return undefined;
}

/** Runs the CLI with `argv` (arguments after the program name) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<ExitCodeValue> {
  const named = subcommandOf(argv);
  const program = buildProgram(named === undefined ? undefined : [named]);
  let code: ExitCodeValue = ExitCode.Pass;
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const actions: Record<string, (...args: never[]) => Promise<void> | void> = {
    check: async (lab: string | undefined, options: CheckOptions) => {
      code = await commands.check().runCheck(lab, options, globals(), io);
    },
    watch: async (lab: string | undefined, options: WatchOptions) => {
      code = await commands.watch().runWatch(lab, options, globals(), io);
    },
    progress: (options: { json?: boolean; color?: boolean }) => {
      code = commands.progress().runProgress(options, globals(), io);
    },
    list: (options: { json?: boolean }) => {
      code = commands.list().runList(options, globals(), io);
    },
    explain: (ruleId: string, options: { json?: boolean }) => {
      code = commands.explain().runExplain(ruleId, options, globals(), io);
    },
    'iam-policy': () => {
      code = commands.iamPolicy().runIamPolicy(globals(), io);
    },
    'dev-check': async (options: DevCheckOptions) => {
      code = await commands.devCheck().runDevCheck(options, globals(), io);
    },
    grade: async (options: GradeOptions) => {
      code = await commands.grade().runGrade(options, globals(), io);
    },
    verify: (files: string[]) => {
      code = commands.verify().runVerify(files, globals(), io);
    },
    diagram: async (lab: string | undefined, options: DiagramOptions) => {
      code = await commands.diagram().runDiagram(lab, options, globals(), io);
    },
    price: async (lab: string | undefined, options: PriceOptions) => {
      code = await commands.price().runPrice(lab, options, globals(), io);
    },
  };
  const output = { writeOut: (text: string) => io.stdout.write(text), writeErr: (text: string) => io.stderr.write(text) };
  program.exitOverride().configureOutput(output);
  for (const command of program.commands) {
    command.copyInheritedSettings(program);
    const action = actions[command.name()];
    if (action) command.action(action as (...args: unknown[]) => Promise<void> | void);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, argv, io);
  }
}

/** Prints an error as one line (a stack trace only with --debug) and returns its exit code. */
function reportError(error: unknown, argv: readonly string[], io: Io): ExitCodeValue {
  if (error instanceof CommanderError) {
    // Help and --version end through here too; commander has already printed them.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return ExitCode.Pass;
    return ExitCode.Usage;
  }
  const debug = argv.includes('--debug');
  const langIndex = argv.indexOf('--lang');
  const option = langIndex >= 0 ? argv[langIndex + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  const lang = option === 'ko' || option === 'en' ? option : langFromLocale(io.env);
  if (error instanceof CheckerError) {
    io.stderr.write(`${error.in(lang)}\n`);
    if (debug) io.stderr.write(`${stackOf(error)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    lang === 'ko'
      ? `checker 내부 오류: ${message} (--debug로 다시 실행해 스택 트레이스와 함께 알려 주세요)\n`
      : `checker internal error: ${message} (run again with --debug and report it with the stack trace)\n`,
  );
  if (debug) io.stderr.write(`${stackOf(error)}\n`);
  return ExitCode.Usage;
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) lines.push(current.stack ?? current.message);
  return lines.join('\ncaused by: ');
}
