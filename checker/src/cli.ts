import { Command, CommanderError, Option } from 'commander';
import { CheckerError, ExitCode, type ExitCodeValue } from './errors';
import { checkCommand, runCheck, type CheckOptions } from './commands/check';
import { devCheckCommand, runDevCheck, type DevCheckOptions } from './commands/dev-check';
import { diagramCommand, runDiagram, type DiagramOptions } from './commands/diagram';
import { explainCommand, runExplain } from './commands/explain';
import { gradeCommand, runGrade, type GradeOptions } from './commands/grade';
import { iamPolicyCommand, runIamPolicy } from './commands/iam-policy';
import { listCommand, runList } from './commands/list';
import { priceCommand, runPrice, type PriceOptions } from './commands/price';
import { progressCommand, runProgress } from './commands/progress';
import { langFromLocale, processIo, type GlobalOptions, type Io } from './commands/shared';
import { runVerify, verifyCommand } from './commands/verify';
import { runWatch, watchCommand, type WatchOptions } from './commands/watch';
import { version } from '../package.json';

/**
 * The whole command line without actions: every command and option is defined once, here and in
 * commands/<name>.ts, so the site can generate the CLI reference from it.
 */
export function buildProgram(): Command {
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
  for (const command of [
    checkCommand(),
    watchCommand(),
    progressCommand(),
    listCommand(),
    explainCommand(),
    iamPolicyCommand(),
    devCheckCommand(),
    gradeCommand(),
    verifyCommand(),
    diagramCommand(),
    priceCommand(),
  ])
    program.addCommand(command);
  return program;
}

/** Runs the CLI with `argv` (arguments after the program name) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<ExitCodeValue> {
  const program = buildProgram();
  let code: ExitCodeValue = ExitCode.Pass;
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const actions: Record<string, (...args: never[]) => Promise<void> | void> = {
    check: async (lab: string | undefined, options: CheckOptions) => {
      code = await runCheck(lab, options, globals(), io);
    },
    watch: async (lab: string | undefined, options: WatchOptions) => {
      code = await runWatch(lab, options, globals(), io);
    },
    progress: (options: { json?: boolean; color?: boolean }) => {
      code = runProgress(options, globals(), io);
    },
    list: (options: { json?: boolean }) => {
      code = runList(options, globals(), io);
    },
    explain: (ruleId: string, options: { json?: boolean }) => {
      code = runExplain(ruleId, options, globals(), io);
    },
    'iam-policy': () => {
      code = runIamPolicy(globals(), io);
    },
    'dev-check': async (options: DevCheckOptions) => {
      code = await runDevCheck(options, globals(), io);
    },
    grade: async (options: GradeOptions) => {
      code = await runGrade(options, globals(), io);
    },
    verify: (files: string[]) => {
      code = runVerify(files, globals(), io);
    },
    diagram: async (lab: string | undefined, options: DiagramOptions) => {
      code = await runDiagram(lab, options, globals(), io);
    },
    price: async (lab: string | undefined, options: PriceOptions) => {
      code = await runPrice(lab, options, globals(), io);
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
