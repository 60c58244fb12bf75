import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sandboxEnv, scratchIn } from './env';
import { launchCommand, type Containment } from './isolation';
import { killLeftovers, killTree } from './kill';
import { clean, malformed, parseSynthResult, type SynthOutcome } from './result';

/** Limits of one submission's synthesis. */
export interface SynthLimits {
  /** Wall-clock limit; the whole process tree is killed when it passes. */
  readonly timeoutMs: number;
  /** V8 heap cap of every node process of the submission (MB). */
  readonly heapMb: number;
}

/** The largest result file the grader reads back (a lab's template is well under 1 MB). */
export const MAX_RESULT_BYTES = 32 * 2 ** 20;
const STDERR_TAIL = 2000;
/**
 * What Node, V8 or the C library print when a process runs out of memory. Looked for in the whole of
 * stderr: V8's native stack trace after it can be longer than the kept tail (Node 22's is).
 */
const OUT_OF_MEMORY = /heap out of memory|allocation failed|Cannot allocate memory|ENOMEM/i;
/** Signals a process gets for its own fault (abort() too: in a PID namespace, node is init and abort() ends in SIGSEGV). */
const FAULTS = new Set<string>(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT', 'SIGTRAP', 'SIGSYS']);
/** Lines of a fatal error report that say nothing on their own: numbered stack frames, banners, GC traces. */
const TRACE_LINE = /^(?:\d+: |-{3,}.*-{3,}$|<-{3}.*-{3}>$|\[\d+:0x[0-9a-f]+\])/i;

const CHILD = path.join(__dirname, 'synth-child.ts');
/** Process groups of the syntheses running now, for {@link stopAll}. */
const running = new Set<number>();
/** Preloaded into every synthesis child: the same tsx registration the checker's own processes use. */
const REGISTER = path.join(__dirname, '..', '..', '..', 'bin', 'register.js');

/**
 * Synthesizes a student's app in a process of its own (never reused), inside `scratchDir` (created
 * here, removed after), at the given containment, and reads back the template it wrote. Never
 * throws: a timeout, a crash, a missing or malformed result is the returned reason.
 */
export async function synthesizeIsolated(options: {
  readonly appDir: string;
  readonly stackName: string;
  readonly scratchDir: string;
  readonly containment: Containment;
  readonly limits: SynthLimits;
  readonly graderEnv: Readonly<Record<string, string | undefined>>;
  /** Synthesizes once and hands back every stack of the app (a lab with several stacks). @default false */
  readonly allStacks?: boolean;
}): Promise<SynthOutcome> {
  const scratch = scratchIn(options.scratchDir);
  fs.mkdirSync(scratch.home, { recursive: true });
  fs.mkdirSync(scratch.tmp, { recursive: true });
  // A token in the environment of every process the app starts: process-level containment finds
  // leftovers by it (an app can drop it, hence also the session sweep and the documented limits).
  const token = randomBytes(12).toString('hex');
  const env = { ...sandboxEnv(options.graderEnv, scratch, options.limits.heapMb), CHECKER_SANDBOX: token };
  const node = [
    process.execPath,
    '--require',
    REGISTER,
    CHILD,
    options.appDir,
    options.stackName,
    scratch.resultFile,
    ...(options.allStacks ? ['all'] : []),
  ];
  const [command, ...args] = launchFor(options, node);
  try {
    const ended = await run(command, args, { cwd: options.appDir, env, timeoutMs: options.limits.timeoutMs, token });
    return ended.timedOut ? timedOut(options.limits.timeoutMs) : readResult(scratch.resultFile, ended, options);
  } finally {
    removeScratch(options.scratchDir);
  }
}

function launchFor(options: Parameters<typeof synthesizeIsolated>[0], node: string[]): string[] {
  const heapBytes = options.limits.heapMb * 2 ** 20;
  return launchCommand(
    options.containment,
    options.scratchDir,
    // RLIMIT_DATA counts memory written to, not the address space V8 and WebAssembly reserve (a cap
    // on that breaks the cdk CLI): twice the heap plus 1 GiB leaves room for Buffers and still
    // refuses a multi-gigabyte allocation.
    { dataBytes: 2 * heapBytes + 2 ** 30, fileSizeBytes: MAX_RESULT_BYTES * 4 },
    node,
  );
}

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The end of stderr, for the reason line. */
  readonly stderr: string;
  /** Whether stderr, anywhere, said the process ran out of memory. */
  readonly outOfMemory: boolean;
  readonly timedOut: boolean;
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; token: string },
): Promise<Ended> {
  return new Promise((resolve) => {
    let stderr = '';
    let outOfMemory = false;
    let timedOut = false;
    // detached: the child leads a new session and process group, so the whole tree can be killed.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) running.add(child.pid);
    // The app's console output is the app's business: drained, only the end of stderr is kept.
    child.stdout.resume();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // A marker split across chunks is still found: the kept tail holds the start of its line.
      const joined = stderr + chunk;
      outOfMemory ||= OUT_OF_MEMORY.test(joined);
      const tail = joined.slice(-STDERR_TAIL);
      // A tail cut mid-line starts at its next line: a fragment of a line is no reason.
      stderr = tail.length < joined.length ? tail.slice(tail.indexOf('\n') + 1) : tail;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, options.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      if (child.pid !== undefined) running.delete(child.pid);
      // Whatever the app left running in its group, session or with its token dies with it.
      killTree(child.pid);
      killLeftovers(child.pid, options.token);
      resolve({ code, signal, stderr, outOfMemory, timedOut });
    };
    child.on('error', (error) => {
      stderr += `\n${error.message}`;
      finish(null, null);
    });
    child.on('close', finish);
  });
}

/** Kills every synthesis still running (the grader is being interrupted). */
export function stopAll(): void {
  for (const pid of running) killTree(pid);
  running.clear();
}

function timedOut(timeoutMs: number): SynthOutcome {
  const seconds = Math.round(timeoutMs / 1000);
  return {
    ok: false,
    error: {
      en: `synth did not finish within ${seconds} s and was stopped with every process it started (an endless loop in the app? raise --timeout)`,
      ko: `synth가 ${seconds}초 안에 끝나지 않아 앱이 시작한 모든 프로세스와 함께 멈췄습니다(앱의 무한 루프인가요? --timeout을 늘리세요)`,
    },
  };
}

/** Reads the child's result file: a regular file (never a link), bounded in size, of the expected shape (result.ts). */
function readResult(file: string, ended: Ended, options: Parameters<typeof synthesizeIsolated>[0]): SynthOutcome {
  let text: string | undefined;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isFile() && stat.size <= MAX_RESULT_BYTES) text = fs.readFileSync(fd, 'utf8');
      else if (stat.isFile()) return tooLarge(stat.size);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    text = undefined;
  }
  if (text === undefined) return ended.code === 0 ? malformed() : crashed(ended, options.limits.heapMb);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed();
  }
  return parseSynthResult(value, { stackName: options.stackName, allStacks: options.allStacks ?? false });
}

function tooLarge(size: number): SynthOutcome {
  const mb = Math.round(size / 2 ** 20);
  return {
    ok: false,
    error: {
      en: `the synthesized template is ${mb} MB, over the ${MAX_RESULT_BYTES / 2 ** 20} MB a lab's template can need: fix the app`,
      ko: `synth한 템플릿이 ${mb}MB로, 실습 템플릿에 필요한 ${MAX_RESULT_BYTES / 2 ** 20}MB를 넘습니다. 앱을 고치세요`,
    },
  };
}

/**
 * Why the child ended without a result, in one line: the memory cap when anything it printed says
 * so (whatever signal or exit code followed), a fault of the process, or an exit or kill.
 */
function crashed(ended: Ended, heapMb: number): SynthOutcome {
  if (ended.outOfMemory) {
    return {
      ok: false,
      error: {
        en: `synth ran out of memory (the limit is a ${heapMb} MB heap per process): does the app allocate far more than a CDK app needs?`,
        ko: `synth 중 메모리가 부족했습니다(프로세스마다 힙 ${heapMb}MB 제한). 앱이 CDK 앱에 필요한 것보다 훨씬 많은 메모리를 쓰나요?`,
      },
    };
  }
  const last = reasonLine(ended.stderr);
  const said = last ? `: ${last}` : '';
  if (ended.signal && FAULTS.has(ended.signal)) {
    return {
      ok: false,
      error: {
        en: `synth crashed (signal ${ended.signal}) before writing a template${said}: run \`npx cdk synth\` in the app folder to see why (a native module, process.abort(), or memory over the grader's limits?)`,
        ko: `synth가 템플릿을 쓰기 전에 비정상 종료했습니다(signal ${ended.signal})${said}. 앱 폴더에서 \`npx cdk synth\`를 실행해 원인을 확인하세요(네이티브 모듈, process.abort(), 채점기의 메모리 제한 초과?)`,
      },
    };
  }
  const how = ended.signal ? `signal ${ended.signal}` : `exit code ${ended.code}`;
  return {
    ok: false,
    error: {
      en: `synth ended (${how}) before writing a template${said}: does the app call process.exit() or kill its process?`,
      ko: `synth가 템플릿을 쓰기 전에 끝났습니다(${how})${said}. 앱이 process.exit()를 부르거나 자기 프로세스를 끝내나요?`,
    },
  };
}

/** The last line of stderr that says something: not a stack frame, a banner or a GC trace. */
function reasonLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  return clean(lines.filter((line) => line !== '' && !TRACE_LINE.test(line)).pop() ?? '');
}

/** Removes a scratch folder even when the app left folders without permissions in it. */
export function removeScratch(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
    // A folder the app made unreadable or unwritable: give permissions back, then remove.
  }
  const open = (folder: string): void => {
    try {
      fs.chmodSync(folder, 0o700);
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) open(path.join(folder, entry.name));
      }
    } catch {
      // Not ours to change (another owner): the removal below leaves it.
    }
  };
  open(dir);
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // What is left belongs to the operating system's temporary folder cleanup.
  }
}
