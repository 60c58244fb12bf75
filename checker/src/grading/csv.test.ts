import { CsvSyntaxError, csvField, parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and counts lines', () => {
    const text = '\uFEFFstudent_id,name,target\r\ns1,"Lee, Jun",a\r\n\r\n# a comment\ns2,"Say ""hi""\nthere", b \ns3,Kim,c';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['student_id', 'name', 'target'] },
      { line: 2, fields: ['s1', 'Lee, Jun', 'a'] },
      { line: 5, fields: ['s2', 'Say "hi"\nthere', 'b'] },
      { line: 7, fields: ['s3', 'Kim', 'c'] },
    ]);
  });

  it('keeps empty fields and a quoted empty record', () => {
    expect(parseCsv('a,,c\n""\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: [''] },
    ]);
  });

  it.each([
    ['a quote inside an unquoted field', 'id,name\ns1,Le"e\n', 2, 6],
    ['text after a closing quote', 'id,name\ns1,"Lee"x\n', 2, 9],
    ['a quoted field never closed', 'id,name\ns1,"Lee\n', 2, 1],
  ])('reports %s with its line and column', (_, text, line, column) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line, column });
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Lee, Jun')).toBe('"Lee, Jun"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe("'-5");
    expect(csvField('  +1')).toBe("'  +1");
    expect(csvField('\t=1')).toBe(`'\t=1`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('＝1+1')).toBe("'＝1+1");
    expect(csvField('a-b')).toBe('a-b');
    expect(
      toCsv([
        ['a', 1],
        ['b "c"', 2],
      ]),
    ).toBe('a,1\r\n"b ""c""",2\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['id', 'name'],
      ['s1', 'Lee, "Jun"\nKim'],
    ];
    expect(parseCsv(toCsv(rows)).map((record) => record.fields)).toEqual(rows);
  });
});
