import fs from 'node:fs';
import path from 'node:path';
import type { LocalizedText } from '@workshop/catalog';
import { inputError } from '../errors';
import type { InputSpec } from '../sources';
import { CsvSyntaxError, parseCsv } from './csv';

/** Where one student's submission is read from: a roster row's `target` cell, resolved. */
export type Target =
  | { readonly kind: 'app'; readonly dir: string }
  | { readonly kind: 'cdk-out'; readonly dir: string }
  | { readonly kind: 'template'; readonly file: string }
  | { readonly kind: 'profile'; readonly profile: string; readonly region?: string }
  | { readonly kind: 'role'; readonly roleArn: string; readonly externalId?: string; readonly region?: string }
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly region?: string };

/** One student of the roster. */
export interface Student {
  readonly id: string;
  readonly name: string;
  /** Line of the roster the row starts on (for messages). */
  readonly line: number;
  /** What the target cell said, as written. */
  readonly targetText: string;
  readonly target: Target;
  /** Stack name override (the `stack` column); the catalog's stack name otherwise. */
  readonly stack?: string;
  /** Why the submission cannot be graded before running anything (a missing path with --allow-missing). */
  readonly problem?: LocalizedText;
}

/** The columns a roster may have; `student_id` and `target` are required. */
export const ROSTER_COLUMNS = ['student_id', 'name', 'target', 'region', 'stack'] as const;

/** Student ids double as file names of the per-student reports. */
const STUDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** Options of {@link loadRoster}. */
export interface RosterOptions {
  /** Grade rows whose path does not exist as ERROR instead of stopping with an input error. */
  readonly allowMissing?: boolean;
}

/** Reads and validates a roster file; every problem is a one-line input error naming the line (and column). */
export function loadRoster(file: string, options: RosterOptions = {}): Student[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(
      `Cannot read the roster ${file} (${code}): check the path given to --roster.`,
      `명단 파일 ${file}을(를) 읽을 수 없습니다(${code}). --roster 경로를 확인하세요.`,
    );
  }
  return parseRoster(text, file, { ...options, baseDir: path.dirname(path.resolve(file)) });
}

/** Parses roster text; paths in `target` are relative to `baseDir` (the roster's folder). */
export function parseRoster(text: string, file: string, options: RosterOptions & { readonly baseDir: string }): Student[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw rosterError(file, error.line, error.column, { en: error.problem, ko: koCsvProblem(error.problem) });
  }
  if (records.length === 0) {
    throw inputError(
      `${file} is empty: write a header row "student_id,name,target" and one row per student (see checker/examples/roster.csv).`,
      `${file}이(가) 비어 있습니다. 머리글 행 "student_id,name,target"과 학생마다 한 행을 쓰세요(checker/examples/roster.csv 참고).`,
    );
  }
  const [header, ...rows] = records;
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  columns.forEach((name, index) => {
    if (!(ROSTER_COLUMNS as readonly string[]).includes(name)) {
      throw rosterError(file, header.line, index + 1, {
        en: `unknown column "${header.fields[index]}": the header names columns from ${ROSTER_COLUMNS.join(', ')}`,
        ko: `알 수 없는 열 "${header.fields[index]}": 머리글에는 ${ROSTER_COLUMNS.join(', ')} 중에서 열 이름을 쓰세요`,
      });
    }
    if (columns.indexOf(name) !== index) {
      throw rosterError(file, header.line, index + 1, {
        en: `column "${name}" appears twice: keep one`,
        ko: `"${name}" 열이 두 번 나옵니다. 하나만 남기세요`,
      });
    }
  });
  for (const required of ['student_id', 'target']) {
    if (!columns.includes(required)) {
      throw rosterError(file, header.line, 1, {
        en: `the header has no "${required}" column: the first row must name the columns, e.g. student_id,name,target`,
        ko: `머리글에 "${required}" 열이 없습니다. 첫 행에 열 이름을 쓰세요(예: student_id,name,target)`,
      });
    }
  }
  const at = (name: string): number => columns.indexOf(name);
  const seen = new Map<string, number>();
  const students: Student[] = [];
  for (const record of rows) {
    if (record.fields.length !== columns.length) {
      throw rosterError(file, record.line, Math.min(record.fields.length, columns.length) + 1, {
        en: `${record.fields.length} fields but the header has ${columns.length} columns: quote a field that contains a comma ("Lee, Jun")`,
        ko: `필드가 ${record.fields.length}개인데 머리글의 열은 ${columns.length}개입니다. 쉼표가 들어간 필드는 따옴표로 감싸세요("Lee, Jun")`,
      });
    }
    const cell = (name: string): string => (at(name) >= 0 ? record.fields[at(name)].trim() : '');
    const column = (name: string): number => at(name) + 1;
    const id = cell('student_id');
    if (!STUDENT_ID.test(id)) {
      throw rosterError(file, record.line, column('student_id'), {
        en: `student id "${id}" is not usable: use letters, digits, ".", "_", "@" or "-" (it names the report files)`,
        ko: `학생 id "${id}"은(는) 쓸 수 없습니다. 영문자, 숫자, ".", "_", "@", "-"만 쓰세요(보고서 파일 이름이 됩니다)`,
      });
    }
    const firstLine = seen.get(id.toLowerCase());
    if (firstLine !== undefined) {
      throw rosterError(file, record.line, column('student_id'), {
        en: `student id "${id}" appears again (first on line ${firstLine}): ids must be unique; remove or rename one row`,
        ko: `학생 id "${id}"이(가) 다시 나옵니다(처음은 ${firstLine}행). id는 겹치면 안 됩니다. 한 행을 지우거나 이름을 바꾸세요`,
      });
    }
    seen.set(id.toLowerCase(), record.line);
    const targetText = cell('target');
    const fail = (text: LocalizedText): never => {
      throw rosterError(file, record.line, column('target'), text);
    };
    const region = cell('region') || undefined;
    const { target, problem } = parseTarget(targetText, options, region, fail);
    students.push({
      id,
      name: cell('name'),
      line: record.line,
      targetText,
      target,
      ...(cell('stack') ? { stack: cell('stack') } : {}),
      ...(problem ? { problem } : {}),
    });
  }
  if (students.length === 0) {
    throw inputError(
      `${file} has a header but no students: add one row per student.`,
      `${file}에 머리글만 있고 학생 행이 없습니다. 학생마다 한 행을 추가하세요.`,
    );
  }
  return students;
}

/** The input `check` reads for a target (role targets get their credentials in the worker). */
export function inputOf(target: Target): InputSpec {
  switch (target.kind) {
    case 'app':
      return { kind: 'app', dir: target.dir };
    case 'cdk-out':
      return { kind: 'cdk-out', dir: target.dir };
    case 'template':
      return { kind: 'template', file: target.file };
    case 'profile':
      return { kind: 'live', profile: target.profile, region: target.region };
    case 'role':
      return { kind: 'live', region: target.region };
    case 'endpoint':
      return { kind: 'live', endpoint: target.endpoint, region: target.region };
  }
}

function parseTarget(
  text: string,
  options: RosterOptions & { readonly baseDir: string },
  region: string | undefined,
  fail: (text: LocalizedText) => never,
): { target: Target; problem?: LocalizedText } {
  if (text === '') {
    fail({
      en: 'the target is empty: give a folder, cdk.out, template file, profile:<name>, role:<arn> or endpoint:<url>',
      ko: '대상이 비어 있습니다. 폴더, cdk.out, 템플릿 파일, profile:<이름>, role:<arn>, endpoint:<url> 중 하나를 쓰세요',
    });
  }
  const prefixed = /^(profile|role|endpoint):(.*)$/.exec(text);
  if (prefixed) {
    const [, kind, rest] = prefixed;
    const value = rest.trim();
    if (kind === 'profile') {
      if (!/^[\w.+@-]+$/.test(value))
        fail({
          en: `"${text}" names no AWS profile: write profile:<name>`,
          ko: `"${text}"에 AWS 프로필 이름이 없습니다. profile:<이름>으로 쓰세요`,
        });
      return { target: { kind: 'profile', profile: value, region } };
    }
    if (kind === 'role') {
      const hash = value.indexOf('#');
      const roleArn = hash >= 0 ? value.slice(0, hash) : value;
      const externalId = hash >= 0 ? value.slice(hash + 1) : undefined;
      if (!ROLE_ARN.test(roleArn) || externalId === '') {
        fail({
          en: `"${text}" is not a role to assume: write role:arn:aws:iam::<12-digit account>:role/<name>, optionally #<external id>`,
          ko: `"${text}"은(는) 맡을 수 있는 역할이 아닙니다. role:arn:aws:iam::<12자리 계정>:role/<이름> 형태로 쓰고, 필요하면 #<외부 ID>를 붙이세요`,
        });
      }
      return { target: { kind: 'role', roleArn, ...(externalId ? { externalId } : {}), region } };
    }
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      fail({
        en: `"${text}" is not an endpoint URL: write endpoint:http://127.0.0.1:4566`,
        ko: `"${text}"은(는) 엔드포인트 URL이 아닙니다. endpoint:http://127.0.0.1:4566 형태로 쓰세요`,
      });
    }
    return { target: { kind: 'endpoint', endpoint: value, region } };
  }
  const resolved = path.resolve(options.baseDir, text);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(resolved);
  } catch {
    stat = undefined;
  }
  if (!stat) {
    const problem = {
      en: `${resolved} does not exist: fix the path (relative to the roster's folder), or pass --allow-missing to grade such rows as ERROR`,
      ko: `${resolved}이(가) 없습니다. 경로(명단 파일 폴더 기준)를 고치거나, --allow-missing으로 그런 행을 ERROR로 채점하세요`,
    };
    if (!options.allowMissing) fail(problem);
    return {
      target: { kind: 'template', file: resolved },
      problem: { en: `submission not found: ${resolved}`, ko: `제출물을 찾을 수 없습니다: ${resolved}` },
    };
  }
  if (stat.isFile()) return { target: { kind: 'template', file: resolved } };
  if (fs.existsSync(path.join(resolved, 'cdk.json'))) return { target: { kind: 'app', dir: resolved } };
  if (fs.existsSync(path.join(resolved, 'manifest.json'))) return { target: { kind: 'cdk-out', dir: resolved } };
  return fail({
    en: `${resolved} is a folder without cdk.json or manifest.json: point at the CDK app folder, its cdk.out folder or a template file`,
    ko: `${resolved}은(는) cdk.json도 manifest.json도 없는 폴더입니다. CDK 앱 폴더, 그 cdk.out 폴더, 또는 템플릿 파일을 가리키세요`,
  });
}

function rosterError(file: string, line: number, column: number, text: LocalizedText): Error {
  return inputError(`${file}:${line}:${column}: ${text.en}.`, `${file}:${line}:${column}: ${text.ko}.`);
}

function koCsvProblem(problem: string): string {
  if (problem.startsWith('a quoted field is never closed')) return '따옴표로 시작한 필드가 닫히지 않았습니다(닫는 "를 추가하세요)';
  if (problem.startsWith('a quote inside an unquoted field'))
    return '따옴표 없는 필드 안에 따옴표가 있습니다(필드 전체를 따옴표로 감싸고 안의 따옴표는 ""로 쓰세요)';
  return `닫는 따옴표 뒤에 다른 문자가 있습니다(따옴표 필드 안의 따옴표는 ""로 쓰세요): ${problem}`;
}
