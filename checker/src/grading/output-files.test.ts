import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { clearStudentFiles, lockOutputDir, prepareOutputDir, writeAtomic, writeClassFiles, writeStudentFiles } from './output-files';
import { classResult } from './testing/class-fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('output files', () => {
  it('writes every file, and refuses an output folder it cannot write', () => {
    const out = path.join(dir, 'out');
    prepareOutputDir(out);
    fs.writeFileSync(path.join(out, 'students', 's3.json'), '{}');
    const result = classResult();
    const written = [...result.students.flatMap((o) => writeStudentFiles(out, o, 'en')), ...writeClassFiles(out, result)];
    expect(written.map((file) => path.relative(out, file)).sort()).toEqual(
      [
        'gradebook.csv',
        'summary.html',
        'summary.md',
        'students/s1.json',
        'students/s1.md',
        'students/s1.xml',
        'students/s2.json',
        'students/s2.md',
        'students/s2.xml',
        'students/s3.md',
      ].sort(),
    );
    expect(fs.existsSync(path.join(out, 'students', 's3.json'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'students', 's1.md'), 'utf8')).toContain(
      '\n---\n\nchecker 0.1.0 · rule set cccccccccccc · template sha256 aaaaaaaaaaaa · unsigned\n',
    );
    // Nothing half-written or temporary is left behind.
    expect(fs.readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    clearStudentFiles(out, ['s1']);
    expect(fs.readdirSync(path.join(out, 'students')).sort()).toEqual(['s2.json', 's2.md', 's2.xml', 's3.md']);
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(() => prepareOutputDir(path.join(dir, 'file', 'out'))).toThrow(
      /^Cannot write to the output folder .* \(ENOTDIR\): pass a folder you can write to with --out\.$/,
    );
  });

  it('replaces a file atomically', () => {
    const file = path.join(dir, 'atomic.txt');
    writeAtomic(file, 'one');
    writeAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.atomic'))).toEqual([]);
  });

  it('lets one run at a time hold a folder, and takes over the lock of a run that is gone', () => {
    const out = path.join(dir, 'locked');
    fs.mkdirSync(out);
    const release = lockOutputDir(out);
    expect(() => lockOutputDir(out)).toThrow(new RegExp(`^Another checker grade \\(pid ${process.pid} on .*\\) is writing to ${out}`));
    release();
    // A lock left by a process that has ended (here a finished child) is stale.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(
      path.join(out, '.checker-grade.lock'),
      JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), startedAt: 'then' }),
    );
    const again = lockOutputDir(out);
    expect(JSON.parse(fs.readFileSync(path.join(out, '.checker-grade.lock'), 'utf8')).pid).toBe(process.pid);
    again();
    expect(fs.existsSync(path.join(out, '.checker-grade.lock'))).toBe(false);
  });
});
