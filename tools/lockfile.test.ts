/**
 * package-lock.json must let `npm ci` install on every platform npm supports, offline from this
 * test's point of view: every optional dependency a package lists has its own entry in the lock
 * (npm ci rejects a lock that lacks one the registry has: "Missing: ... from lock file"), and every
 * package that ships per-platform binaries has one for each of the platforms learners use.
 */
import fs from 'node:fs';
import path from 'node:path';

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const root = path.resolve(__dirname, '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const packages = lock.packages;

/** Learners' machines: macOS on Apple silicon and Intel, Linux on x64 and ARM, Windows on x64. */
const PLATFORMS = [
  ['darwin', 'arm64'],
  ['darwin', 'x64'],
  ['linux', 'x64'],
  ['linux', 'arm64'],
  ['win32', 'x64'],
] as const;

const FIX =
  'regenerate the lock from scratch (rm -rf node_modules package-lock.json && npm install), or, when the registry lacks that version of a platform package, pin the parent to a version whose platform packages all exist ("overrides" in package.json)';

/** The lock entry a package at `from` gets for `name`, found as Node and npm do: nested first, then up the tree. */
function resolve(from: string, name: string): string | undefined {
  for (let base = from; ;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

const withOptional = Object.entries(packages).filter(([, entry]) => entry.optionalDependencies);

/** Packages whose optional dependencies are a set of per-platform builds (three or more with os/cpu). */
const platformBinaries = withOptional.filter(
  ([key, entry]) =>
    Object.keys(entry.optionalDependencies!).filter((name) => {
      const found = resolve(key, name);
      return found && (packages[found].os || packages[found].cpu);
    }).length >= 3,
);

describe('package-lock.json', () => {
  it('is a lockfile version 3 (npm 9 or newer)', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it('records the per-platform binaries of the packages that ship them', () => {
    const names = platformBinaries.map(([key]) => key.replace(/^.*node_modules\//, ''));
    expect(names).toEqual(expect.arrayContaining(['@swc/core', 'nx', 'esbuild', 'lightningcss', '@rspack/binding']));
  });

  it('has an entry for every optional dependency of every package', () => {
    const missing = withOptional.flatMap(([key, entry]) =>
      Object.keys(entry.optionalDependencies!)
        .filter((name) => resolve(key, name) === undefined)
        .map((name) => `${key || '(root)'} lists optional ${name}@${entry.optionalDependencies![name]}, which has no entry`),
    );
    expect(missing.length === 0 ? 'complete' : `${missing.join('\n')}\nFix: ${FIX}.`).toBe('complete');
  });

  it('has a binary for every common platform wherever a package ships per-platform binaries', () => {
    const gaps = platformBinaries.flatMap(([key, entry]) => {
      const builds = Object.keys(entry.optionalDependencies!)
        .map((name) => packages[resolve(key, name) ?? ''])
        .filter(Boolean);
      return PLATFORMS.filter(
        ([os, cpu]) => !builds.some((build) => (!build.os || build.os.includes(os)) && (!build.cpu || build.cpu.includes(cpu))),
      ).map(([os, cpu]) => `${key} has no ${os}-${cpu} build`);
    });
    expect(gaps.length === 0 ? 'complete' : `${gaps.join('\n')}\nFix: ${FIX}.`).toBe('complete');
  });

  it('pins each optional platform build at the version its parent asks for', () => {
    const wrong = withOptional.flatMap(([key, entry]) =>
      Object.entries(entry.optionalDependencies!)
        .filter(([name, range]) => /^\d+\.\d+\.\d+$/.test(range) && resolve(key, name) && packages[resolve(key, name)!].version !== range)
        .map(([name, range]) => `${key} wants ${name}@${range}, the lock has ${packages[resolve(key, name)!].version}`),
    );
    expect(wrong).toEqual([]);
  });
});
