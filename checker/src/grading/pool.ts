import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { SubmissionResult, SubmissionTask } from './submission';

/** Options of a {@link WorkerPool}. */
export interface PoolOptions {
  /** Workers running at once. */
  readonly size: number;
  /** A submission still running after this long is stopped (its worker killed) and graded ERROR. */
  readonly timeoutMs: number;
  /** Environment of the workers. */
  readonly env: NodeJS.ProcessEnv;
  /** A worker whose memory grows past this is replaced after its submission. */
  readonly maxRssBytes?: number;
  /** The worker's entry module (tests pass a fake one). */
  readonly workerFile?: string;
}

interface Job {
  readonly task: SubmissionTask;
  readonly resolve: (result: SubmissionResult) => void;
}

interface Slot {
  child?: ChildProcess;
  stderr: string;
  job?: Job;
  jobId?: number;
  timer?: NodeJS.Timeout;
}

const STDERR_TAIL = 2000;

/**
 * A bounded pool of grading worker processes. `run` never rejects: a timeout, a crash or an exit
 * of the worker resolves as a failed result naming the reason, and the slot starts a new worker.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ stderr: '' }));
  }

  /** Checks one submission in a worker. */
  run(task: SubmissionTask): Promise<SubmissionResult> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; call once all runs have settled. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) this.retire(slot);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0 || this.closed) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    const child = slot.child ?? this.spawn(slot);
    const id = this.nextId++;
    slot.job = job;
    slot.jobId = id;
    slot.stderr = '';
    slot.timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 1000);
      this.finish(slot, {
        ok: false,
        error: {
          en: `timed out after ${seconds} s: the check was stopped (an endless loop in the app, or a slow target? raise --timeout)`,
          ko: `${seconds}초 안에 끝나지 않아 검사를 멈췄습니다(앱의 무한 루프나 느린 대상인가요? --timeout을 늘리세요)`,
        },
      });
      this.retire(slot);
    }, this.options.timeoutMs);
    child.send({ id, task: job.task });
  }

  private spawn(slot: Slot): ChildProcess {
    const workerFile = this.options.workerFile ?? path.join(__dirname, 'worker.ts');
    const child = fork(workerFile, [], {
      execArgv: ['--require', require.resolve('tsx/cjs')],
      env: this.options.env,
      silent: true,
    });
    slot.child = child;
    // The learner's console output goes here; only the end of stderr is kept, to explain a crash.
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.on('message', (message: { id: number; result: SubmissionResult; rssBytes: number }) => {
      if (slot.child !== child || message.id !== slot.jobId) return;
      this.finish(slot, message.result);
      const recycle = message.rssBytes > (this.options.maxRssBytes ?? 1.5 * 2 ** 30);
      if (recycle) this.retire(slot);
      this.dispatch();
    });
    child.on('exit', (code, signal) => {
      if (slot.child !== child) return;
      slot.child = undefined;
      const last = slot.stderr.trim().split('\n').pop()?.trim();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      this.finish(slot, {
        ok: false,
        error: {
          en: `the check process ended (${how}) before reporting${last ? `: ${last}` : ''}: does the app call process.exit() or run out of memory?`,
          ko: `검사 프로세스가 결과를 보내기 전에 끝났습니다(${how})${last ? `: ${last}` : ''}. 앱이 process.exit()를 부르거나 메모리가 부족한가요?`,
        },
      });
      this.dispatch();
    });
    child.on('error', () => {
      // 'exit' follows with the code; a failed send is reported there.
    });
    return child;
  }

  private finish(slot: Slot, result: SubmissionResult): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.jobId = undefined;
    job.resolve(result);
  }

  private retire(slot: Slot): void {
    const child = slot.child;
    slot.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (!this.closed) this.dispatch();
  }
}
