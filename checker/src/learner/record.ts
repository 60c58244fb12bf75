import fs from 'node:fs';
import path from 'node:path';
import { labDir, repoRoot } from '@workshop/catalog';
import type { CheckReport } from '../engine/result';
import { verdict } from '../reporters/util';
import { sourceHash } from './files';

/** The outcome of one check of a lab, as `checker progress` reads it back. */
export interface CheckRecord {
  readonly verdict: ReturnType<typeof verdict>;
  readonly points: number;
  readonly maxPoints: number;
  /** ISO time the check ran. */
  readonly at: string;
  /** Template checks: hash of the starter's sources that were checked (a record of other sources is not reused). */
  readonly sourceHash?: string;
  /** Live checks: what was checked, e.g. "stack ShopVpcMigration at http://127.0.0.1:4566". */
  readonly source?: string;
  /** Live checks: the target profile, e.g. "emulator" or "aws". */
  readonly target?: string;
}

/** The last template check and the last live check of each lab, by lab id. */
export type ProgressRecords = Record<string, { template?: CheckRecord; live?: CheckRecord }>;

/** Path of the learner's check record: .workshop/progress.json (WORKSHOP_DIR moves the folder, as for local AWS). */
export function progressPath(env: Readonly<Record<string, string | undefined>>): string {
  const dir = env.WORKSHOP_DIR ? path.resolve(env.WORKSHOP_DIR) : path.join(repoRoot, '.workshop');
  return path.join(dir, 'progress.json');
}

/** Reads the records; a missing or damaged file reads as none (it is a cache, never the only copy of anything). */
export function readProgress(env: Readonly<Record<string, string | undefined>>): ProgressRecords {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(progressPath(env), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ProgressRecords) : {};
  } catch {
    return {};
  }
}

/** Stores one lab's record (template or live), keeping the others; written atomically. */
export function writeRecord(
  labId: string,
  kind: 'template' | 'live',
  record: CheckRecord,
  env: Readonly<Record<string, string | undefined>>,
): void {
  const records = readProgress(env);
  records[labId] = { ...records[labId], [kind]: record };
  const file = progressPath(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(records, null, 2)}\n`);
  fs.renameSync(temp, file);
}

/** The record of a finished check. `hash` is the checked starter's source hash (template checks). */
export function recordOf(report: CheckReport, hash?: string): CheckRecord {
  return {
    verdict: verdict(report),
    points: report.score.points,
    maxPoints: report.score.maxPoints,
    at: new Date().toISOString(),
    ...(hash ? { sourceHash: hash } : { source: report.source.description, target: report.source.target }),
  };
}

/**
 * Remembers a check for `checker progress`: every live check of the lab's stack, and template checks
 * of the learner's own starter (labs/<lab-id> of this workshop). Other apps are not the learner's progress.
 * Recording is best effort: a read-only workshop folder never fails a check.
 */
export function rememberCheck(report: CheckReport, appDir: string | undefined, env: Readonly<Record<string, string | undefined>>): void {
  try {
    if (report.source.kind === 'live') writeRecord(report.lab.id, 'live', recordOf(report), env);
    else if (appDir && path.resolve(appDir) === labDir(report.lab.id, 'starter', repoRoot))
      writeRecord(report.lab.id, 'template', recordOf(report, sourceHash(appDir)), env);
  } catch {
    // The record only saves `checker progress` a synth; the check's own result is what matters.
  }
}
