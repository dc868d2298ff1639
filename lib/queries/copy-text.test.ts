import { describe, expect, it } from 'vitest';
import { createCopyTextReader, nullableBoolean, nullableNumber, nullableText, readCopyText, requiredDate, requiredNumber, requiredText } from './copy-text';

describe('readCopyText', () => {
  it('splits rows on newlines and fields on tabs, and reads no rows from no text', () => {
    expect(readCopyText('1\ta\n2\tb\n', (fields) => fields)).toEqual([['1', 'a'], ['2', 'b']]);
    expect(readCopyText('', (fields) => fields)).toEqual([]);
    expect(readCopyText('\n', (fields) => fields)).toEqual([['']]);
  });

  it('unescapes what COPY escapes, and tells null from the text \\N', () => {
    const [row] = readCopyText('a\\tb\\nc\\\\d\\re\\bf\\fg\\vh\t\\N\t\\\\N\t\n', (fields) => fields.map(nullableText));
    expect(row).toEqual(['a\tb\nc\\d\re\bf\fg\vh', null, '\\N', '']);
  });

  it('reads numbers, booleans and times, null where the field is null', () => {
    const [row] = readCopyText('12\t-0.5\tNaN\t-Infinity\tt\tf\t\\N\t2026-12-03 10:53:18.250458+00\n', (f) => [
      requiredNumber(f[0]),
      nullableNumber(f[1]),
      nullableNumber(f[2]),
      nullableNumber(f[3]),
      nullableBoolean(f[4]),
      nullableBoolean(f[5]),
      nullableBoolean(f[6]),
      requiredDate(f[7]).toISOString(),
    ]);
    expect(row).toEqual([12, -0.5, NaN, -Infinity, true, false, null, '2026-12-03T10:53:18.250Z']);
  });

  it('refuses a row shorter than the query selects, and a null where none may be', () => {
    expect(() => readCopyText('a\n', (f) => [requiredText(f[0]), nullableText(f[1])])).toThrow(/fewer fields/);
    expect(() => readCopyText('\\N\n', (f) => requiredText(f[0]))).toThrow(/never null was null/);
  });
});

describe('createCopyTextReader', () => {
  const text = 's1\tØrje 🚲\t\\N\ns2\tTab\\there, new\\nline\t12\n\ns3\t漢字\t-0.5\n';
  const bytes = Buffer.from(text, 'utf8');
  const whole = readCopyText(text, (fields) => fields.map(nullableText));

  function readInChunks(cuts: number[]): (string | null)[][] {
    const reader = createCopyTextReader((fields) => fields.map(nullableText));
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      reader.push(bytes.subarray(from, cut));
      from = cut;
    }
    return reader.end();
  }

  it('reads the same rows however the text is cut into chunks, inside a character or a row included', () => {
    expect(whole).toHaveLength(4);
    for (let cut = 0; cut <= bytes.length; cut += 1) expect(readInChunks([cut]), `cut at byte ${cut}`).toEqual(whole);
    expect(readInChunks(Array.from({ length: bytes.length }, (_, index) => index))).toEqual(whole);
  });

  it('reads a last row that has no newline, and no rows from no chunks', () => {
    const reader = createCopyTextReader((fields) => fields);
    reader.push(Buffer.from('a\tb\nc'));
    reader.push(Buffer.from('\td'));
    expect(reader.end()).toEqual([['a', 'b'], ['c', 'd']]);
    expect(createCopyTextReader((fields) => fields).end()).toEqual([]);
  });
});
