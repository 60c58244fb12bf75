import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Lang } from '@workshop/catalog';
import { inputError } from '../errors';
import { reporters } from '../reporters';
import { gradebookCsv } from './gradebook-csv';
import type { ClassResult, StudentOutcome } from './grade-class';
import type { SignedReport } from './integrity';
import { summaryHtml } from './summary-html';
import { markdownText, summaryMarkdown } from './summary-markdown';

/** The files written for a class, relative to the output folder. */
export const OUTPUT_FILES = {
  gradebook: 'gradebook.csv',
  summary: 'summary.md',
  html: 'summary.html',
  students: 'students',
  lock: '.checker-grade.lock',
} as const;

/** What a lock file holds: who is grading into the folder. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a file. */
export function writeAtomic(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the output folder's lock (a file holding pid, host and start time, created exclusively).
 * A lock whose process is gone on this host is stale and taken over; a live one is a one-line
 * input error. Returns the function that releases it.
 */
export function lockOutputDir(dir: string): () => void {
  const file = path.join(dir, OUTPUT_FILES.lock);
  const mine: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        if (readLock(file)?.pid === mine.pid) fs.rmSync(file, { force: true });
        process.removeListener('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readLock(file);
    const stale = owner ? owner.host === mine.host && !alive(owner.pid) : Date.now() - fs.statSync(file).mtimeMs > 10000;
    if (!stale) {
      const who = owner ? `pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}` : 'a run that is starting';
      throw inputError(
        `Another checker grade (${who}) is writing to ${dir}: wait for it to finish, or pass another --out (remove ${OUTPUT_FILES.lock} there only if that run is gone).`,
        `다른 checker grade(${who})가 ${dir}에 쓰고 있습니다. 끝날 때까지 기다리거나 다른 --out을 주세요(그 실행이 없어졌을 때만 그곳의 ${OUTPUT_FILES.lock}을 지우세요).`,
      );
    }
    // Renamed away first, so two runs finding the same stale lock do not both take it over.
    const away = `${file}.stale.${process.pid}`;
    try {
      fs.renameSync(file, away);
      fs.rmSync(away, { force: true });
    } catch {
      // Another run moved it first: try again.
    }
  }
  throw inputError(
    `Cannot take the lock ${path.join(dir, OUTPUT_FILES.lock)}: another run keeps taking it; pass another --out.`,
    `잠금 파일 ${path.join(dir, OUTPUT_FILES.lock)}을(를) 잡을 수 없습니다. 다른 실행이 계속 잡고 있습니다. 다른 --out을 주세요.`,
  );
}

/** Makes sure `dir` can be written before any grading starts; a one-line input error otherwise. */
export function prepareOutputDir(dir: string): void {
  try {
    fs.mkdirSync(path.join(dir, OUTPUT_FILES.students), { recursive: true });
    const probe = path.join(dir, `.checker-write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(
      `Cannot write to the output folder ${dir} (${code}): pass a folder you can write to with --out.`,
      `출력 폴더 ${dir}에 쓸 수 없습니다(${code}). 쓸 수 있는 폴더를 --out으로 주세요.`,
    );
  }
}

/** One line naming a report's tamper evidence: checker version, rule set, input and signature. */
export function integrityLine(report: SignedReport, lang: Lang): string {
  const i = report.integrity;
  const input =
    i.input.kind === 'template'
      ? `template sha256 ${i.input.sha256.slice(0, 12)}`
      : ['stack', i.input.stack, i.input.account, i.input.region, i.input.endpoint, i.input.checkedAt].filter(Boolean).join(' ');
  const signed = i.signature
    ? lang === 'ko'
      ? `HMAC-SHA256 서명(키 id ${i.signature.keyId}): checker verify ${i.studentId}.json으로 검증`
      : `signed with HMAC-SHA256 (key id ${i.signature.keyId}): verify with checker verify ${i.studentId}.json`
    : lang === 'ko'
      ? '서명 없음'
      : 'unsigned';
  return `checker ${report.checkerVersion} · rule set ${i.rulesetSha256.slice(0, 12)} · ${input} · ${signed}`;
}

/** The files of one student: the report as JSON, Markdown and JUnit, or the reason it could not be graded. */
export function writeStudentFiles(dir: string, outcome: StudentOutcome, lang: Lang): string[] {
  const base = path.join(dir, OUTPUT_FILES.students, outcome.student.id);
  const { report } = outcome;
  if (!report) {
    // A report left from an earlier run would contradict this one.
    for (const stale of ['json', 'xml']) fs.rmSync(`${base}.${stale}`, { force: true });
    const heading = lang === 'ko' ? '채점하지 못함' : 'Could not be graded';
    writeAtomic(`${base}.md`, `## ⚠️ ${markdownText(outcome.student.id)}: ${heading}\n\n${markdownText(outcome.error?.[lang] ?? '')}\n`);
    return [`${base}.md`];
  }
  writeAtomic(`${base}.json`, reporters.json(report, { color: false, lang }));
  writeAtomic(`${base}.md`, `${reporters.markdown(report, { color: false, lang })}\n---\n\n${markdownText(integrityLine(report, lang))}\n`);
  // The signed record is the JSON; the JUnit file names it in a comment after its root element.
  const comment = integrityLine(report, lang).replace(/--/g, '- -');
  writeAtomic(`${base}.xml`, `${reporters.junit(report, { color: false, lang }).trimEnd()}\n<!-- ${comment} -->\n`);
  return [`${base}.json`, `${base}.md`, `${base}.xml`];
}

/** The gradebook and both summaries of the class graded so far, each replaced atomically. */
export function writeClassFiles(dir: string, result: ClassResult): string[] {
  const files: Array<[string, string]> = [
    [OUTPUT_FILES.gradebook, gradebookCsv(result)],
    [OUTPUT_FILES.summary, summaryMarkdown(result)],
    [OUTPUT_FILES.html, summaryHtml(result)],
  ];
  return files.map(([name, text]) => {
    writeAtomic(path.join(dir, name), text);
    return path.join(dir, name);
  });
}

/** Removes the files an earlier run left for these students, so a report on disk is always this run's. */
export function clearStudentFiles(dir: string, ids: readonly string[]): void {
  for (const id of ids) {
    for (const ext of ['json', 'md', 'xml']) fs.rmSync(path.join(dir, OUTPUT_FILES.students, `${id}.${ext}`), { force: true });
  }
}
