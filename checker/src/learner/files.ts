import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Folders of an app that are dependencies or build output, never the learner's own sources. */
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', '.nx', 'coverage', '.git']);

/** Files whose change can change a synthesized template: sources and the app's configuration. */
const SOURCE_FILE = /\.(?:[cm]?ts|[cm]?js|json)$/;

/** True for a path (relative to the app) that belongs to the learner's sources; tests and declarations do not. */
export function isAppSource(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  if (parts.some((part) => SKIPPED_DIRS.has(part) || part.startsWith('.'))) return false;
  if (parts[0] === 'test' || /\.d\.ts$/.test(relative) || /\.test\.[cm]?[jt]s$/.test(relative)) return false;
  return SOURCE_FILE.test(relative) && !/^(?:package-lock|cdk\.context)\.json$/.test(parts[parts.length - 1]);
}

/** The learner's source files of the app in `dir`, relative with forward slashes, sorted. */
export function appSourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(folder, entry.name), relative);
      } else if (entry.isFile() && isAppSource(relative)) found.push(relative);
    }
  };
  walk(dir, '');
  return found.sort();
}

/** SHA-256 of one file's bytes, or undefined when it cannot be read (deleted between event and read). */
export function fileHash(file: string): string | undefined {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** One hash over every source file of the app (names and contents): equal hashes mean the same app. */
export function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  for (const relative of appSourceFiles(dir)) hash.update(`${relative}\0${fileHash(path.join(dir, relative)) ?? ''}\0`);
  return hash.digest('hex');
}
