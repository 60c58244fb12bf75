import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ExitCode, inputError, type ExitCodeValue } from '../errors';
import { rulesetSha256, SIGNING_KEY_ENV, verifyReport, type Verification } from '../grading/integrity';
import { rules } from '../rules';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** The `verify` subcommand's definition: the site's CLI reference is generated from it. */
export function verifyCommand(): Command {
  return new Command('verify')
    .summary('verify graded reports')
    .description(
      `Verifies JSON reports written by \`checker grade\`: the HMAC-SHA256 signature (with the key in ${SIGNING_KEY_ENV}), that the rule set is this checker's, that scores and counts add up, and that the file name is the student id inside (students/<id>.json). Prints one line per report and goes on past files it cannot read. Exit code 0 when every report is valid, 1 when one is not, 2 when a file cannot be read or a signed report needs the key.`,
    )
    .argument('<report.json...>', 'students/<id>.json files from the grade output folder');
}

/** Runs `checker verify`: one line per report; exit code 1 when any is invalid, 2 when any cannot be read. */
export function runVerify(files: readonly string[], global: GlobalOptions, io: Io): ExitCodeValue {
  const lang = resolveLang(global.lang, io.env);
  const key = io.env[SIGNING_KEY_ENV] || undefined;
  const ruleset = rulesetSha256(rules);
  let invalid = 0;
  let unreadable = 0;
  for (const file of files) {
    const resolved = path.resolve(io.cwd, file);
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(resolved, 'utf8'));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
      io.stdout.write(
        lang === 'ko'
          ? `읽을 수 없음: ${file}: JSON으로 읽을 수 없습니다(${why}). checker grade가 쓴 students/<id>.json 파일을 주세요\n`
          : `UNREADABLE: ${file}: cannot read it as JSON (${why}): pass a students/<id>.json file written by checker grade\n`,
      );
      unreadable++;
      continue;
    }
    const verdict = nameMismatch(file, value) ?? verifyReport(value, { key, rulesetSha256: ruleset });
    if (verdict.valid) {
      io.stdout.write(`${lang === 'ko' ? '유효' : 'valid'}: ${file}: ${verdict.summary}\n`);
    } else if (verdict.needsKey) {
      throw inputError(`${file}: ${verdict.reason.en}.`, `${file}: ${verdict.reason.ko}.`);
    } else {
      io.stdout.write(`${lang === 'ko' ? '무효' : 'INVALID'}: ${file}: ${verdict.reason[lang]}\n`);
      invalid++;
    }
  }
  if (files.length > 1 && invalid + unreadable > 0) {
    io.stderr.write(
      lang === 'ko'
        ? `보고서 ${files.length}개 중 무효 ${invalid}개, 읽을 수 없음 ${unreadable}개\n`
        : `${invalid} of ${files.length} reports invalid, ${unreadable} unreadable\n`,
    );
  }
  return unreadable > 0 ? ExitCode.Usage : invalid > 0 ? ExitCode.Fail : ExitCode.Pass;
}

/**
 * A report filed under another student's name is invalid whatever its signature: `grade` names
 * each file after the student id it signs (students/<id>.json).
 */
function nameMismatch(file: string, value: unknown): Verification | undefined {
  const studentId = (value as { integrity?: { studentId?: unknown } } | null)?.integrity?.studentId;
  if (typeof studentId !== 'string') return undefined;
  const name = path.basename(file).replace(/\.json$/i, '');
  if (name === studentId) return undefined;
  return {
    valid: false,
    reason: {
      en: `the report is ${studentId}'s, but the file is named ${path.basename(file)}: a report counts only under its own student's name (${studentId}.json)`,
      ko: `${studentId}의 보고서인데 파일 이름이 ${path.basename(file)}입니다. 보고서는 그 학생의 이름(${studentId}.json)으로만 인정됩니다`,
    },
  };
}
