import path from 'node:path';
import { repoRoot, type Lab } from '@workshop/catalog';
import { CheckerError, inputError } from '../errors';
import { graphFromTemplate, TemplateError } from './template/resolve';
import { displayPath, loadCdkOut, loadTemplateFile, type TemplateFile } from './template/load';
import { synthAppIsolated } from './app/isolate';
import type { LoadedSource, LoadLiveGraph, LiveOptions } from './types';

export type { LoadedSource, LiveOptions, TargetSkip } from './types';

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
}

/** Loads the resource graph from the chosen input. Errors are CheckerErrors with one-line messages. */
export async function loadSource(input: InputSpec, options: LoadOptions): Promise<LoadedSource> {
  switch (input.kind) {
    case 'app': {
      options.onProgress?.(`synthesizing ${displayPath(input.dir) || '.'}`);
      const file = await synthAppIsolated(path.resolve(input.dir), options.stackName, { timeoutSeconds: options.synthTimeoutSeconds });
      return fromTemplate(file, `app ${describePath(input.dir)}`, options.stackName);
    }
    case 'cdk-out':
      return fromTemplate(loadCdkOut(path.resolve(input.dir), options.stackName), `cdk.out ${describePath(input.dir)}`, options.stackName);
    case 'template':
      return fromTemplate(loadTemplateFile(path.resolve(input.file)), `template ${describePath(input.file)}`, options.stackName);
    case 'live':
      return liveLoader()({ ...input, lab: options.lab, stackName: options.stackName, onProgress: options.onProgress });
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
function liveLoader(): LoadLiveGraph {
  const modulePath = './live/index';
  let loaded: { loadLiveGraph?: LoadLiveGraph };
  try {
    // A variable path keeps the AWS SDK out of template checks and lets this build without the module.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(modulePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    loaded = {};
  }
  if (typeof loaded.loadLiveGraph !== 'function') {
    throw new CheckerError({
      en: 'This checker build has no live loader yet: check a synthesized template instead (--app, --cdk-out or --template).',
      ko: '이 checker에는 아직 라이브 로더가 없습니다. 대신 synth한 템플릿을 검사하세요(--app, --cdk-out, --template).',
    });
  }
  return loaded.loadLiveGraph;
}
