import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Lab, Lang, LocalizedText } from '@workshop/catalog';
import { rules } from '../rules';
import { attest, fingerprintOf, rulesetSha256, type SignedReport } from './integrity';
import { WorkerPool, type Isolation } from './pool';
import { inputOf, type Student } from './roster';
import type { SubmissionTask } from './submission';
import { version as checkerVersion } from '../../package.json';

/** How one student came out: a signed report, or the reason the submission could not be checked. */
export interface StudentOutcome {
  readonly student: Student;
  readonly report?: SignedReport;
  readonly error?: LocalizedText;
  readonly durationMs: number;
}

/** The whole class. */
export interface ClassResult {
  readonly lab: Lab;
  readonly lang: Lang;
  readonly students: readonly StudentOutcome[];
  readonly rulesetSha256: string;
  readonly checkerVersion: string;
  readonly gradedAt: string;
  readonly signed: boolean;
  readonly durationMs: number;
}

/** Options of {@link gradeClass}. */
export interface GradeClassOptions {
  readonly lab: Lab;
  readonly students: readonly Student[];
  readonly lang: Lang;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly isolation: Isolation;
  readonly guideBaseUrl: string;
  /** HMAC key for the reports' signatures (CHECKER_SIGNING_KEY); unsigned without one. */
  readonly signingKey?: string;
  /** Environment for the workers (the grader's, plus what synth needs). */
  readonly env: NodeJS.ProcessEnv;
  /** Called as each student finishes (in completion order). */
  readonly onStudent?: (outcome: StudentOutcome, done: number, total: number) => void;
  /** The worker entry (tests pass a fake one). */
  readonly workerFile?: string;
}

/**
 * The environment grading workers run in: CDK's offline, no-validation settings, and NODE_PATH
 * falling back to the checker's own node_modules so a submission cloned without `npm install`
 * still finds aws-cdk-lib and constructs.
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  let cdkLib: string | undefined;
  try {
    cdkLib = path.dirname(path.dirname(require.resolve('aws-cdk-lib/package.json')));
  } catch {
    // Without its own aws-cdk-lib the checker cannot lend one: each submission must bring its own.
    cdkLib = undefined;
  }
  return {
    ...env,
    CDK_VALIDATION: env.CDK_VALIDATION ?? 'false',
    CDK_DISABLE_VERSION_CHECK: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_PATH: [env.NODE_PATH, cdkLib].filter(Boolean).join(path.delimiter),
  };
}

/** Checks every student with a bounded pool of workers; one student's failure never stops the class. */
export async function gradeClass(options: GradeClassOptions): Promise<ClassResult> {
  const start = performance.now();
  const gradedAt = new Date().toISOString();
  const ruleset = rulesetSha256(rules);
  const pool = new WorkerPool({
    size: Math.min(options.concurrency, options.students.length),
    timeoutMs: options.timeoutMs,
    isolation: options.isolation,
    env: options.env,
    workerFile: options.workerFile,
  });
  let done = 0;
  const total = options.students.length;
  try {
    const outcomes = await Promise.all(
      options.students.map(async (student): Promise<StudentOutcome> => {
        const began = performance.now();
        const outcome = await gradeStudent(student, options, pool, ruleset);
        const result = { ...outcome, durationMs: Math.round(performance.now() - began) };
        options.onStudent?.(result, ++done, total);
        return result;
      }),
    );
    return {
      lab: options.lab,
      lang: options.lang,
      students: outcomes,
      rulesetSha256: ruleset,
      checkerVersion,
      gradedAt,
      signed: Boolean(options.signingKey),
      durationMs: Math.round(performance.now() - start),
    };
  } finally {
    pool.close();
  }
}

async function gradeStudent(
  student: Student,
  options: GradeClassOptions,
  pool: WorkerPool,
  ruleset: string,
): Promise<Omit<StudentOutcome, 'durationMs'>> {
  if (student.problem) return { student, error: student.problem };
  const target = student.target;
  const task: SubmissionTask = {
    labId: options.lab.id,
    stackName: student.stack ?? options.lab.stackName,
    input: inputOf(target),
    lang: options.lang,
    guideBaseUrl: options.guideBaseUrl,
    ...(target.kind === 'role'
      ? { role: { roleArn: target.roleArn, externalId: target.externalId, sessionName: `checker-grade-${student.id}`.slice(0, 64) } }
      : {}),
  };
  const result = await pool.run(task);
  if (!result.ok) return { student, error: result.error };
  const input = fingerprintOf(result.report, {
    ...result.live,
    ...(target.kind === 'endpoint' ? { endpoint: target.endpoint } : {}),
  });
  return { student, report: attest(result.report, { rulesetSha256: ruleset, input, studentId: student.id }, options.signingKey) };
}
