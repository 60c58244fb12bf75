import { spawnSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalizedText } from '@workshop/catalog';
import { CheckerError, inputError, type ExitCodeValue } from '../../errors';
import type { Analyses, AnalysisId } from '../../model/analyses';
import { displayPath, type StackTemplates } from '../template/load';
import { assertCdkApp } from './synth';

/**
 * Seconds `check --app` waits for an app to synthesize. The slowest lab (security-review, with
 * cdk-nag) takes about 1.3 s warm, 1.8 s with a cold compile cache and 3.1 s with CDK's
 * CloudFormation validation on, on two idle cores, and 13.5 s with validation on two cores shared
 * by nine busy processes: two minutes leave room for slow laptops and CI runners, and still end a
 * hung Classroom job long before CI would.
 */
export const DEFAULT_SYNTH_TIMEOUT_SECONDS = 120;

/** Environment variable naming the scratch folder the child puts its temporary files in. */
export const SCRATCH_ENV = 'CHECKER_SYNTH_SCRATCH';

/** What the synth child sends back: the template (with the analyses it was asked for), or the error it would have thrown. */
export type SynthReply =
  | { readonly ok: true; readonly file: StackTemplates; readonly analyses?: Analyses }
  | { readonly ok: false; readonly text: LocalizedText; readonly exitCode: ExitCodeValue; readonly stack: string }
  | { readonly ok: false; readonly internal: string; readonly stack: string };

/** Options of {@link synthAppIsolated}. */
export interface IsolatedSynthOptions {
  /** Seconds before the app's whole process group is killed. @default DEFAULT_SYNTH_TIMEOUT_SECONDS */
  readonly timeoutSeconds?: number;
  /**
   * Analyses the child runs over the template right after synth, where aws-cdk-lib is already loaded
   * (`check` only: the child runs the app's code, so grading computes its findings itself). @default none
   */
  readonly analyses?: readonly AnalysisId[];
  /** Also return every other stack of the app (`others`), for a lab with several stacks. @default false */
  readonly allStacks?: boolean;
}

/** A synthesized template, with the analyses the child prepared for it (unchecked: the engine validates them). */
export type IsolatedSynth = StackTemplates & { readonly analyses?: Analyses };

const CHILD = path.join(__dirname, '..', '..', '..', 'bin', 'synth-child.js');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Synthesizes one stack of the CDK app in `dir` in a child process (see synth.ts `synthApp` for how),
 * so an app that never returns is killed after `timeoutSeconds` with its whole process group, one
 * that exits early is reported, and whatever the app prints goes to standard error, never into a
 * report on standard output. Errors are one-line CheckerErrors, as in-process synth gives.
 */
export function synthAppIsolated(dir: string, stackName: string, options: IsolatedSynthOptions = {}): Promise<IsolatedSynth> {
  assertCdkApp(dir);
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_SYNTH_TIMEOUT_SECONDS;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-synth-'));
  const windows = process.platform === 'win32';
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = fork(CHILD, [dir, stackName, (options.analyses ?? []).join(','), options.allStacks ? 'all' : ''], {
        // A process group of its own (POSIX): a timeout kills npx, node and whatever the app started.
        detached: !windows,
        execArgv: [],
        stdio: ['ignore', 2, 2, 'ipc'],
        env: { ...process.env, [SCRATCH_ENV]: scratch },
      });
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      reject(error);
      return;
    }
    let reply: SynthReply | undefined;
    let timedOut = false;
    const stop = (): void => killTree(child, windows);
    // The child is not in the terminal's process group, so Ctrl-C must be passed on to it.
    const onSignal = (signal: NodeJS.Signals): void => {
      stop();
      fs.rmSync(scratch, { recursive: true, force: true });
      for (const name of SIGNALS) process.removeListener(name, onSignal);
      process.kill(process.pid, signal);
    };
    for (const name of SIGNALS) process.on(name, onSignal);
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutSeconds * 1000);
    child.on('message', (message: SynthReply) => {
      reply = message;
    });
    child.on('error', (error) => {
      if (child.pid === undefined) finish(() => reject(error));
    });
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      finish(() => {
        if (reply?.ok) resolve({ ...reply.file, ...(reply.analyses && { analyses: reply.analyses }) });
        else if (reply) reject(errorOf(reply));
        else if (timedOut) reject(timeoutError(dir, timeoutSeconds));
        else reject(endedError(dir, code, signal));
      });
    });
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      for (const name of SIGNALS) process.removeListener(name, onSignal);
      // Whatever the app started and left behind in its process group goes with it.
      stop();
      fs.rmSync(scratch, { recursive: true, force: true });
      settle();
    };
  });
}

/**
 * Parses `--synth-timeout <seconds>`: a number of seconds from 1 to 3600, so a typo cannot turn the
 * limit into none. Undefined stays undefined (the default applies).
 */
export function parseSynthTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
    throw inputError(
      `--synth-timeout must be a number of seconds from 1 to 3600, not "${value}".`,
      `--synth-timeout은(는) 1에서 3600 사이의 초 단위 숫자여야 합니다("${value}"은 안 됩니다).`,
    );
  }
  return seconds;
}

function killTree(child: ChildProcess, windows: boolean): void {
  if (child.pid === undefined) return;
  try {
    if (windows) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

function errorOf(reply: Extract<SynthReply, { ok: false }>): Error {
  const cause = Object.assign(new Error('in the synth child'), { stack: reply.stack });
  if ('text' in reply) return new CheckerError(reply.text, reply.exitCode, { cause });
  return new Error(reply.internal, { cause });
}

function timeoutError(dir: string, seconds: number): CheckerError {
  const shown = displayPath(dir) || '.';
  return inputError(
    `The app in ${shown} did not finish synthesizing within ${seconds} s: look for a loop or a wait that never ends in its bin/ and lib/ code, or allow more time with --synth-timeout <seconds>.`,
    `${shown}의 앱이 ${seconds}초 안에 synth를 끝내지 못했습니다. bin/과 lib/ 코드에 끝나지 않는 반복이나 대기가 있는지 확인하거나, --synth-timeout <초>로 시간을 늘리세요.`,
  );
}

function endedError(dir: string, code: number | null, signal: NodeJS.Signals | null): CheckerError {
  const shown = displayPath(dir) || '.';
  const how = signal ? { en: `killed by ${signal}`, ko: `${signal} 신호로 종료` } : { en: `exit code ${code}`, ko: `종료 코드 ${code}` };
  return inputError(
    `The app in ${shown} ended (${how.en}) before it finished synthesizing: remove its process.exit() call or fix the crash (out of memory?), then run the checker again.`,
    `${shown}의 앱이 synth를 끝내기 전에 종료되었습니다(${how.ko}). process.exit() 호출을 지우거나 오류(메모리 부족?)를 고친 뒤 다시 검사하세요.`,
  );
}
