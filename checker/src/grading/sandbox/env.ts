import path from 'node:path';

/** Variables of the grader's environment a submission may see; everything else (keys, credentials, CI) stays out. */
export const PASSED_THROUGH = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'TZ', 'CDK_VALIDATION', 'SYSTEMROOT'] as const;

/** The folders of one submission's scratch space. */
export interface Scratch {
  /** The folder the submission may write to (HOME and TMPDIR are inside it). */
  readonly dir: string;
  readonly home: string;
  readonly tmp: string;
  /** Where the synthesis child writes the template or its reason. */
  readonly resultFile: string;
}

/** The scratch layout inside `dir`. */
export function scratchIn(dir: string): Scratch {
  return { dir, home: path.join(dir, 'home'), tmp: path.join(dir, 'tmp'), resultFile: path.join(dir, 'result.json') };
}

/** The folder holding the checker's own aws-cdk-lib and constructs, or undefined when it has none. */
export function lentModules(): string | undefined {
  try {
    return path.dirname(path.dirname(require.resolve('aws-cdk-lib/package.json')));
  } catch {
    // Without its own aws-cdk-lib the checker cannot lend one: each submission must bring its own.
    return undefined;
  }
}

/**
 * The whole environment of a submission's synthesis: the allow-listed variables of the grader's,
 * HOME and temp inside its scratch folder, CDK offline and quiet, a V8 heap cap that every node
 * the app starts inherits, and NODE_PATH lending the checker's aws-cdk-lib to a submission cloned
 * without `npm install`.
 */
export function sandboxEnv(grader: Readonly<Record<string, string | undefined>>, scratch: Scratch, heapMb: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PASSED_THROUGH) if (grader[name] !== undefined) env[name] = grader[name];
  const modules = lentModules();
  return {
    ...env,
    HOME: scratch.home,
    USERPROFILE: scratch.home,
    TMPDIR: scratch.tmp,
    TMP: scratch.tmp,
    TEMP: scratch.tmp,
    npm_config_cache: path.join(scratch.home, '.npm'),
    npm_config_update_notifier: 'false',
    CDK_VALIDATION: env.CDK_VALIDATION ?? 'false',
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_OPTIONS: `--max-old-space-size=${heapMb}`,
    ...(modules ? { NODE_PATH: modules } : {}),
  };
}
