import fs from 'node:fs';
import path from 'node:path';
import { fileError, inputError } from '../errors';
import { githubClassroom } from './github-classroom';
import { json } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { pretty } from './pretty';
import type { Reporter } from './types';

export type { Reporter, ReporterOptions } from './types';
export { createProgress, type Progress, type ProgressStream } from './progress';
export { verdict } from './util';

/** Every output format, by the name `--reporter` takes. */
export const reporters = {
  pretty,
  json,
  junit,
  markdown,
  'github-classroom': githubClassroom,
} satisfies Record<string, Reporter>;

/** A name `--reporter` accepts. */
export type ReporterName = keyof typeof reporters;

/** One `--reporter name[=file]` value: the format, and the file to write (standard output without one). */
export interface ReporterSpec {
  readonly name: ReporterName;
  readonly file?: string;
}

/** The reporter names, in the order help and errors list them. */
export const reporterNames = Object.keys(reporters) as ReporterName[];

function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}

/**
 * Parses the repeatable `--reporter name[=file]` values. No value means `pretty` on standard output.
 * Throws a one-line usage error (exit code 2) on an unknown name, an empty file name, or two
 * reporters both writing to standard output.
 */
export function parseReporterSpecs(values: readonly string[]): ReporterSpec[] {
  if (values.length === 0) return [{ name: 'pretty' }];
  const specs = values.map(parseOne);
  const onStdout = specs.filter((spec) => spec.file === undefined);
  if (onStdout.length > 1) {
    const names = onStdout.map((spec) => spec.name).join(', ');
    throw inputError(
      `Reporters ${names} would all write to standard output: give all but one a file, e.g. --reporter ${onStdout[1].name}=report.out.`,
      `${names} 리포터가 모두 표준 출력에 쓰게 됩니다. 하나만 빼고 파일을 지정하세요. 예: --reporter ${onStdout[1].name}=report.out`,
    );
  }
  return specs;
}

function parseOne(value: string): ReporterSpec {
  const at = value.indexOf('=');
  const name = (at === -1 ? value : value.slice(0, at)).trim();
  const file = at === -1 ? undefined : value.slice(at + 1).trim();
  const valid = reporterNames.join(', ');
  if (!isReporterName(name)) {
    throw inputError(
      `Unknown reporter "${name}": use one of ${valid}, optionally with =file (e.g. --reporter junit=report.xml).`,
      `"${name}" 리포터는 없습니다. ${valid} 중 하나를 쓰고, 파일로 저장하려면 "=파일이름"을 붙이세요(예: --reporter junit=report.xml).`,
    );
  }
  if (file === '') {
    throw inputError(
      `Reporter "${value}" has no file name after "=": write --reporter ${name}=report-file, or drop "=" to print to standard output.`,
      `리포터 "${value}"의 "=" 뒤에 파일 이름이 없습니다. "--reporter ${name}=파일이름" 형태로 쓰거나, 표준 출력으로 보내려면 "="를 빼세요.`,
    );
  }
  return file === undefined ? { name } : { name, file };
}

/** What the fragile part of writing reports needs: where relative files go and where standard output is. */
export interface ReportTarget {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
}

/**
 * Writes each rendered report: to its file (folders created, path relative to `cwd`) or to standard
 * output. Files are written first, so a path that cannot be written (a folder, permission denied)
 * stops the run with a one-line error before anything reaches standard output.
 */
export function writeReports(outputs: ReadonlyArray<{ readonly spec: ReporterSpec; readonly text: string }>, target: ReportTarget): void {
  for (const { spec, text } of outputs) {
    if (spec.file !== undefined) writeReportFile(path.resolve(target.cwd, spec.file), { ...spec, file: spec.file }, text);
  }
  for (const { spec, text } of outputs) if (spec.file === undefined) target.stdout.write(text);
}

function writeReportFile(file: string, spec: ReporterSpec & { readonly file: string }, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      const example = path.join(spec.file, `report.${REPORT_EXTENSIONS[spec.name]}`);
      throw inputError(
        `The report file ${spec.file} is a folder: name a file in it, e.g. --reporter ${spec.name}=${example}.`,
        `리포트 파일 ${spec.file}은(는) 폴더입니다. 그 안의 파일 이름을 주세요. 예: --reporter ${spec.name}=${example}`,
        error,
      );
    }
    throw fileError(error, spec.file, { en: 'the report file', ko: '리포트 파일' }, 'write');
  }
}

/** The usual file extension of each format, for examples in messages. */
const REPORT_EXTENSIONS: Record<ReporterName, string> = {
  pretty: 'txt',
  json: 'json',
  junit: 'xml',
  markdown: 'md',
  'github-classroom': 'json',
};
