import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** A server process started in its own process group, with its output in a log file. */
export interface ServerProcess {
  /** The process id, also the id of its process group. */
  readonly pid: number;
  /** The file its standard output and error go to. */
  readonly logFile: string;
  /** True once the process has exited. */
  exited(): boolean;
  /** Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `command` in a new process group (so stop() reaches anything it forks) with output appended to `logFile`. */
export function startServer(command: string, args: readonly string[], logFile: string): ServerProcess {
  const out = fs.openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
  } finally {
    fs.closeSync(out);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${command} could not be started`);
  let done = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      done = true;
      resolve();
    });
    child.once('error', () => {
      done = true;
      resolve();
    });
  });
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is already gone.
    }
  };
  return {
    pid,
    logFile,
    exited: () => done,
    async stop(graceMs = 5_000) {
      if (done) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
      // Anything the server forked into its group goes with it.
      signal('SIGKILL');
    },
  };
}

/** Polls `ready` every 50 ms until it returns true; throws `failure()` when `server` exits or `timeoutMs` passes. */
export async function waitUntil(
  ready: () => Promise<boolean>,
  server: ServerProcess,
  timeoutMs: number,
  failure: (why: string) => Error,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exited()) throw failure('it exited');
    if (await ready()) return;
    if (Date.now() > deadline) throw failure(`it was not ready within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The last `lines` lines of a log file, joined with " | " for a one-line message. */
export function logTail(file: string, lines = 3): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '';
  }
}
