import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ExitCode, inputError, type ExitCodeValue } from '../errors';
import { rulesetSha256, SIGNING_KEY_ENV, verifyReport } from '../grading/integrity';
import { rules } from '../rules';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** The `verify` subcommand's definition: the site's CLI reference is generated from it. */
export function verifyCommand(): Command {
  return new Command('verify')
    .summary('verify graded reports')
    .description(
      `Verifies JSON reports written by \`checker grade\`: the HMAC-SHA256 signature (with the key in ${SIGNING_KEY_ENV}), that the rule set is this checker's, and that scores and counts add up. Prints one line per report. Exit code 0 when every report is valid, 1 when one is not, 2 on a usage error (unreadable file, or a signed report and no key).`,
    )
    .argument('<report.json...>', 'students/<id>.json files from the grade output folder');
}

/** Runs `checker verify`: one line per report, exit code 1 when any is invalid. */
export function runVerify(files: readonly string[], global: GlobalOptions, io: Io): ExitCodeValue {
  const lang = resolveLang(global.lang, io.env);
  const key = io.env[SIGNING_KEY_ENV] || undefined;
  const ruleset = rulesetSha256(rules);
  let code: ExitCodeValue = ExitCode.Pass;
  for (const file of files) {
    const resolved = path.resolve(io.cwd, file);
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(resolved, 'utf8'));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw inputError(
        `Cannot read ${file} as JSON (${why}): pass a students/<id>.json file written by checker grade.`,
        `${file}을(를) JSON으로 읽을 수 없습니다(${why}). checker grade가 쓴 students/<id>.json 파일을 주세요.`,
      );
    }
    const verdict = verifyReport(value, { key, rulesetSha256: ruleset });
    if (verdict.valid) {
      io.stdout.write(`${lang === 'ko' ? '유효' : 'valid'}: ${file}: ${verdict.summary}\n`);
    } else if (verdict.needsKey) {
      throw inputError(`${file}: ${verdict.reason.en}.`, `${file}: ${verdict.reason.ko}.`);
    } else {
      io.stdout.write(`${lang === 'ko' ? '무효' : 'INVALID'}: ${file}: ${verdict.reason[lang]}\n`);
      code = ExitCode.Fail;
    }
  }
  return code;
}
