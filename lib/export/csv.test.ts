import { describe, expect, it } from 'vitest';
import { csvCommentLines, csvRow, csvText, exportFilename } from './csv';

describe('csvText', () => {
  it('leaves plain text alone and writes null as an empty cell', () => {
    expect(csvText('Aker Brygge')).toBe('Aker Brygge');
    expect(csvText('Ærfuglen 7')).toBe('Ærfuglen 7');
    expect(csvText(null)).toBe('');
    expect(csvText('')).toBe('');
  });

  it('quotes commas, quotes and line breaks so a name stays one cell', () => {
    expect(csvText('Torget, nord')).toBe('"Torget, nord"');
    expect(csvText('The "Big" one')).toBe('"The ""Big"" one"');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('makes a cell that a spreadsheet would run as a formula plain text', () => {
    expect(csvText('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvText('+47 123')).toBe("'+47 123");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\t=1')).toBe("'\t=1");
    expect(csvText('\r=1')).toBe(`"'\r=1"`);
    expect(csvText('a=1')).toBe('a=1');
  });

  it('joins a row with commas and ends it with CRLF', () => {
    expect(csvRow(['a', csvText('b,c'), ''])).toBe('a,"b,c",\r\n');
  });
});

describe('csvCommentLines', () => {
  it('writes one # line a key, and a value from a feed cannot break out of its line', () => {
    const text = csvCommentLines([
      ['system', 'oslo'],
      ['licence', 'https://x.example/\r\n2026-01-01T00:00:00Z,1,2\u2028more'],
    ]);
    expect(text).toBe('# system: oslo\r\n# licence: https://x.example/ 2026-01-01T00:00:00Z,1,2 more\r\n');
    expect(text.split('\r\n').filter(Boolean).every((line) => line.startsWith('# '))).toBe(true);
  });
});

describe('exportFilename', () => {
  it('keeps only letters, digits, dot, underscore and dash', () => {
    expect(exportFilename(['oslo', '123'], 'csv')).toBe('bikestream-oslo-123.csv');
    expect(exportFilename(['../../etc', 'a"b;\r\nc'], 'csv')).toBe('bikestream-etc-a_b_c.csv');
    expect(exportFilename(['ø🚲', 'x'], 'parquet')).toBe('bikestream-x.parquet');
    expect(exportFilename(['a'.repeat(500)], 'csv')).toBe(`bikestream-${'a'.repeat(60)}.csv`);
  });
});
