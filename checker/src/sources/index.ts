import path from 'node:path';
import { repoRoot, type Lab } from '@workshop/catalog';
import { inputError } from '../errors';
import type { AnalysisId } from '../model/analyses';
import type { LoadedSource } from '../model/source';
import { graphFromTemplate, TemplateError } from './template/resolve';
import { displayPath, loadCdkOut, loadTemplateFile, type TemplateFile } from './template/load';
import { synthAppIsolated } from './app/isolate';
import type { LiveOptions } from './live/index';

export type { LoadedSource, TargetSkip } from '../model/source';
export type { LiveOptions } from './live/index';

/** Where `check` reads the architecture from (exactly one). */
export type InputSpec =
  | { readonly kind: 'app'; readonly dir: string }
  | { readonly kind: 'cdk-out'; readonly dir: string }
  | { readonly kind: 'template'; readonly file: string }
  | { readonly kind: 'live'; readonly endpoint?: string; readonly profile?: string; readonly region?: string };

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

/** Loads the resource graph from the chosen input. Errors are CheckerErrors with one-line messages. */
export async function loadSource(input: InputSpec, options: LoadOptions): Promise<LoadedSource> {
  switch (input.kind) {
    case 'app': {
      options.onProgress?.(`synthesizing ${displayPath(input.dir) || '.'}`);
      const { analyses, ...file } = await synthAppIsolated(path.resolve(input.dir), options.stackName, {
        timeoutSeconds: options.synthTimeoutSeconds,
        analyses: options.analyses,
      });
      return { ...fromTemplate(file, `app ${describePath(input.dir)}`, options.stackName), ...(analyses && { analyses }) };
    }
    case 'cdk-out':
      return fromTemplate(loadCdkOut(path.resolve(input.dir), options.stackName), `cdk.out ${describePath(input.dir)}`, options.stackName);
    case 'template':
      return fromTemplate(loadTemplateFile(path.resolve(input.file)), `template ${describePath(input.file)}`, options.stackName);
    case 'live':
      return liveLoader().loadLiveGraph({ ...input, lab: options.lab, stackName: options.stackName, onProgress: options.onProgress });
  }
}

/** A path for the report: relative to the repository root inside it (stable for any working directory), else absolute. */
function describePath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(repoRoot, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

/** Builds the graph of an already-read template; a structural problem becomes an input error naming the file. */
export function fromTemplate(file: TemplateFile, description: string, stackName: string): LoadedSource {
  try {
    const graph = graphFromTemplate(file.template, { stackName });
    return { graph, source: { kind: 'template', description, templateSha256: file.sha256 } };
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
