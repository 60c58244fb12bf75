import path from 'node:path';
import { WorkerPool } from './pool';
import type { SubmissionResult, SubmissionTask } from './submission';

const workerFile = path.join(__dirname, 'testing', 'fake-worker.ts');

function task(behaviour: string, delayMs = 0): SubmissionTask {
  return { labId: behaviour, stackName: String(delayMs), input: { kind: 'template', file: 'x' }, lang: 'en', guideBaseUrl: '' };
}

function timing(result: SubmissionResult): { pid: number; start: number; end: number } {
  if (result.ok) throw new Error('the fake worker never succeeds');
  return JSON.parse(result.error.en);
}

async function withPool<T>(size: number, timeoutMs: number, body: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool({ size, timeoutMs, env: process.env, workerFile });
  try {
    return await body(pool);
  } finally {
    pool.close();
  }
}

describe('WorkerPool', () => {
  it('never runs more submissions at once than its size, and reuses workers', async () => {
    const results = await withPool(2, 20000, (pool) => Promise.all(Array.from({ length: 6 }, () => pool.run(task('ok', 150)))));
    const spans = results.map(timing);
    // At the moment each submission started, how many were running (itself included)?
    const overlap = Math.max(...spans.map((a) => spans.filter((b) => b.start <= a.start && a.start < b.end).length));
    expect(overlap).toBe(2);
    expect(new Set(spans.map((span) => span.pid)).size).toBe(2);
  }, 30000);

  it('stops a submission that runs too long and keeps grading the others', async () => {
    const [hung, next] = await withPool(1, 1500, (pool) => Promise.all([pool.run(task('hang')), pool.run(task('ok'))]));
    expect(hung).toEqual({
      ok: false,
      error: { en: expect.stringMatching(/^timed out after 2 s: the check was stopped/), ko: expect.any(String) },
    });
    expect(timing(next).pid).toBeGreaterThan(0);
  }, 30000);

  it('reports a worker that exits, with the last line it wrote, and keeps grading', async () => {
    const [exited, next] = await withPool(1, 20000, (pool) => Promise.all([pool.run(task('exit')), pool.run(task('ok'))]));
    expect(exited.ok).toBe(false);
    expect(!exited.ok && exited.error.en).toBe(
      'the check process ended (exit code 7) before reporting: the app called process.exit: does the app call process.exit() or run out of memory?',
    );
    expect(timing(next).pid).toBeGreaterThan(0);
  }, 30000);
});
