/*
 * A grading worker: a child process that checks one submission at a time for `checker grade`
 * (pool.ts forks it with tsx registered). A learner's app runs here, never in the grading process,
 * so an infinite loop, process.exit() or a crash costs one student, not the class.
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
