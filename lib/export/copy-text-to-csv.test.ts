import { describe, expect, it } from 'vitest';
import { createCopyTextToCsv } from './copy-text-to-csv';
import type { ExportColumn } from './export-columns';

const text = (name: string): ExportColumn => ({ name, type: 'text', nullable: true });
const value = (name: string): ExportColumn => ({ name, type: 'int', nullable: true });

describe('createCopyTextToCsv', () => {
  it('turns COPY text rows into CSV, hostile text cells made inert and numbers left as they are', () => {
    const convert = createCopyTextToCsv([value('at'), text('name'), value('delta')]);
    const copy = Buffer.from('2026-01-01T00:00:00.000Z\t=cmd|calc\t-3\n2026-01-01T00:01:00.000Z\tTorget, "nord"\\nside\t\\N\n');
    expect(convert.push(copy) + convert.end()).toBe(
      `2026-01-01T00:00:00.000Z,'=cmd|calc,-3\r\n2026-01-01T00:01:00.000Z,"Torget, ""nord""\nside",\r\n`,
    );
    expect(convert.rows).toBe(2);
  });

  it('keeps a row, and a multi-byte character, split across chunks whole', () => {
    const convert = createCopyTextToCsv([text('name'), value('bikes')]);
    const bytes = Buffer.from('Ærfuglen ø\t1\nSkøyen\t2\n');
    let out = '';
    for (let at = 0; at < bytes.length; at += 3) out += convert.push(bytes.subarray(at, at + 3));
    out += convert.end();
    expect(out).toBe('Ærfuglen ø,1\r\nSkøyen,2\r\n');
    expect(convert.rows).toBe(2);
  });

  it('refuses a row with the wrong number of fields instead of shifting columns', () => {
    const convert = createCopyTextToCsv([text('name'), value('bikes')]);
    expect(() => convert.push(Buffer.from('a\tb\tc\n'))).toThrow(/3 fields, not 2/);
  });
});
