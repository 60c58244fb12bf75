import { createHash } from 'node:crypto';
import path from 'node:path';
import { labStacks, repoRoot, secondaryRegion, type Lab, type LabStack } from '@workshop/catalog';
import { inputError } from '../errors';
import type { AnalysisId } from '../model/analyses';
import type { LoadedSource } from '../model/source';
import { graphFromStacks, graphFromTemplate, TemplateError, type TemplateStack } from './template/resolve';
import { displayPath, loadCdkOut, loadTemplateFile, type StackTemplates, type TemplateFile } from './template/load';
import { synthAppIsolated } from './app/isolate';
import type { LiveOptions } from './live/index';

export type { LoadedSource, TargetSkip } from '../model/source';
export type { LiveOptions } from './live/index';

/** Where `check` reads the architecture from (exactly one). */
export type InputSpec =
  | { readonly kind: 'app'; readonly dir: string }
  | { readonly kind: 'cdk-out'; readonly dir: string }
  | { readonly kind: 'template'; readonly file: string }
  | {
      readonly kind: 'live';
      readonly endpoint?: string;
      readonly profile?: string;
      /** The primary Region (where the lab's main stack runs). */
      readonly region?: string;
      /** The lab's second Region, for a lab with stacks there. @default the deployment record's, else the catalog's */
      readonly secondaryRegion?: string;
    };

/** Options shared by every source. */
export interface LoadOptions {
  readonly lab: Lab;
  readonly stackName: string;
  readonly onProgress?: LiveOptions['onProgress'];
  /** Seconds an app may take to synthesize (app input only). @default DEFAULT_SYNTH_TIMEOUT_SECONDS (app/isolate.ts) */
  readonly synthTimeoutSeconds?: number;
  /**
   * App input: analyses the synth child prepares while aws-cdk-lib is loaded (`check` asks; grading
   * never does, as there the child runs a student's code). @default none
   */
  readonly analyses?: readonly AnalysisId[];
}

/**
 * The stacks a check loads, in deploy order: the lab's (catalog `stacks`), with the main one renamed by
 * --stack; one stack for a lab without `stacks`.
 */
export function stacksToLoad(lab: Lab, stackName: string): LabStack[] {
  return labStacks(lab).map((stack) => (stack.name === lab.stackName ? { ...stack, name: stackName } : stack));
}

/** Loads the resource graph from the chosen input. Errors are CheckerErrors with one-line messages. */
export async function loadSource(input: InputSpec, options: LoadOptions): Promise<LoadedSource> {
  if (hasSeveralStacks(options.lab)) return loadStacks(input, options);
  switch (input.kind) {
    case 'app': {
      options.onProgress?.(`synthesizing ${displayPath(input.dir) || '.'}`);
      const { analyses, ...file } = await synthAppIsolated(path.resolve(input.dir), options.stackName, {
        timeoutSeconds: options.synthTimeoutSeconds,
        analyses: options.analyses,
      });
      return { ...fromAppTemplates(file, input.dir, options.lab, options.stackName), ...(analyses && { analyses }) };
    }
    case 'cdk-out':
      return fromTemplate(loadCdkOut(path.resolve(input.dir), options.stackName), `cdk.out ${describePath(input.dir)}`, options.stackName);
    case 'template':
      return fromTemplate(loadTemplateFile(path.resolve(input.file)), `template ${describePath(input.file)}`, options.stackName);
    case 'live':
      return liveLoader().loadLiveGraph({ ...input, lab: options.lab, stackName: options.stackName, onProgress: options.onProgress });
  }
}

/** True when the lab has several stacks, so a check reads every stack (the app's `allStacks`, `fromLabTemplates`). */
export function hasSeveralStacks(lab: Lab): boolean {
  return labStacks(lab).length > 1;
}

/** The graph of what an app or assembly gave: its one stack, or for a lab with several stacks every stack it holds. */
export function fromLabTemplates(files: StackTemplates, description: string, lab: Lab, stackName: string): LoadedSource {
  return hasSeveralStacks(lab) ? fromStackTemplates(files, description, lab, stackName) : fromTemplate(files, description, stackName);
}

/**
 * The graph of what the app in `dir` synthesized (templates, Regions, stack tags), as `check --app` judges it;
 * `checker grade` builds a student's app's graph with it too, from what its sandboxed synth handed back.
 */
export function fromAppTemplates(files: StackTemplates, dir: string, lab: Lab, stackName: string): LoadedSource {
  return fromLabTemplates(files, `app ${describePath(dir)}`, lab, stackName);
}

/** A lab with several stacks: every template of the app or assembly in one graph, or every stack live, each in its Region. */
async function loadStacks(input: InputSpec, options: LoadOptions): Promise<LoadedSource> {
  switch (input.kind) {
    case 'app': {
      options.onProgress?.(`synthesizing ${displayPath(input.dir) || '.'}`);
      // The child's analyses would cover the main stack alone: the engine prepares them over the whole graph.
      const { analyses: _ignored, ...file } = await synthAppIsolated(path.resolve(input.dir), options.stackName, {
        timeoutSeconds: options.synthTimeoutSeconds,
        allStacks: true,
      });
      return fromAppTemplates(file, input.dir, options.lab, options.stackName);
    }
    case 'cdk-out':
      return fromStackTemplates(
        loadCdkOut(path.resolve(input.dir), options.stackName, true),
        `cdk.out ${describePath(input.dir)}`,
        options.lab,
        options.stackName,
      );
    case 'template': {
      const loaded = fromStackTemplates(
        { ...loadTemplateFile(path.resolve(input.file)), others: [] },
        `template ${describePath(input.file)}`,
        options.lab,
        options.stackName,
      );
      const others = stacksToLoad(options.lab, options.stackName).filter((stack) => stack.name !== options.stackName);
      const names = others.map((stack) => stack.name).join(', ');
      return {
        ...loaded,
        notes: [
          {
            en: `Lab ${options.lab.id} has ${others.length + 1} stacks; a template file holds one, read as ${options.stackName}: rules about ${names} cannot see them. Check the app (--app) or its cdk.out (--cdk-out) to read every stack.`,
            ko: `${options.lab.id} 실습의 스택은 ${others.length + 1}개인데 템플릿 파일에는 하나뿐이라 ${options.stackName}(으)로 읽었습니다. ${names}에 관한 규칙은 그 스택을 보지 못합니다. 모든 스택을 읽으려면 앱(--app)이나 cdk.out(--cdk-out)을 검사하세요.`,
          },
        ],
      };
    }
    case 'live':
      return liveLoader().loadLiveStacks({
        ...input,
        lab: options.lab,
        stackName: options.stackName,
        onProgress: options.onProgress,
        stacks: stacksToLoad(options.lab, options.stackName),
        secondaryRegion: input.secondaryRegion,
      });
  }
}

/**
 * Builds one graph of every stack an app or assembly holds: the catalog says each listed stack's Region and
 * parameters; a stack it does not list is in the secondary Region when its `env` fixes the lab's second Region.
 */
export function fromStackTemplates(files: StackTemplates, description: string, lab: Lab, stackName: string): LoadedSource {
  const listed = stacksToLoad(lab, stackName);
  const second = secondaryRegion(lab);
  const all = [{ ...files, stackName }, ...(files.others ?? [])];
  const order = (name: string): number => {
    const i = listed.findIndex((stack) => stack.name === name);
    return i < 0 ? listed.length : i;
  };
  const stacks = [...all]
    .sort((a, b) => order(a.stackName) - order(b.stackName))
    .map((file): TemplateStack => {
      const spec = listed.find((stack) => stack.name === file.stackName);
      return {
        name: file.stackName,
        template: file.template,
        region: spec?.region ?? (file.regionName === second ? 'secondary' : 'primary'),
        ...(file.regionName && { regionName: file.regionName }),
        ...(file.stackTags && { tags: file.stackTags }),
        main: file.stackName === stackName,
        ...(spec?.parameters && { parameters: spec.parameters }),
      };
    });
  const sha256 = all.length === 1 ? files.sha256 : combinedSha256(all);
  return withTemplateErrors(files, () => ({
    graph: graphFromStacks(stacks),
    source: { kind: 'template', description, templateSha256: sha256 },
  }));
}

/** One hash over several stacks' templates: each stack's name and template hash, in name order. */
function combinedSha256(files: ReadonlyArray<{ readonly stackName: string; readonly sha256: string }>): string {
  const lines = [...files].sort((a, b) => a.stackName.localeCompare(b.stackName)).map((file) => `${file.stackName} ${file.sha256}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** A path for the report: relative to the repository root inside it (stable for any working directory), else absolute. */
function describePath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(repoRoot, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

/** Builds the graph of an already-read template; a structural problem becomes an input error naming the file. */
export function fromTemplate(file: TemplateFile, description: string, stackName: string): LoadedSource {
  return withTemplateErrors(file, () => ({
    graph: graphFromTemplate(file.template, { stackName }),
    source: { kind: 'template', description, templateSha256: file.sha256 },
  }));
}

function withTemplateErrors(file: TemplateFile, build: () => LoadedSource): LoadedSource {
  try {
    return build();
  } catch (error) {
    if (error instanceof TemplateError) {
      throw inputError(
        `${file.file}: ${error.message}: this is not a usable CloudFormation template; fix it or synthesize it again.`,
        `${file.file}: ${error.message}: 쓸 수 있는 CloudFormation 템플릿이 아닙니다. 고치거나 다시 synth하세요.`,
        error,
      );
    }
    throw error;
  }
}

/** The live loader, loaded only for --live so template checks never pay for the AWS SDK. */
function liveLoader(): typeof import('./live/index') {
  // A require at the point of use keeps the SDK out of template checks; the module type keeps the call checked.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./live/index') as typeof import('./live/index');
}
