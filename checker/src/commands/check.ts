import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { catalog, findLab, labDir, type Lab } from '@workshop/catalog';
import { inputError, type ExitCodeValue } from '../errors';
import { analysesOf } from '../engine/analyses';
import type { CheckReport } from '../engine/result';
import { exitCodeOf, runChecks } from '../engine/run';
import { createProgress, parseReporterSpecs, reporters, writeReports } from '../reporters';
import { rememberCheck } from '../learner/record';
import type { ResourceGraph } from '../model/graph';
import { labRules } from '../rules/registry';
import { loadSource, type InputSpec } from '../sources';
import { DEFAULT_SYNTH_TIMEOUT_SECONDS, parseSynthTimeout } from '../sources/app/isolate';
import { resolveLang, requireLab, type GlobalOptions, type Io } from './shared';

/** Options of `checker check`, as commander parses them. */
export interface CheckOptions {
  readonly app?: string;
  readonly cdkOut?: string;
  readonly template?: string;
  readonly live?: boolean;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly secondaryRegion?: string;
  readonly stack?: string;
  readonly reporter?: readonly string[];
  readonly guideBaseUrl?: string;
  readonly color?: boolean;
  readonly quiet?: boolean;
  readonly synthTimeout?: string;
}

/** Environment variable that sets the guide links' base URL when --guide-base-url is not given. */
export const GUIDE_BASE_URL_ENV = 'CHECKER_GUIDE_BASE_URL';

/** The `check` subcommand's definition: the site's CLI reference is generated from it. */
export function checkCommand(): Command {
  return new Command('check')
    .summary("check a lab's architecture")
    .description(
      "Checks a lab's architecture: a CDK app (synthesized in-process, offline), a cloud assembly, a CloudFormation template, or a live deployment. Run with no input flag inside a lab folder to check that folder's app.",
    )
    .argument('[lab]', 'lab id from labs/catalog.json (inferred from the folder when omitted)')
    .option('--app <dir>', 'CDK app folder to synthesize (default: the lab folder you are in)')
    .option('--cdk-out <dir>', 'cloud assembly folder written by `cdk synth`')
    .option('--template <file>', 'CloudFormation template, JSON or YAML (short-form tags allowed)')
    .option('--live', 'check the deployed stack through the AWS APIs (read-only)')
    .option('--endpoint <url>', 'with --live: LocalStack or the local emulator, e.g. http://127.0.0.1:4566')
    .option('--profile <name>', 'with --live: AWS profile of the standard credential chain')
    .option('--region <region>', 'with --live: AWS region (of the main stack, for a lab with stacks in two Regions)')
    .option(
      '--secondary-region <region>',
      "with --live: the lab's second Region (default: where npm run deploy put it, else the catalog's)",
    )
    .option('--stack <name>', "stack name (default: the lab's stackName in the catalog)")
    .addOption(
      new Option(
        '--reporter <name[=file]>',
        `output format, repeatable: ${Object.keys(reporters).join(', ')}; =file writes to a file (default: pretty to standard output)`,
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .option('--guide-base-url <url>', `base URL of the guide site for links (env ${GUIDE_BASE_URL_ENV}; default: site paths)`)
    .option('--no-color', 'plain output without ANSI colours (also NO_COLOR=1)')
    .option('--quiet', 'no progress output')
    .option(
      '--synth-timeout <seconds>',
      `for a CDK app: seconds it may take to synthesize before it is stopped (default: ${DEFAULT_SYNTH_TIMEOUT_SECONDS})`,
    );
}

/** Runs `checker check`: loads the input, runs the lab's rules, writes the reports, returns the exit code. */
export async function runCheck(labArg: string | undefined, options: CheckOptions, global: GlobalOptions, io: Io): Promise<ExitCodeValue> {
  const lang = resolveLang(global.lang, io.env);
  const specs = parseReporterSpecs(options.reporter ?? []);
  const synthTimeoutSeconds = parseSynthTimeout(options.synthTimeout);
  const chosen = chooseInput(options, io.cwd, labArg);
  const lab = labArg !== undefined ? requireLab(labArg) : inferLab(chosen.appDir ?? io.cwd);
  const stackName = options.stack ?? lab.stackName;
  const input = chosen.input.kind === 'live' ? liveInput(chosen.input, lab, stackName, io, lang, options.quiet) : chosen.input;

  const rules = labRules(lab);
  const startedAt = Date.now();
  const progress = createProgress(io.stderr, !options.quiet && (io.stderr.isTTY === true || input.kind === 'live'));
  progress.start(input.kind === 'live' ? `loading stack ${stackName}` : `reading ${describe(input)}`);
  let loaded;
  try {
    loaded = await loadSource(input, {
      lab,
      stackName,
      onProgress: (text) => progress.update(text),
      synthTimeoutSeconds,
      // cdk-nag runs in the synth child, which has aws-cdk-lib loaded already: this process need not load it.
      analyses: analysesOf(rules, lab, 'template'),
    });
  } finally {
    progress.stop();
  }
  for (const note of loaded.notes ?? []) io.stderr.write(`${note[lang]}\n`);
  const report = runChecks({
    lab,
    loaded,
    rules,
    lang,
    stackName,
    startedAt,
    guideBaseUrl: options.guideBaseUrl ?? io.env[GUIDE_BASE_URL_ENV] ?? '',
  });

  const drawn = specs.some((spec) => spec.name === 'markdown') ? withDrawing(report, loaded.graph, lab) : report;
  const outputs = specs.map((spec) => {
    const color = spec.file === undefined && options.color !== false && io.stdout.isTTY === true && !io.env.NO_COLOR;
    return { spec, text: reporters[spec.name](drawn, { color, lang }) };
  });
  writeReports(outputs, io);
  rememberCheck(report, chosen.appDir, io.env);
  return exitCodeOf(report);
}

/** The input flags `check`, `diagram` and `price` share. */
export type InputFlags = Pick<CheckOptions, 'app' | 'cdkOut' | 'template' | 'live' | 'endpoint' | 'profile' | 'region' | 'secondaryRegion'>;

/**
 * Picks the one input among the flags. No flag means the CDK app of the folder the user is in or,
 * outside any app (e.g. the workshop's root), the learner's starter of the named lab: labs/<lab-id>.
 */
export function chooseInput(options: InputFlags, cwd: string, labArg: string | undefined): { input: InputSpec; appDir?: string } {
  const given = (['app', 'cdkOut', 'template', 'live'] as const).filter((key) => options[key] !== undefined && options[key] !== false);
  if (given.length > 1) {
    const flags = given.map((key) => `--${key === 'cdkOut' ? 'cdk-out' : key}`).join(' and ');
    throw inputError(`Choose one input: ${flags} cannot be used together.`, `입력은 하나만 고르세요. ${flags}은(는) 함께 쓸 수 없습니다.`);
  }
  const liveOnly = (['endpoint', 'profile', 'region', 'secondaryRegion'] as const).filter((key) => options[key] !== undefined);
  if (liveOnly.length > 0 && !options.live) {
    const flag = liveOnly[0] === 'secondaryRegion' ? 'secondary-region' : liveOnly[0];
    throw inputError(
      `--${flag} applies to live checks only: add --live.`,
      `--${flag}은(는) 라이브 검사에만 쓰입니다. --live를 함께 주세요.`,
    );
  }
  if (options.live)
    return {
      input: {
        kind: 'live',
        endpoint: options.endpoint,
        profile: options.profile,
        region: options.region,
        ...(options.secondaryRegion !== undefined && { secondaryRegion: options.secondaryRegion }),
      },
    };
  if (options.template !== undefined) return { input: { kind: 'template', file: path.resolve(cwd, options.template) } };
  if (options.cdkOut !== undefined) return { input: { kind: 'cdk-out', dir: path.resolve(cwd, options.cdkOut) } };
  const appDir = options.app !== undefined ? path.resolve(cwd, options.app) : (enclosingApp(cwd) ?? starterIn(cwd, labArg) ?? cwd);
  return { input: { kind: 'app', dir: appDir }, appDir };
}

/** labs/<lab-id> under `dir` when it is a CDK app, i.e. when the user runs the checker from the workshop's root. */
function starterIn(dir: string, labArg: string | undefined): string | undefined {
  if (labArg === undefined || !findLab(labArg)) return undefined;
  const starter = labDir(labArg, 'starter', dir);
  return fs.existsSync(path.join(starter, 'cdk.json')) ? starter : undefined;
}

/** The nearest folder at or above `dir` holding a cdk.json. */
function enclosingApp(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'cdk.json'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** The lab a folder belongs to: labs/<id> or solutions/<id>, or a copied-out folder named after the lab. */
export function inferLab(dir: string): Lab {
  for (let current = path.resolve(dir); path.dirname(current) !== current; current = path.dirname(current)) {
    const lab = findLab(path.basename(current));
    if (lab) return lab;
  }
  const ids = catalog.labs.map((lab) => lab.id).join(', ');
  throw inputError(
    `Which lab? ${dir} is not a lab folder: pass the lab id, e.g. checker check vpc-migration. Labs: ${ids}.`,
    `어느 실습인가요? ${dir}은(는) 실습 폴더가 아닙니다. 실습 id를 주세요(예: checker check vpc-migration). 실습 목록: ${ids}.`,
  );
}

function describe(input: InputSpec): string {
  switch (input.kind) {
    case 'app':
      return `the CDK app in ${input.dir}`;
    case 'cdk-out':
      return input.dir;
    case 'template':
      return input.file;
    case 'live':
      return 'the live stack';
  }
}

/** The report with its architecture drawn, for the markdown reporter: the drawing's modules load for it alone. */
function withDrawing(report: CheckReport, graph: ResourceGraph, lab: Lab): CheckReport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { withArchitecture } = require('../views/report') as typeof import('../views/report');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { committedTarget } = require('../views/targets') as typeof import('../views/targets');
  return withArchitecture(report, graph, committedTarget(lab.id));
}

/**
 * Where a live input goes (`check`, `diagram` and `price`): the flags, else where npm run deploy last put the lab's
 * stacks. Loaded for --live only, as the live loader is.
 */
export function liveInput(...args: Parameters<typeof import('../sources/live/recorded').resolveLiveInput>): InputSpec {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resolveLiveInput } = require('../sources/live/recorded') as typeof import('../sources/live/recorded');
  return resolveLiveInput(...args);
}
