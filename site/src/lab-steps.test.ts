import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { catalog, labDir, repoRoot, type Lab } from '@workshop/catalog';
import { labStates, readSources, writeSources, type LabState } from './lib/lab-steps';

// Every step of every lab, applied in order from the same patches the guides render, must leave
// an app that type-checks and synthesizes, and the last step must arrive at the solution.

/** The hook aws-cdk-lib's App constructor calls with every new App (aws-cdk-lib 2.x, core/lib/app.js). */
const APP_INIT_HOOK = Symbol.for('@aws-cdk/core.App#initHook');

interface CdkApp {
  node: { setContext(key: string, value: unknown): void };
  synth(): { directory: string; stacks: Array<{ stackName: string; template: { Resources?: Record<string, unknown> } }> };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-steps-'));
// Step apps live outside the repository; this link lets them resolve aws-cdk-lib and the type packages.
fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(work, 'node_modules'), 'dir');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// Declaration files of aws-cdk-lib, Node and TypeScript are parsed once and shared by every step's program.
const parsed = new Map<string, ts.SourceFile | undefined>();
function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) => {
    if (!file.includes(`${path.sep}node_modules${path.sep}`)) return getSourceFile(file, language, onError);
    if (!parsed.has(file)) parsed.set(file, getSourceFile(file, language, onError));
    return parsed.get(file);
  };
  return host;
}

/** Type errors of the app in `dir` under its own tsconfig.json, as "file:line: message". */
function typeErrors(dir: string): string[] {
  const configFile = path.join(dir, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, dir);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host: compilerHost(config.options) });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return text;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(dir, diagnostic.file.fileName)}:${line + 1}: ${text}`;
  });
}

/** Runs the app's bin/shop.ts in this process and returns the resource types of the lab's stack. */
function synthesize(dir: string, stackName: string): string[] {
  const context = (JSON.parse(fs.readFileSync(path.join(dir, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
  const apps: CdkApp[] = [];
  const globals = globalThis as Record<symbol, unknown>;
  globals[APP_INIT_HOOK] = (app: CdkApp) => {
    for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
    // Asset bundling (esbuild for event-ready's shop API) is not what a step judges: skip it, as the checker does.
    app.node.setContext('aws:cdk:bundling-stacks', []);
    apps.push(app);
  };
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(dir, 'bin', 'shop.ts'));
    if (apps.length !== 1) throw new Error(`bin/shop.ts created ${apps.length} CDK apps instead of one.`);
    const assembly = apps[0].synth();
    try {
      const stack = assembly.stacks.find((candidate) => candidate.stackName === stackName);
      if (!stack) throw new Error(`the app has no stack ${stackName}: bin/shop.ts must create it.`);
      return Object.values(stack.template.Resources ?? {}).map((resource) => (resource as { Type: string }).Type);
    } finally {
      fs.rmSync(assembly.directory, { recursive: true, force: true });
    }
  } finally {
    delete globals[APP_INIT_HOOK];
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  }
}

/** Writes one state as a complete app: the starter's config files with the state's step folders. */
function writeApp(lab: Lab, state: LabState): string {
  const dir = path.join(work, lab.id, `step-${state.step}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['cdk.json', 'tsconfig.json']) fs.copyFileSync(path.join(labDir(lab.id, 'starter'), file), path.join(dir, file));
  // Only the app's own sources are type-checked: the starter's tests describe the starter, not each step.
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')) as { include?: string[] };
  tsconfig.include = ['bin/**/*.ts', 'lib/**/*.ts', 'service/src/**/*.ts'];
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  writeSources(dir, state.sources);
  return dir;
}

const statesOf = new Map<string, LabState[]>();
function states(lab: Lab): LabState[] {
  if (!statesOf.has(lab.id)) statesOf.set(lab.id, labStates(lab.id));
  return statesOf.get(lab.id)!;
}

const todoMarks = (lab: Lab, state: LabState): number[] =>
  [...[...state.sources.values()].join('\n').matchAll(new RegExp(`TODO\\(${lab.id}\\):? step (\\d+)`, 'g'))].map((match) =>
    Number(match[1]),
  );

describe.each(catalog.labs.map((lab) => [lab.id, lab] as const))('%s', (_id, lab) => {
  it.each(lab.hints.map((hint) => [hint.step, hint.file] as const))(
    'step %i (%s) leaves an app that type-checks and synthesizes',
    (step, file) => {
      const state = states(lab).find((candidate) => candidate.step === step)!;
      const before = states(lab)[states(lab).indexOf(state) - 1];
      if (state.sources.get(file) === before.sources.get(file)) {
        throw new Error(`step ${step} does not change ${file}, the file its catalog hint and TODO mark name.`);
      }
      const marks = todoMarks(lab, state);
      if (marks.includes(step))
        throw new Error(`after step ${step} its "TODO(${lab.id}) step ${step}" mark is still there: remove it in the step.`);
      const later = lab.hints.filter((hint) => hint.step > step && !marks.includes(hint.step)).map((hint) => hint.step);
      if (later.length > 0)
        throw new Error(`step ${step} removes the TODO marks of later step(s) ${later.join(', ')}: leave them to their steps.`);

      const dir = writeApp(lab, state);
      const errors = typeErrors(dir);
      if (errors.length > 0) throw new Error(`after step ${step} the app does not compile: ${errors.slice(0, 3).join('; ')}`);
      expect(synthesize(dir, lab.stackName).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('ends at the solution after the last step', () => {
    const final = states(lab)[states(lab).length - 1].sources;
    const solution = readSources(labDir(lab.id, 'solution'));
    expect([...final.keys()]).toEqual([...solution.keys()]);
    for (const [file, text] of solution) {
      const got = final.get(file)!.split('\n');
      const line = text.split('\n').findIndex((expected, i) => expected !== got[i]);
      if (line >= 0) {
        throw new Error(
          `after every step, ${file}:${line + 1} differs from solutions/${lab.id}: re-record labs/steps/${lab.id} so it ends at the solution.`,
        );
      }
    }
  });
});
