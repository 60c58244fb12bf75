import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../template/load';

/**
 * Type errors in a TypeScript app, each as "file:line:col: message (TSxxxx)", found with the app's
 * own `tsc --noEmit`. Empty when there are none, or when the app has no tsconfig.json or TypeScript.
 * Slow (seconds): the checker calls it only after a synth has failed.
 */
export function findTypeErrors(dir: string): string[] {
  if (!fs.existsSync(path.join(dir, 'tsconfig.json'))) return [];
  let tsc: string;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [dir] });
  } catch {
    return [];
  }
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', dir], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return parseTscOutput(result.stdout ?? '', dir);
}

/** "Declared but never used" errors: real in the app's own typecheck, never the cause of a failed synth. */
const UNUSED = new Set(['TS6133', 'TS6138', 'TS6192', 'TS6196', 'TS6198', 'TS6205']);

/** Parses `tsc --pretty false` output lines into "file:line:col: message (TSxxxx)". */
export function parseTscOutput(output: string, dir: string): string[] {
  const errors: string[] = [];
  for (const match of output.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.+)$/gm)) {
    if (UNUSED.has(match[4])) continue;
    errors.push(`${displayPath(path.resolve(dir, match[1]))}:${match[2]}:${match[3]}: ${match[5]} (${match[4]})`);
  }
  return errors;
}
