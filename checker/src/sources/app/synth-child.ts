/*
 * The child side of an isolated synth (isolate.ts starts it through bin/synth-child.js with the app
 * folder, stack name, wanted analyses and "all" for every stack as arguments): synthesizes the app in this process, runs the
 * analyses over the template while aws-cdk-lib is loaded, sends the template (and those findings) or
 * the one-line error back over the IPC channel, and exits whatever the app left running.
 */
import type { Analyses } from '../../model/analyses';
import type { ResourceGraph } from '../../model/graph';
import { CheckerError } from '../../errors';
import { nestsDeeperThan, tooDeepError } from '../template/limits';
import { synthApp } from './synth';
import { SCRATCH_ENV, type SynthReply } from './isolate';

/** Prepares the wanted analyses over the synthesized graph (engine/analyses.ts `analysesInChild`, wired in by bin/synth-child.js). */
export type ChildAnalyze = (wanted: readonly string[], graph: ResourceGraph) => Analyses;

/** Synthesizes the app named by the process arguments and replies to the parent, then exits. */
export function serveSynth(analyze: ChildAnalyze): void {
  if (!process.send) {
    process.stderr.write(
      'bin/synth-child.js is started by `checker check --app`, not by hand: run the checker instead. / 직접 실행하지 말고 checker를 실행하세요.\n',
    );
    process.exit(2);
  }
  const [dir, stackName, wanted = '', stacks = ''] = process.argv.slice(2);
  // tsx has already fixed its compile cache folder; from here on the app's temporary folders (CDK's
  // cdk.out*, `cdk synth -o`) go to the scratch folder the parent removes, even after a timeout.
  const scratch = process.env[SCRATCH_ENV];
  if (scratch) process.env.TMPDIR = process.env.TMP = process.env.TEMP = scratch;
  const analyses = wanted.split(',').filter(Boolean);
  // An app may leave timers or sockets open: exit once the reply is sent, as `cdk synth` would not wait either.
  process.send(reply(dir, stackName, analyses, analyze, stacks === 'all'), () => process.exit(0));
}

function reply(dir: string, stackName: string, wanted: readonly string[], analyze: ChildAnalyze, all: boolean): SynthReply {
  try {
    const file = synthApp(dir, stackName, all);
    if (nestsDeeperThan(file.template)) throw tooDeepError(file.file);
    return { ok: true, file, ...(wanted.length > 0 && { analyses: analysesOf(file.template, stackName, wanted, analyze) }) };
  } catch (error) {
    if (error instanceof CheckerError) return { ok: false, text: error.text, exitCode: error.exitCode, stack: stackOf(error) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, internal: message, stack: stackOf(error) };
  }
}

/** The analyses over the graph the parent will build from the same template; none when it cannot be built here (the parent reports why). */
function analysesOf(template: unknown, stackName: string, wanted: readonly string[], analyze: ChildAnalyze): Analyses {
  try {
    // Loaded only when an analysis is wanted: the template loader is not needed for the synth itself.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { graphFromTemplate } = require('../template/resolve') as typeof import('../template/resolve');
    // The parent builds its graph from the template as it arrives over IPC (JSON): so does this one.
    return analyze(wanted, graphFromTemplate(JSON.parse(JSON.stringify(template)), { stackName }));
  } catch {
    return {};
  }
}

function stackOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const own = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return cause instanceof Error ? `${own}\ncaused by: ${cause.stack ?? cause.message}` : own;
}
