import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheckerError, ExitCode } from '../errors';
import { fixtureReport, passingKoreanReport } from './fixtures';
import { parseReporterSpecs, reporterNames, reporters, verdict, writeReports } from './index';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('reporters', () => {
  it('offers the five formats the --reporter flag documents', () => {
    expect(reporterNames).toEqual(['pretty', 'json', 'junit', 'markdown', 'github-classroom']);
  });

  it.each(reporterNames)('%s is a pure function of the report', (name) => {
    const report = deepFreeze(structuredClone(fixtureReport));
    const first = reporters[name](report, { color: false });
    // A frozen report proves nothing is written to it; a second call proves no state is kept between calls.
    expect(reporters[name](report, { color: false })).toBe(first);
    expect(report).toEqual(fixtureReport);
    expect(first.endsWith('\n')).toBe(true);
    for (const result of fixtureReport.results) expect(first).toContain(result.title.en);
  });

  it.each(reporterNames)('%s follows options.lang over the report language', (name) => {
    const english = reporters[name](fixtureReport, { color: false });
    const korean = reporters[name](fixtureReport, { color: false, lang: 'ko' });
    const koreanByDefault = reporters[name]({ ...fixtureReport, lang: 'ko' }, { color: false });
    expect(korean).toBe(koreanByDefault);
    expect(korean).not.toBe(english);
  });
});

describe('verdict', () => {
  it('fails on any FAIL, errors on ERROR without FAIL, and passes otherwise (SKIP allowed)', () => {
    expect(verdict(fixtureReport)).toBe('fail');
    expect(verdict({ ...fixtureReport, summary: { PASS: 1, FAIL: 0, SKIP: 1, ERROR: 1 } })).toBe('error');
    expect(verdict({ ...fixtureReport, summary: { PASS: 1, FAIL: 0, SKIP: 3, ERROR: 0 } })).toBe('pass');
    expect(verdict(passingKoreanReport)).toBe('pass');
  });
});

describe('parseReporterSpecs', () => {
  function usageError(values: string[]): CheckerError {
    try {
      parseReporterSpecs(values);
    } catch (error) {
      expect(error).toBeInstanceOf(CheckerError);
      return error as CheckerError;
    }
    throw new Error(`expected ${JSON.stringify(values)} to be rejected`);
  }

  it('defaults to pretty on standard output', () => {
    expect(parseReporterSpecs([])).toEqual([{ name: 'pretty' }]);
  });

  it('reads name and name=file, keeping "=" inside the file name', () => {
    expect(parseReporterSpecs(['pretty', 'junit=out/report.xml', 'json=a=b.json', 'json=copy.json'])).toEqual([
      { name: 'pretty' },
      { name: 'junit', file: 'out/report.xml' },
      { name: 'json', file: 'a=b.json' },
      { name: 'json', file: 'copy.json' },
    ]);
  });

  it('rejects an unknown name in one line that lists every valid name, in both languages', () => {
    const error = usageError(['pretty', 'xml=report.xml']);
    expect(error.exitCode).toBe(ExitCode.Usage);
    for (const lang of ['en', 'ko'] as const) {
      const message = error.in(lang);
      expect(message).not.toContain('\n');
      expect(message).toContain('"xml"');
      for (const name of reporterNames) expect(message).toContain(name);
    }
  });

  it('does not accept prototype keys as reporter names', () => {
    expect(usageError(['toString']).in('en')).toContain('Unknown reporter "toString"');
  });

  it('rejects "=" without a file name', () => {
    expect(usageError(['junit=']).in('en')).toMatch(/no file name after "="/);
  });

  it('rejects two reporters writing to standard output', () => {
    const error = usageError(['pretty', 'markdown']);
    expect(error.in('en')).toContain('pretty, markdown');
    expect(error.in('en')).toContain('--reporter markdown=');
    expect(error.in('ko')).toContain('표준 출력');
  });
});

describe('writeReports', () => {
  const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'checker-reports-'));
  function capture(): { target: { cwd: string; stdout: { write(text: string): unknown } }; out: string[] } {
    const out: string[] = [];
    return { target: { cwd: tmp(), stdout: { write: (text: string) => out.push(text) } }, out };
  }

  it('writes files relative to cwd, making folders, and the one stdout report', () => {
    const { target, out } = capture();
    writeReports(
      [
        { spec: { name: 'pretty' }, text: 'pretty text\n' },
        { spec: { name: 'json', file: 'a/b/r.json' }, text: '{}\n' },
      ],
      target,
    );
    expect(fs.readFileSync(path.join(target.cwd, 'a', 'b', 'r.json'), 'utf8')).toBe('{}\n');
    expect(out).toEqual(['pretty text\n']);
  });

  it('stops at a report path that is a folder before writing anything to stdout, with a one-line error and an example', () => {
    const { target, out } = capture();
    fs.mkdirSync(path.join(target.cwd, 'reports'));
    const write = (): void =>
      writeReports(
        [
          { spec: { name: 'pretty' }, text: 'pretty text\n' },
          { spec: { name: 'junit', file: 'reports' }, text: '<x/>\n' },
        ],
        target,
      );
    expect(write).toThrow(CheckerError);
    expect(write).toThrow(/^The report file reports is a folder: name a file in it, e\.g\. --reporter junit=reports\/report\.xml\.$/);
    expect(out).toEqual([]);
  });

  it('says which report path cannot be written when a file stands where a folder should be', () => {
    const { target } = capture();
    fs.writeFileSync(path.join(target.cwd, 'taken'), '');
    expect(() => writeReports([{ spec: { name: 'json', file: 'taken/r.json' }, text: '{}' }], target)).toThrow(
      /^Cannot write the report file taken\/r\.json: a part of the path is a file, not a folder: check the path\.$/,
    );
  });
});
