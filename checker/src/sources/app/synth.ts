import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheckerError, fileError, inputError } from '../../errors';
import { displayPath, environmentRegion, loadCdkOut, pickStack, type AssemblyStack, type StackTemplates } from '../template/load';
import { findTypeErrors } from './typecheck';

/** How a CDK app is run: an entry file the checker can load in-process, or a command for the CDK CLI. */
export type AppEntry = { readonly kind: 'entry'; readonly file: string } | { readonly kind: 'command'; readonly command: string };

/** The hook aws-cdk-lib's App constructor calls with every new App (aws-cdk-lib 2.x, core/lib/app.js). */
const APP_INIT_HOOK = Symbol.for('@aws-cdk/core.App#initHook');

/** Launchers whose last argument is the app's entry file ("npx tsx bin/shop.ts", "node bin/app.js"...). */
const LAUNCHERS = new Set(['npx', 'node', 'tsx', 'ts-node', 'ts-node-esm', '-y', '--yes']);
const ENTRY_FILE = /\.(?:[cm]?ts|[cm]?js)$/;

/** Context the CDK CLI would pass; asset bundling is skipped because no rule reads asset contents. */
const CHECKER_CONTEXT: Record<string, unknown> = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': false,
  'aws:cdk:version-reporting': false,
  'aws:cdk:bundling-stacks': [],
};

/**
 * Throws the standard "not a CDK app" error unless `dir` holds a cdk.json, and a one-line error when
 * `dir` is a file or cannot be read (permission denied).
 */
export function assertCdkApp(dir: string): void {
  const shown = displayPath(dir) || '.';
  try {
    fs.statSync(path.join(dir, 'cdk.json'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw inputError(
        `${shown} is not a CDK app (no cdk.json): run the checker inside a lab folder (labs/<lab-id>), or pass --app <dir>, --cdk-out <dir> or --template <file>.`,
        `${shown}은(는) CDK 앱이 아닙니다(cdk.json 없음). 실습 폴더(labs/<lab-id>) 안에서 실행하거나 --app <폴더>, --cdk-out <폴더>, --template <파일>을 주세요.`,
      );
    }
    if (code === 'ENOTDIR') {
      throw inputError(
        `${shown} is a file, not a CDK app folder: pass the app's folder (the one with cdk.json) to --app, or a template with --template ${shown}.`,
        `${shown}은(는) CDK 앱 폴더가 아니라 파일입니다. --app에는 앱 폴더(cdk.json이 있는 폴더)를 주고, 템플릿이면 --template ${shown}을 쓰세요.`,
        error,
      );
    }
    throw fileError(error, shown, { en: 'the app folder', ko: '앱 폴더' }, 'read');
  }
}

/** Reads cdk.json's "app" command and finds the entry file it runs, when it is a plain TS/JS entry. */
export function appEntry(dir: string): AppEntry {
  assertCdkApp(dir);
  const cdkJson = readJson(path.join(dir, 'cdk.json')) as { app?: unknown };
  if (typeof cdkJson.app !== 'string' || cdkJson.app.trim() === '') {
    throw inputError(
      `${displayPath(path.join(dir, 'cdk.json'))} has no "app" command: add one such as "npx tsx bin/shop.ts".`,
      `${displayPath(path.join(dir, 'cdk.json'))}에 "app" 명령이 없습니다. "npx tsx bin/shop.ts" 같은 명령을 넣으세요.`,
    );
  }
  const words = cdkJson.app.trim().split(/\s+/);
  const file = words[words.length - 1];
  const launcherOnly = words.slice(0, -1).every((word) => LAUNCHERS.has(word) || /^--?[a-z][\w-]*$/.test(word));
  if (launcherOnly && ENTRY_FILE.test(file) && fs.existsSync(path.join(dir, file))) {
    return { kind: 'entry', file: path.resolve(dir, file) };
  }
  return { kind: 'command', command: cdkJson.app };
}

/**
 * Synthesizes the CDK app in `dir` and returns one stack's template (with `all`, the other stacks' too).
 * A TS/JS entry is loaded in this process (tsx must already be registered, as bin/checker.js does) with
 * the learner's own aws-cdk-lib, validation and asset bundling off; other app commands go through `npx cdk synth`.
 */
export function synthApp(dir: string, stackName: string, all = false): StackTemplates {
  const entry = appEntry(dir);
  return entry.kind === 'entry' ? synthInProcess(dir, entry.file, stackName, all) : synthWithCli(dir, stackName, all);
}

interface CdkApp {
  synth(): {
    stacksRecursively: Array<{
      stackName: string;
      displayName: string;
      templateFile: string;
      template: unknown;
      environment?: { region?: string };
      tags?: Record<string, string>;
    }>;
    directory: string;
  };
  node: { setContext(key: string, value: unknown): void };
}

function synthInProcess(dir: string, entryFile: string, stackName: string, all: boolean): StackTemplates {
  const context = { ...cdkJsonContext(dir), ...CHECKER_CONTEXT };
  const assemblies: string[] = [];
  const apps: CdkApp[] = [];
  // No CDK_OUTDIR: with it every App adds a beforeExit listener to synthesize again at exit. Each
  // App then writes to its own temporary folder, removed below.
  const env = withEnv({
    CDK_VALIDATION: process.env.CDK_VALIDATION ?? 'false',
    CDK_DISABLE_VERSION_CHECK: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const globals = globalThis as Record<symbol, unknown>;
  const previousHook = globals[APP_INIT_HOOK];
  globals[APP_INIT_HOOK] = (app: CdkApp) => {
    // The hook runs at the end of App's constructor, before any stack exists, so context set here
    // applies to every construct, as the CLI's CDK_CONTEXT_JSON would.
    for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
    apps.push(app);
  };
  // The learner's console.log would otherwise mix into a report written to stdout.
  const log = console.log;
  console.log = console.error;
  try {
    forgetModules(dir);
    let stacks: Array<AssemblyStack & { template: unknown }>;
    try {
      // The entry loads through the active CommonJS hooks: tsx in the CLI, the transform in jest.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(entryFile);
      if (apps.length === 0) {
        throw inputError(
          `${displayPath(entryFile)} did not create a cdk.App: create one with new App() and add the stack to it.`,
          `${displayPath(entryFile)}이(가) cdk.App을 만들지 않았습니다. new App()으로 앱을 만들고 스택을 추가하세요.`,
        );
      }
      stacks = apps.flatMap((app) => {
        const assembly = app.synth();
        assemblies.push(assembly.directory);
        return assembly.stacksRecursively.map((stack) => ({
          stackName: stack.stackName,
          displayName: stack.displayName,
          templateFile: path.join(assembly.directory, stack.templateFile),
          ...(environmentRegion(stack.environment?.region) && { regionName: environmentRegion(stack.environment?.region) }),
          ...(stack.tags && Object.keys(stack.tags).length > 0 && { stackTags: stack.tags }),
          // An empty stack synthesizes without a Resources section; it is still a (blank) architecture.
          template: { Resources: {}, ...(stack.template as object) },
        }));
      });
    } catch (error) {
      throw error instanceof CheckerError ? error : synthError(error, dir);
    }
    const stack = pickStack(stacks, stackName, `the app in ${displayPath(dir) || '.'}`) as AssemblyStack & { template: unknown };
    const fileOf = (chosen: AssemblyStack & { template: unknown }) => ({
      template: chosen.template,
      file: `${displayPath(dir) || '.'} (${chosen.displayName})`,
      sha256: templateSha256(chosen.template),
      ...(chosen.regionName && { regionName: chosen.regionName }),
      ...(chosen.stackTags && { stackTags: chosen.stackTags }),
    });
    if (!all) return fileOf(stack);
    return {
      ...fileOf(stack),
      others: stacks.filter((other) => other !== stack).map((other) => ({ ...fileOf(other), stackName: other.stackName })),
    };
  } finally {
    console.log = log;
    globals[APP_INIT_HOOK] = previousHook;
    env.restore();
    for (const directory of assemblies) removeTemporaryAssembly(directory);
  }
}

/** Removes an assembly CDK wrote to a temporary folder; one the app sent elsewhere (its own outdir) stays. */
function removeTemporaryAssembly(directory: string): void {
  if (!fs.existsSync(directory)) return;
  const inTmp = path.dirname(fs.realpathSync(directory)) === fs.realpathSync(os.tmpdir());
  if (inTmp && path.basename(directory).startsWith('cdk.out')) fs.rmSync(directory, { recursive: true, force: true });
}

function synthWithCli(dir: string, stackName: string, all: boolean): StackTemplates {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-synth-'));
  try {
    // --workspaces=false: in a folder inside an npm workspace, npx otherwise runs the CLI from the
    // workspace's folder (npm's implicit workspace), where it finds no cdk.json and asks for --app.
    const npx = ['--workspaces=false', '--no-install'];
    const result = spawnSync('npx', [...npx, 'cdk', 'synth', '-q', '--no-notices', '-o', outdir], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_DISABLE_VERSION_CHECK: '1',
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        AWS_EC2_METADATA_DISABLED: 'true',
        CDK_VALIDATION: process.env.CDK_VALIDATION ?? 'false',
      },
    });
    if (result.status !== 0) {
      const lines = `${result.stderr ?? ''}${result.error?.message ?? ''}`.split('\n').filter((line) => line.trim() !== '');
      const reason = lines.find((line) => /error/i.test(line)) ?? lines[lines.length - 1] ?? `exit code ${result.status}`;
      throw inputError(
        `\`npx cdk synth\` failed in ${displayPath(dir) || '.'}: ${reason.trim()}: fix the app, then run the checker again.`,
        `${displayPath(dir) || '.'}에서 \`npx cdk synth\`가 실패했습니다: ${reason.trim()}. 앱을 고친 뒤 다시 검사하세요.`,
      );
    }
    const files = loadCdkOut(outdir, stackName, all);
    // Fingerprinted as an in-process synth is, whatever way the app ran (and as `checker grade` does).
    return {
      ...files,
      sha256: templateSha256(files.template),
      ...(files.others && { others: files.others.map((other) => ({ ...other, sha256: templateSha256(other.template) })) }),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The fingerprint of a synthesized template: the SHA-256 of its JSON (what `check --app` and `checker grade` report). */
export function templateSha256(template: unknown): string {
  return createHash('sha256').update(JSON.stringify(template)).digest('hex');
}

/** Turns what the learner's app threw into a one-line input error. */
function synthError(error: unknown, dir: string): CheckerError {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0];
  // tsx compiles with esbuild, which reports syntax errors as "file:line:col: ERROR: text".
  const syntax = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m.exec(message);
  if (syntax && /Transform failed|TransformError/.test(`${(error as Error).name} ${message}`)) {
    // esbuild counts columns from 0; editors and tsc count from 1.
    const where = `${displayPath(syntax[1])}:${syntax[2]}:${Number(syntax[3]) + 1}`;
    return inputError(
      `${where}: ${syntax[4]}: fix this TypeScript syntax error, then run the checker again.`,
      `${where}: ${syntax[4]}: 이 TypeScript 문법 오류를 고친 뒤 다시 검사하세요.`,
      error,
    );
  }
  if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /Cannot find module '([^']+)'/.test(firstLine)) {
    const missing = /Cannot find module '([^']+)'/.exec(firstLine)![1];
    const from = ((error as { requireStack?: string[] }).requireStack ?? [])[0];
    const where = from ? `${displayPath(from)}: ` : '';
    const fix = missing.startsWith('.')
      ? { en: 'check the import path', ko: 'import 경로를 확인하세요' }
      : { en: `install it (npm install in ${displayPath(dir) || '.'})`, ko: `설치하세요(${displayPath(dir) || '.'}에서 npm install)` };
    return inputError(
      `${where}cannot find module '${missing}': ${fix.en}.`,
      `${where}모듈 '${missing}'을(를) 찾을 수 없습니다. ${fix.ko}.`,
      error,
    );
  }
  // A runtime error is often caused by a type error that tsx does not report: look for one now,
  // only on this failure path, so the happy path stays fast.
  const typeError = findTypeErrors(dir)[0];
  const constructPath = (error as { constructPath?: string }).constructPath;
  const where = sourceLocation(error, dir);
  const prefix = [where, constructPath ? `[${constructPath}]` : undefined].filter(Boolean).join(' ');
  const what = `${prefix ? `${prefix}: ` : ''}${firstLine}`;
  if (typeError) {
    return inputError(
      `${typeError}: fix this type error (synth then failed with: ${what}).`,
      `${typeError}: 이 타입 오류를 고치세요(그 뒤 synth가 실패했습니다: ${what}).`,
      error,
    );
  }
  return inputError(
    `synth failed: ${what}: fix the app code there, then run the checker again.`,
    `synth 실패: ${what}: 해당 위치의 앱 코드를 고친 뒤 다시 검사하세요.`,
    error,
  );
}

/** The first stack frame inside the app folder (not its node_modules), as "lib/x.ts:12:5". */
function sourceLocation(error: unknown, dir: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const match of stack.matchAll(/\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):(\d+)\)?$/gm)) {
    const file = match[1];
    if (file.startsWith(path.resolve(dir) + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
      return `${displayPath(file)}:${match[2]}:${match[3]}`;
    }
  }
  return undefined;
}

function cdkJsonContext(dir: string): Record<string, unknown> {
  const cdkJson = readJson(path.join(dir, 'cdk.json')) as { context?: Record<string, unknown> };
  const contextFile = path.join(dir, 'cdk.context.json');
  const saved = fs.existsSync(contextFile) ? (readJson(contextFile) as Record<string, unknown>) : {};
  return { ...(cdkJson.context ?? {}), ...saved };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(error, displayPath(file), { en: 'the file', ko: '파일' }, 'read');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw inputError(
      `${displayPath(file)} is not valid JSON (${(error as Error).message}): fix it.`,
      `${displayPath(file)}이(가) 올바른 JSON이 아닙니다(${(error as Error).message}). 고치세요.`,
    );
  }
}

/** Drops the app's own modules from require's cache so a second synth in this process runs fresh code. */
function forgetModules(dir: string): void {
  const root = path.resolve(dir) + path.sep;
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
  }
}

function withEnv(values: Record<string, string>): { restore(): void } {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return {
    restore() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
