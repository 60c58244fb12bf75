import fs from 'node:fs';
import path from 'node:path';
import { isAppSource } from './files';

/** A running watch over an app folder; close() stops every underlying watcher. */
export interface TreeWatch {
  close(): void;
}

/** Folders never watched: dependencies and build output hold thousands of files the app's verdict does not read. */
const SKIPPED = new Set(['node_modules', 'cdk.out', '.nx', 'coverage', '.git']);

/**
 * Watches the app's source files (see isAppSource) in `dir` and its subfolders, folder by folder so
 * node_modules and cdk.out cost nothing, and calls `onChange` with each changed path relative to
 * `dir`. Folders created later are watched as they appear.
 */
export function watchTree(dir: string, onChange: (relative: string) => void): TreeWatch {
  const watchers = new Map<string, fs.FSWatcher>();
  const add = (folder: string): void => {
    if (watchers.has(folder)) return;
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, (_event, name) => {
        if (!name) return;
        const full = path.join(folder, name.toString());
        const relative = path.relative(dir, full).split(path.sep).join('/');
        if (isFolder(full)) {
          if (!SKIPPED.has(path.basename(full)) && !path.basename(full).startsWith('.')) addTree(full);
        } else if (isAppSource(relative)) onChange(relative);
      });
    } catch {
      return; // removed between listing and watching
    }
    // A watched folder that is deleted reports an error on some platforms: forget it.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
  };
  const addTree = (folder: string): void => {
    add(folder);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) addTree(path.join(folder, entry.name));
    }
  };
  addTree(dir);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
