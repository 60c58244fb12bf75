import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Lab, Lang, LocalizedText } from '@workshop/catalog';
import { repoRoot } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';
import { rules } from '../rules';
import { fromAppTemplates, hasSeveralStacks } from '../sources';
import { templateSha256 } from '../sources/app/synth';
import type { StackTemplates } from '../sources/template/load';
import { attest, fingerprintOf, rulesetSha256, SIGNING_KEY_ENV, type SignedReport } from './integrity';
import { WorkerPool } from './pool';
import { inputOf, type Student } from './roster';
import { lentModules } from './sandbox/env';
import type { Containment, IsolationLevel } from './sandbox/isolation';
import type { SynthOutcome, SynthStack } from './sandbox/result';
import { synthesizeIsolated, type SynthLimits } from './sandbox/synthesize';
import { checkLoaded, checkSubmission, reasonOf, type SubmissionResult, type SubmissionTask } from './submission';
import { version as checkerVersion } from '../../package.json';

/** How one student came out: a signed report, or the reason the submission could not be checked. */
export interface StudentOutcome {
  readonly student: Student;
  readonly report?: SignedReport;
  readonly error?: LocalizedText;
  readonly durationMs: number;
}

/** The class, or the part of it graded so far (`students` in roster order, `total` the roster's size). */
export interface ClassResult {
  readonly lab: Lab;
  readonly lang: Lang;
  readonly students: readonly StudentOutcome[];
  readonly total: number;
  readonly rulesetSha256: string;
  readonly checkerVersion: string;
  readonly gradedAt: string;
  readonly signed: boolean;
  /** How the students' apps were contained (undefined when the roster has no app folders). */
  readonly isolation?: IsolationLevel;
  readonly durationMs: number;
}

/** Options of {@link gradeClass}. */
export interface GradeClassOptions {
  readonly lab: Lab;
  readonly students: readonly Student[];
  readonly lang: Lang;
  readonly concurrency: number;
  /** Wall-clock limit per student (app synthesis and live checks). */
  readonly timeoutMs: number;
  /** V8 heap cap of every node process of a student's app (MB). */
  readonly heapMb: number;
  /** How to contain students' apps; needed only when the roster has app folders. */
  readonly containment?: Containment;
  readonly guideBaseUrl: string;
  /** HMAC key for the reports' signatures (CHECKER_SIGNING_KEY); unsigned without one. Never passed to any child. */
  readonly signingKey?: string;
  /** The grader's environment: apps see only its allow-listed part, live workers all of it but the key. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Called before the first student (no outcome) and as each student finishes (in completion order),
   * with the class graded so far. What it throws (the outputs cannot be written) stops the class.
   */
  readonly onUpdate?: (sofar: ClassResult, outcome?: StudentOutcome) => void;
  /** The live worker entry (tests pass a fake one). */
  readonly workerFile?: string;
}

/**
 * The environment of live-check workers: the grader's (credentials included: they read the
 * student's AWS account) without the signing key, CDK offline, and NODE_PATH lending aws-cdk-lib.
 * No student code runs in them.
 */
export function workerEnv(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const rest: NodeJS.ProcessEnv = { ...env };
  delete rest[SIGNING_KEY_ENV];
  const modules = lentModules();
  return {
    ...rest,
    CDK_VALIDATION: env.CDK_VALIDATION ?? 'false',
    CDK_DISABLE_VERSION_CHECK: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_PATH: [env.NODE_PATH, modules].filter(Boolean).join(path.delimiter),
  };
}

/**
 * Grades every student, `concurrency` at a time; one student's failure, malformed result or hostile
 * app never stops the class. A student's app only ever produces a template, in a process of its own
 * (see sandbox/); this process judges every template with the rules and signs only what it computed.
 */
export async function gradeClass(options: GradeClassOptions): Promise<ClassResult> {
  const start = performance.now();
  const gradedAt = new Date().toISOString();
  const ruleset = rulesetSha256(rules);
  const live = options.students.filter((student) => !student.problem && inputOf(student.target).kind === 'live');
  const pool =
    live.length > 0
      ? new WorkerPool({
          size: Math.min(options.concurrency, live.length),
          timeoutMs: options.timeoutMs,
          env: workerEnv(options.env),
          workerFile: options.workerFile,
        })
      : undefined;
  const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-grade-'));
  const outcomes = new Map<Student, StudentOutcome>();
  const snapshot = (): ClassResult => ({
    lab: options.lab,
    lang: options.lang,
    students: options.students.flatMap((student) => outcomes.get(student) ?? []),
    total: options.students.length,
    rulesetSha256: ruleset,
    checkerVersion,
    gradedAt,
    signed: Boolean(options.signingKey),
    isolation: options.containment?.level,
    durationMs: Math.round(performance.now() - start),
  });
  const queue = options.students.map((student, index) => ({ student, index }));
  // The class's own analysis cache: `check --app` stores findings its synth child computed in
  // .workshop/cache, and grading takes no finding from a process that ran an app's code.
  const analysisCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-grade-analyses-'));
  const context: Context = { options, ruleset, pool, scratchRoot, analysisCacheDir };
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const began = performance.now();
      let outcome: Omit<StudentOutcome, 'durationMs'>;
      try {
        outcome = await gradeStudent(next.student, next.index, context);
      } catch (error) {
        outcome = { student: next.student, error: reasonOf(error) };
      }
      const result = { ...outcome, durationMs: Math.round(performance.now() - began) };
      outcomes.set(next.student, result);
      options.onUpdate?.(snapshot(), result);
    }
  };
  try {
    options.onUpdate?.(snapshot());
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, options.students.length)) }, lane));
    return snapshot();
  } finally {
    pool?.close();
    fs.rmSync(scratchRoot, { recursive: true, force: true });
    fs.rmSync(analysisCacheDir, { recursive: true, force: true });
  }
}

interface Context {
  readonly options: GradeClassOptions;
  readonly ruleset: string;
  readonly pool?: WorkerPool;
  readonly scratchRoot: string;
  /** Where this class's analyses are cached (computed here, never taken from .workshop/cache). */
  readonly analysisCacheDir: string;
}

async function gradeStudent(student: Student, index: number, context: Context): Promise<Omit<StudentOutcome, 'durationMs'>> {
  if (student.problem) return { student, error: student.problem };
  const { options } = context;
  const target = student.target;
  const stackName = student.stack ?? options.lab.stackName;
  const task: SubmissionTask = {
    labId: options.lab.id,
    stackName,
    input: inputOf(target),
    lang: options.lang,
    guideBaseUrl: options.guideBaseUrl,
    ...(target.kind === 'role'
      ? { role: { roleArn: target.roleArn, externalId: target.externalId, sessionName: `checker-grade-${student.id}`.slice(0, 64) } }
      : {}),
  };
  let result: SubmissionResult;
  if (target.kind === 'app') {
    if (!options.containment) throw new Error('app folders need a containment');
    const limits: SynthLimits = { timeoutMs: options.timeoutMs, heapMb: options.heapMb };
    const synth = await synthesizeIsolated({
      appDir: target.dir,
      stackName,
      scratchDir: path.join(context.scratchRoot, String(index)),
      containment: options.containment,
      limits,
      graderEnv: options.env,
      allStacks: hasSeveralStacks(options.lab),
    });
    if (!synth.ok) return { student, error: synth.error };
    result = { ok: true, report: judgeTemplate(synth, target.dir, options.lab, task, context.analysisCacheDir) };
  } else if (task.input.kind === 'live') {
    result = await context.pool!.run(task);
    // The worker runs only the checker's own code, but what crosses a process boundary is checked.
    if (result.ok && !isReport(result.report)) return { student, error: malformedResult() };
  } else {
    // A template or cloud assembly is data: read and judged here, no student code runs.
    result = await checkSubmission(task, { analysisCacheDir: context.analysisCacheDir });
  }
  if (!result.ok) return { student, error: result.error };
  const input = fingerprintOf(result.report, {
    ...result.live,
    ...(target.kind === 'endpoint' ? { endpoint: target.endpoint } : {}),
  });
  return {
    student,
    report: attest(result.report, { rulesetSha256: context.ruleset, input, studentId: student.id }, options.signingKey),
  };
}

/**
 * Judges what a student's app synthesized (the stacks' templates, Regions and tags, as the parent
 * validated them), with this process's rules and analyses, through the graph `check --app` builds.
 */
function judgeTemplate(
  synth: Extract<SynthOutcome, { ok: true }>,
  appDir: string,
  lab: Lab,
  task: SubmissionTask,
  analysisCacheDir: string,
): CheckReport {
  const startedAt = Date.now();
  const others = synth.others?.map((other) => ({ ...stackFile(other, other.stackName, appDir), stackName: other.stackName }));
  const files: StackTemplates = { ...stackFile(synth, task.stackName, appDir), ...(others && { others }) };
  return checkLoaded(task, lab, fromAppTemplates(files, appDir, lab, task.stackName), startedAt, analysisCacheDir);
}

/** One synthesized stack as the app source reads it, with its fingerprint computed here (never taken from the child). */
function stackFile(stack: SynthStack, stackName: string, appDir: string) {
  return {
    template: stack.template,
    file: `${shownPath(appDir)} (${stackName})`,
    sha256: templateSha256(stack.template),
    ...(stack.regionName && { regionName: stack.regionName }),
    ...(stack.stackTags && { stackTags: stack.stackTags }),
  };
}

/** A path for reports: relative to the repository root inside it, else absolute (as `check` names sources). */
function shownPath(dir: string): string {
  const relative = path.relative(repoRoot, dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

/** Whether a value has the shape of a check report (what a live worker sends back). */
function isReport(value: unknown): value is CheckReport {
  const report = value as Partial<CheckReport> | null;
  return (
    typeof report === 'object' &&
    report !== null &&
    Array.isArray(report.results) &&
    typeof report.score?.points === 'number' &&
    typeof report.score?.maxPoints === 'number' &&
    typeof report.summary === 'object' &&
    typeof report.source?.kind === 'string'
  );
}

function malformedResult(): LocalizedText {
  return {
    en: 'the check process sent back something that is not a report: grade this student again',
    ko: '검사 프로세스가 보고서가 아닌 것을 돌려보냈습니다. 이 학생을 다시 채점하세요',
  };
}
