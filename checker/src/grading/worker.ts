/*
 * A live-check worker: a child process that checks one live submission (profile, role or endpoint)
 * at a time for `checker grade` (pool.ts forks it with tsx registered), so a role's temporary
 * credentials stay in its own environment and a hung endpoint costs one student. No student code
 * runs here: apps are synthesized in sandbox/, templates are judged by the grader itself.
 */
import { checkSubmission, type SubmissionTask } from './submission';

/** A message from the pool: check this submission. */
interface TaskMessage {
  readonly id: number;
  readonly task: SubmissionTask;
}

process.on('message', (message: TaskMessage) => {
  void checkSubmission(message.task).then((result) => {
    process.send?.({ id: message.id, result, rssBytes: process.memoryUsage().rss });
  });
});
// The pool closes the channel when it is done; the worker then has nothing left to do.
process.on('disconnect', () => process.exit(0));
