import { parseCsv } from './csv';
import { gradebookCsv } from './gradebook-csv';
import { classResult, lab, student } from './testing/class-fixture';

describe('gradebookCsv', () => {
  it('writes a gradebook a spreadsheet reads back, with ERROR rows and their reason', () => {
    const rows = parseCsv(gradebookCsv(classResult())).map((record) => record.fields);
    expect(rows[0]).toEqual(['student_id', 'name', 'lab', 'score', 'max', 'passed', ...lab.checks, 'error']);
    expect(rows[1].slice(0, 8)).toEqual(['s1', 'Kim, "Minji"', 'vpc-migration', '5', '10', 'no', 'PASS', 'FAIL']);
    expect(rows[3].slice(0, 6)).toEqual(['s3', 'Park', 'vpc-migration', '', '', 'ERROR']);
    expect(rows[3].at(-1)).toBe('synth failed: <boom>');
  });

  it('keeps formulas a student controls (name, error reason) from running in a spreadsheet', () => {
    const result = { ...classResult(), students: [student('s9', '=HYPERLINK("http://x","y")', undefined, '@SUM(A1:A9)')] };
    const row = parseCsv(gradebookCsv(result))[1].fields;
    expect(row[1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row.at(-1)).toBe("'@SUM(A1:A9)");
  });
});
