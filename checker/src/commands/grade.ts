import path from 'node:path';
import type { Lang } from '@workshop/catalog';
import { Command, Option } from 'commander';
import { ExitCode, inputError, type ExitCodeValue } from '../errors';
import { gradeClass } from '../grading/grade-class';
import { SIGNING_KEY_ENV } from '../grading/integrity';
import {
  clearStudentFiles,
  lockOutputDir,
  OUTPUT_FILES,
  prepareOutputDir,
  writeClassFiles,
  writeStudentFiles,
} from '../grading/output-files';
import { loadRoster } from '../grading/roster';
import { chooseContainment, type Containment, type IsolationChoice } from '../grading/sandbox/isolation';
import { stopAll } from '../grading/sandbox/synthesize';
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
  readonly memory: string;
  readonly isolation: IsolationChoice;
  readonly allowMissing?: boolean;
  readonly guideBaseUrl?: string;
  readonly quiet?: boolean;
}

/** The `grade` subcommand's definition: the site's CLI reference is generated from it. */
export function gradeCommand(): Command {
  return new Command('grade')
    .summary('grade a whole class from a roster')
    .description(
      `Grades every student of a roster (CSV: student_id,name,target) with the same engine as \`check\`. A student's app folder is synthesized in a contained process of its own (see --isolation); the grader judges the template it produced and signs only what it computed. Writes each student's reports (JSON, Markdown, JUnit) as soon as they are known, and gradebook.csv and the class summary (Markdown and HTML) after every student. Reports are signed with HMAC-SHA256 when ${SIGNING_KEY_ENV} is set. One run per --out folder at a time. Exit code 0 when every student was graded, 1 when some could not be (ERROR rows), 2 on a usage or input error.`,
    )
    .requiredOption('--lab <id>', 'lab id from labs/catalog.json')
    .requiredOption(
      '--roster <file.csv>',
      'roster: header student_id,name,target (+ optional region, stack); see checker/examples/roster.csv',
    )
    .option('--concurrency <n>', 'students checked at once', '2')
    .option('--out <dir>', 'output folder (default: grades/<lab>)')
    .option(
      '--timeout <seconds>',
      'per-student limit; a student still running is stopped with every process it started and graded ERROR',
      '180',
    )
    .option(
      '--memory <MB>',
      "heap limit of each node process of a student's app (the address space is capped too where prlimit exists)",
      '1024',
    )
    .addOption(
      new Option(
        '--isolation <level>',
        "how students' apps are contained: namespace (Linux: own user, PID, mount and network namespace, read-only filesystem but a scratch folder), process (own process and session, as your user), auto (namespace where possible)",
      )
        .choices(['auto', 'namespace', 'process'])
        .default('auto'),
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
  const heapMb = wholeNumber(options.memory, '--memory', 128, 16384);
  const outDir = path.resolve(io.cwd, options.out ?? path.join('grades', lab.id));
  const signingKey = io.env[SIGNING_KEY_ENV] || undefined;
  prepareOutputDir(outDir);
  const containment = students.some((student) => student.target.kind === 'app' && !student.problem)
    ? containmentFor(options.isolation, signingKey, lang, io)
    : undefined;
  const release = lockOutputDir(outDir);
  const interrupted = (): void => {
    stopAll();
    release();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const progress = createProgress(io.stderr, !options.quiet);
  let result;
  try {
    clearStudentFiles(
      outDir,
      students.map((student) => student.id),
    );
    progress.start(
      lang === 'ko' ? `${lab.id}: 학생 ${students.length}명 채점 중` : `grading ${students.length} students of ${lab.id}`,
      students.length,
    );
    result = await gradeClass({
      lab,
      students,
      lang,
      concurrency,
      timeoutMs: timeoutSeconds * 1000,
      heapMb,
      containment,
      guideBaseUrl: options.guideBaseUrl ?? io.env[GUIDE_BASE_URL_ENV] ?? '',
      signingKey,
      env: io.env,
      onUpdate: (sofar, outcome) => {
        // Each student's files, then the class files, as soon as they are known: a crash or a kill
        // of the grader leaves every finished row.
        if (outcome) writeStudentFiles(outDir, outcome, lang);
        writeClassFiles(outDir, sofar);
        if (!outcome) return;
        const verdict = outcome.report ? `${outcome.report.score.points}/${outcome.report.score.maxPoints}` : 'ERROR';
        progress.update(`${outcome.student.id} ${verdict}`, sofar.students.length);
      },
    });
  } finally {
    progress.stop();
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    release();
  }
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

/**
 * The containment for students' apps. Where only the process level is available, the apps run as
 * the grader's user and could read the signing key from the grader's processes: with a key set,
 * that takes an explicit --isolation process; without one, it is a warning.
 */
function containmentFor(choice: IsolationChoice, signingKey: string | undefined, lang: Lang, io: Io): Containment {
  const containment = chooseContainment(choice, io.env);
  if (containment.level === 'namespace') return containment;
  if (choice === 'auto' && signingKey) {
    throw inputError(
      `This machine cannot seal students' apps in namespaces, and at the process level an app could read ${SIGNING_KEY_ENV} from the grader: grade in a throwaway container or VM, or pass --isolation process to accept that risk.`,
      `이 컴퓨터에서는 학생 앱을 네임스페이스로 봉인할 수 없고, 프로세스 수준에서는 앱이 채점기에서 ${SIGNING_KEY_ENV}을(를) 읽을 수 있습니다. 일회용 컨테이너나 VM에서 채점하거나, 그 위험을 받아들이려면 --isolation process를 주세요.`,
    );
  }
  io.stderr.write(
    lang === 'ko'
      ? '경고: 학생 앱이 채점자 사용자로 실행됩니다(프로세스 수준 격리). 강사 가이드의 "신뢰할 수 없는 코드 채점"을 보세요.\n'
      : 'warning: students\' apps run as your user (process-level isolation): see "Grading untrusted code" in the instructor guide.\n',
  );
  return containment;
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
