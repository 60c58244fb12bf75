/*
 * The child side of an isolated synth (isolate.ts starts it through bin/synth-child.js with the app
 * folder and stack name as arguments): synthesizes the app in this process, sends the template or
 * the one-line error back over the IPC channel, and exits whatever the app left running.
 */
import { CheckerError } from '../../errors';
import { nestsDeeperThan, tooDeepError } from '../template/limits';
import { synthApp } from './synth';
import { SCRATCH_ENV, type SynthReply } from './isolate';

const [dir, stackName] = process.argv.slice(2);
// tsx has already fixed its compile cache folder; from here on the app's temporary folders (CDK's
// cdk.out*, `cdk synth -o`) go to the scratch folder the parent removes, even after a timeout.
const scratch = process.env[SCRATCH_ENV];
if (scratch) process.env.TMPDIR = process.env.TMP = process.env.TEMP = scratch;

function reply(): SynthReply {
  try {
    const file = synthApp(dir, stackName);
    if (nestsDeeperThan(file.template)) throw tooDeepError(file.file);
    return { ok: true, file };
  } catch (error) {
    if (error instanceof CheckerError) return { ok: false, text: error.text, exitCode: error.exitCode, stack: stackOf(error) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, internal: message, stack: stackOf(error) };
  }
}

function stackOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const own = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return cause instanceof Error ? `${own}\ncaused by: ${cause.stack ?? cause.message}` : own;
}

if (!process.send) {
  process.stderr.write(
    'bin/synth-child.js is started by `checker check --app`, not by hand: run the checker instead. / 직접 실행하지 말고 checker를 실행하세요.\n',
  );
  process.exit(2);
}
// An app may leave timers or sockets open: exit once the reply is sent, as `cdk synth` would not wait either.
process.send(reply(), () => process.exit(0));
