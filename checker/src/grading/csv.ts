/** One parsed CSV record: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A CSV syntax error at a 1-based line and column. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`line ${line}, column ${column}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, line breaks and
 * `""` for a quote; LF or CRLF line ends; a leading byte-order mark is dropped. Blank lines and lines
 * starting with `#` are skipped. Unquoted fields are trimmed. Throws CsvSyntaxError with the position.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let column = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let recordLine = 1;
  let atFieldStart = true;
  let afterQuote = false;
  let inComment = false;
  let quotedRecord = false;

  const endField = (): void => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
    atFieldStart = true;
    afterQuote = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === '' && !quotedRecord)) records.push({ line: recordLine, fields });
    fields = [];
    quotedRecord = false;
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (inComment) {
      if (char === '\n') {
        inComment = false;
        line++;
        column = 1;
        recordLine = line;
      }
      continue;
    }
    if (quoted && !afterQuote) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
          column += 2;
          continue;
        }
        afterQuote = true;
      } else {
        field += char;
        if (char === '\n') {
          line++;
          column = 0;
        }
      }
      column++;
      continue;
    }
    if (char === '\r' && source[i + 1] === '\n') continue;
    if (char === ',') {
      endField();
      column++;
      continue;
    }
    if (char === '\n') {
      endRecord();
      line++;
      column = 1;
      recordLine = line;
      continue;
    }
    if (afterQuote) {
      if (char === ' ' || char === '\t') {
        column++;
        continue;
      }
      throw new CsvSyntaxError(
        line,
        column,
        `unexpected ${JSON.stringify(char)} after a closing quote (write "" for a quote inside a quoted field)`,
      );
    }
    if (char === '#' && atFieldStart && fields.length === 0 && field.trim() === '') {
      inComment = true;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      quotedRecord = true;
      field = '';
      atFieldStart = false;
      column++;
      continue;
    }
    if (char === '"') {
      throw new CsvSyntaxError(line, column, 'a quote inside an unquoted field (quote the whole field and write "" for the quote)');
    }
    field += char;
    atFieldStart = false;
    column++;
  }
  if (quoted && !afterQuote) throw new CsvSyntaxError(recordLine, 1, 'a quoted field is never closed (add the closing ")');
  if (!inComment && (field !== '' || fields.length > 0 || quoted)) endRecord();
  return records;
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break, or has outer spaces. A cell a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, after
 * spaces too, full-width forms included) gets a leading quote mark, whatever the value's type.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends (what spreadsheets expect). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
