import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalizedText } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';
import type { Rule } from '../rules/types';

/** Environment variable holding the HMAC key that signs (and verifies) graded reports. */
export const SIGNING_KEY_ENV = 'CHECKER_SIGNING_KEY';

/** What was graded: a template's hash, or the live stack with account, region and time. */
export type InputFingerprint =
  | { readonly kind: 'template'; readonly sha256: string }
  | {
      readonly kind: 'live';
      readonly stack: string;
      readonly region?: string;
      readonly account?: string;
      readonly endpoint?: string;
      readonly checkedAt: string;
    };

/** The tamper evidence a graded report carries (the `integrity` field of report.schema.json). */
export interface Integrity {
  readonly version: 1;
  /** The roster's student id the report belongs to. */
  readonly studentId?: string;
  /** SHA-256 of the rule set: rule ids and metadata, and the source of src/rules and src/model. */
  readonly rulesetSha256: string;
  readonly input: InputFingerprint;
  /** HMAC-SHA256 over the canonical JSON of the report without this field; absent when no key was set. */
  readonly signature?: { readonly algorithm: 'HMAC-SHA256'; readonly keyId: string; readonly value: string };
}

/** A check report with its tamper evidence. */
export type SignedReport = CheckReport & { readonly integrity: Integrity };

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, undefined members dropped.
 * The same value gives the same bytes whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The files whose content decides verdicts: rules and the model's queries, tests and fixtures left out. */
function rulesetFiles(srcDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  for (const area of ['rules', 'model']) walk(path.join(srcDir, area));
  return files.sort();
}

/**
 * SHA-256 of the rule set: the canonical JSON of every rule's id and metadata, then each source
 * file of src/rules and src/model (relative path and text, line ends normalized), so any change to
 * what judges a lab changes the hash.
 */
export function rulesetSha256(rules: readonly Rule[], srcDir = path.resolve(__dirname, '..')): string {
  const hash = createHash('sha256');
  const meta = [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule) => Object.fromEntries(Object.entries(rule).filter(([, value]) => typeof value !== 'function')));
  hash.update(canonicalJson(meta));
  for (const file of rulesetFiles(srcDir)) {
    hash.update(`\0${path.relative(srcDir, file).split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
  }
  return hash.digest('hex');
}

/** A short public id of a signing key, so a verifier can tell "another key" from "changed report". */
export function keyId(key: string): string {
  return createHash('sha256').update(`checker-signing-key:${key}`).digest('hex').slice(0, 16);
}

function hmac(report: unknown, key: string): string {
  return createHmac('sha256', key).update(canonicalJson(report)).digest('base64');
}

/** The report without the signature: what the HMAC covers. */
function unsigned(report: Record<string, unknown>): Record<string, unknown> {
  const integrity = report.integrity as Record<string, unknown> | undefined;
  if (!integrity || typeof integrity !== 'object') return report;
  const rest = { ...integrity };
  delete rest.signature;
  return { ...report, integrity: rest };
}

/** Adds the tamper evidence to a report, signed with HMAC-SHA256 when a key is given. */
export function attest(
  report: CheckReport,
  evidence: { readonly rulesetSha256: string; readonly input: InputFingerprint; readonly studentId?: string },
  key?: string,
): SignedReport {
  const integrity: Integrity = {
    version: 1,
    ...(evidence.studentId !== undefined ? { studentId: evidence.studentId } : {}),
    rulesetSha256: evidence.rulesetSha256,
    input: evidence.input,
  };
  const report0: SignedReport = { ...report, integrity };
  if (!key) return report0;
  // Sign the JSON form (what is written to disk), so verification sees exactly the same values.
  const value = hmac(JSON.parse(JSON.stringify(report0)), key);
  return { ...report, integrity: { ...integrity, signature: { algorithm: 'HMAC-SHA256', keyId: keyId(key), value } } };
}

/** The fingerprint of a report's input: its template hash, or the live stack and when it was read. */
export function fingerprintOf(report: CheckReport, live: { region?: string; account?: string; endpoint?: string }): InputFingerprint {
  if (report.source.kind === 'template' && report.source.templateSha256) return { kind: 'template', sha256: report.source.templateSha256 };
  return {
    kind: 'live',
    stack: report.lab.stackName,
    ...(live.region ? { region: live.region } : {}),
    ...(live.account ? { account: live.account } : {}),
    ...(live.endpoint ? { endpoint: live.endpoint } : {}),
    checkedAt: report.startedAt,
  };
}

/** The outcome of verifying one report. */
export type Verification =
  | { readonly valid: true; readonly signed: boolean; readonly summary: string }
  | { readonly valid: false; readonly reason: LocalizedText; readonly needsKey?: boolean };

/**
 * Verifies a report read from JSON: the signature (with `key`), the rule set against this checker's,
 * the input hash against the source, and that scores and counts add up. A report without a
 * signature is valid only when no key is given (its consistency is checked, its origin is not).
 */
export function verifyReport(value: unknown, options: { readonly key?: string; readonly rulesetSha256: string }): Verification {
  const invalid = (en: string, ko: string): Verification => ({ valid: false, reason: { en, ko } });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid('not a checker report (expected a JSON object)', 'checker 보고서가 아닙니다(JSON 객체가 아님)');
  }
  const report = value as Partial<SignedReport> & Record<string, unknown>;
  const integrity = report.integrity;
  if (!integrity || typeof integrity !== 'object') {
    return invalid(
      'no integrity block: only reports written by `checker grade` carry one',
      'integrity 항목이 없습니다. `checker grade`가 쓴 보고서에만 있습니다',
    );
  }
  const signature = integrity.signature;
  if (signature) {
    if (!options.key) {
      return {
        valid: false,
        needsKey: true,
        reason: {
          en: `the report is signed: set ${SIGNING_KEY_ENV} to the key the class was graded with, then verify again`,
          ko: `서명된 보고서입니다. 채점할 때 쓴 키를 ${SIGNING_KEY_ENV}에 넣고 다시 검증하세요`,
        },
      };
    }
    if (signature.algorithm !== 'HMAC-SHA256')
      return invalid(`unknown signature algorithm "${signature.algorithm}"`, `알 수 없는 서명 알고리즘 "${signature.algorithm}"`);
    if (signature.keyId !== keyId(options.key)) {
      return invalid(
        `signed with another key (key id ${signature.keyId}, yours is ${keyId(options.key)}): use the grading key`,
        `다른 키로 서명되었습니다(키 id ${signature.keyId}, 지금 키는 ${keyId(options.key)}). 채점한 키를 쓰세요`,
      );
    }
    const expected = Buffer.from(hmac(unsigned(report), options.key));
    const actual = Buffer.from(String(signature.value));
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return invalid(
        'the signature does not match: the report was changed after grading',
        '서명이 맞지 않습니다. 채점 뒤에 보고서가 바뀌었습니다',
      );
    }
  } else if (options.key) {
    return invalid(
      `the report is not signed, but ${SIGNING_KEY_ENV} is set: it was not written by a signed grading run`,
      `${SIGNING_KEY_ENV}이(가) 설정되어 있는데 보고서에 서명이 없습니다. 서명한 채점에서 나온 보고서가 아닙니다`,
    );
  }
  if (integrity.rulesetSha256 !== options.rulesetSha256) {
    return invalid(
      `graded with another rule set (${short(integrity.rulesetSha256)}, this checker has ${short(options.rulesetSha256)}): verify with the checker that graded it, or grade again`,
      `다른 규칙 집합으로 채점되었습니다(${short(integrity.rulesetSha256)}, 이 checker는 ${short(options.rulesetSha256)}). 채점한 checker로 검증하거나 다시 채점하세요`,
    );
  }
  const problem = inconsistency(report);
  if (problem) return invalid(problem.en, problem.ko);
  const who = integrity.studentId ? `${integrity.studentId} ` : '';
  const signed = signature ? `signed (key id ${signature.keyId})` : 'unsigned: consistent, but anyone could have written it';
  return {
    valid: true,
    signed: Boolean(signature),
    summary: `${who}${report.lab?.id} ${report.score?.points}/${report.score?.maxPoints}, checker ${report.checkerVersion}, rule set ${short(integrity.rulesetSha256)}, ${signed}`,
  };
}

function short(hash: unknown): string {
  return typeof hash === 'string' ? hash.slice(0, 12) : String(hash);
}

/** A reason the report's own numbers disagree, or undefined when they add up. */
function inconsistency(report: Partial<SignedReport>): LocalizedText | undefined {
  const results = Array.isArray(report.results) ? report.results : undefined;
  if (!results || !report.score || !report.summary || !report.source || !report.integrity) {
    return { en: 'fields are missing (results, score, summary or source)', ko: '필드가 빠져 있습니다(results, score, summary, source)' };
  }
  const counts: Record<string, number> = { PASS: 0, FAIL: 0, SKIP: 0, ERROR: 0 };
  let points = 0;
  let maxPoints = 0;
  for (const result of results) {
    counts[result.status] = (counts[result.status] ?? 0) + 1;
    points += result.points;
    maxPoints += result.maxPoints;
    const earned = result.status === 'PASS' ? result.maxPoints : 0;
    if (result.points !== earned) {
      return {
        en: `rule ${result.ruleId} is ${result.status} with ${result.points} points`,
        ko: `${result.ruleId} 규칙이 ${result.status}인데 ${result.points}점입니다`,
      };
    }
  }
  if (points !== report.score.points || maxPoints !== report.score.maxPoints) {
    return {
      en: `the score ${report.score.points}/${report.score.maxPoints} is not the sum of the rules (${points}/${maxPoints})`,
      ko: `점수 ${report.score.points}/${report.score.maxPoints}이(가) 규칙 점수의 합(${points}/${maxPoints})과 다릅니다`,
    };
  }
  for (const status of Object.keys(counts)) {
    if (report.summary[status as keyof CheckReport['summary']] !== counts[status]) {
      return { en: `the summary's ${status} count does not match the results`, ko: `요약의 ${status} 개수가 결과와 다릅니다` };
    }
  }
  const input = report.integrity.input;
  if (input?.kind === 'template' && input.sha256 !== report.source.templateSha256) {
    return { en: "the input hash differs from the source's template hash", ko: '입력 해시가 원본 템플릿 해시와 다릅니다' };
  }
  return undefined;
}
