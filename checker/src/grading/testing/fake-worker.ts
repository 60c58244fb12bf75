/*
 * A stand-in for worker.ts in pool tests: the task's labId picks a behaviour (ok, hang, exit) and
 * its stackName a delay in ms; the reply carries the pid and start/end times for the tests to read.
 */
import type { SubmissionTask } from '../submission';

process.on('message', (message: { id: number; task: SubmissionTask }) => {
  const start = Date.now();
  if (message.task.labId === 'hang') for (;;);
  if (message.task.labId === 'exit') {
    console.error('the app called process.exit');
    process.exit(7);
  }
  setTimeout(() => {
    const text = JSON.stringify({ pid: process.pid, start, end: Date.now() });
    process.send?.({ id: message.id, result: { ok: false, error: { en: text, ko: text } }, rssBytes: process.memoryUsage().rss });
  }, Number(message.task.stackName));
});
process.on('disconnect', () => process.exit(0));
