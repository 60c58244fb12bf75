import path from 'node:path';
import { Command, Option } from 'commander';
import { ExitCode, inputError, type ExitCodeValue } from '../errors';
import { gradeClass, workerEnv } from '../grading/grade-class';
import { SIGNING_KEY_ENV } from '../grading/integrity';
import { OUTPUT_FILES, prepareOutputDir, writeOutputs } from '../grading/outputs';
import type { Isolation } from '../grading/pool';
import { loadRoster } from '../grading/roster';
import { createProgress } from '../reporters';
import { GUIDE_BASE_URL_ENV } from './check';
import { requireLab, resolveLang, type GlobalOptions, type Io } from './shared';

/** Options of `checker grade`, as commander parses them. */
export interface GradeOptions {
  readonly lab: string;
  readonly roster: string;
  readonly concurrency: string;
  readonly out?: string;
  readonly timeout: string;
  readonly isolation: Isolation;
  readonly allowMissing?: boolean;
  readonly guideBaseUrl?: string;
  readonly quiet?: boolean;
}

/** The `grade` subcommand's definition: the site's CLI reference is generated from it. */
export function gradeCommand(): Command {
  return new Command('grade')
    .summary('grade a whole class from a roster')
    .description(
      `Grades every student of a roster (CSV: student_id,name,target) with the same engine as \`check\`, in parallel worker processes. Writes gradebook.csv, per-student reports (JSON, Markdown, JUnit) and a class summary (Markdown and HTML). Reports are signed with HMAC-SHA256 when ${SIGNING_KEY_ENV} is set. Exit code 0 when every student was graded, 1 when some could not be (ERROR rows), 2 on a usage or input error.`,
    )
    .requiredOption('--lab <id>', 'lab id from labs/catalog.json')
    .requiredOption(
      '--roster <file.csv>',
      'roster: header student_id,name,target (+ optional region, stack); see checker/examples/roster.csv',
    )
    .option('--concurrency <n>', 'students checked at once', '2')
    .option('--out <dir>', 'output folder (default: grades/<lab>)')
    .option('--timeout <seconds>', 'per-student limit; a student still running is stopped and graded ERROR', '180')
    .addOption(
      new Option('--isolation <mode>', 'worker: reuse each worker process for many students (fast); process: a new process per student')
        .choices(['worker', 'process'])
        .default('worker'),
    )
    .option('--allow-missing', 'grade rows whose path does not exist as ERROR instead of stopping')
    .option('--guide-base-url <url>', `base URL of the guide site for links (env ${GUIDE_BASE_URL_ENV}; default: site paths)`)
    .option('--quiet', 'no progress output');
}

/** Runs `checker grade`: validates everything first, grades the class, writes the outputs, returns the exit code. */
export async function runGrade(options: GradeOptions, global: GlobalOptions, io: Io): Promise<ExitCodeValue> {
  const lang = resolveLang(global.lang, io.env);
  const lab = requireLab(options.lab);
  const concurrency = wholeNumber(options.concurrency, '--concurrency', 1, 64);
  const timeoutSeconds = wholeNumber(options.timeout, '--timeout', 1, 24 * 3600);
  const students = loadRoster(path.resolve(io.cwd, options.roster), { allowMissing: options.allowMissing });
  const outDir = path.resolve(io.cwd, options.out ?? path.join('grades', lab.id));
  prepareOutputDir(outDir);

  const progress = createProgress(io.stderr, !options.quiet);
  progress.start(
    lang === 'ko' ? `${lab.id}: 학생 ${students.length}명 채점 중` : `grading ${students.length} students of ${lab.id}`,
    students.length,
  );
  let result;
  try {
    result = await gradeClass({
      lab,
      students,
      lang,
      concurrency,
      timeoutMs: timeoutSeconds * 1000,
      isolation: options.isolation,
      guideBaseUrl: options.guideBaseUrl ?? io.env[GUIDE_BASE_URL_ENV] ?? '',
      signingKey: io.env.CHECKER_SIGNING_KEY || undefined,
      env: workerEnv({ ...io.env }),
      onStudent: (outcome, done) => {
        const verdict = outcome.report ? `${outcome.report.score.points}/${outcome.report.score.maxPoints}` : 'ERROR';
        progress.update(`${outcome.student.id} ${verdict}`, done);
      },
    });
  } finally {
    progress.stop();
  }
  writeOutputs(result, outDir);
  const errors = result.students.filter((outcome) => !outcome.report).length;
  const passed = result.students.filter((o) => o.report && o.report.summary.FAIL === 0 && o.report.summary.ERROR === 0).length;
  const shown = path.relative(io.cwd, outDir) || '.';
  io.stdout.write(
    lang === 'ko'
      ? `${lab.id}: 학생 ${students.length}명 채점(${(result.durationMs / 1000).toFixed(1)}초), 모두 통과 ${passed}명, 채점 못 함 ${errors}명. ${path.join(shown, OUTPUT_FILES.gradebook)}, ${path.join(shown, OUTPUT_FILES.html)}\n`
      : `${lab.id}: graded ${students.length} students in ${(result.durationMs / 1000).toFixed(1)} s, ${passed} passed everything, ${errors} could not be graded. See ${path.join(shown, OUTPUT_FILES.gradebook)} and ${path.join(shown, OUTPUT_FILES.html)}\n`,
  );
  return errors > 0 ? ExitCode.Fail : ExitCode.Pass;
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw inputError(
      `${flag} must be a whole number from ${min} to ${max}, not "${value}".`,
      `${flag}은(는) ${min}에서 ${max} 사이의 정수여야 합니다("${value}"은 안 됩니다).`,
    );
  }
  return number;
}
