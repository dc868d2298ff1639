/**
 * PostgreSQL's COPY text format, read: one line a row, fields split by tabs, `\N` for null, and a
 * backslash before the characters that would break that (tab, newline, backslash, a few controls).
 * Pure, so lib/queries/copy-rows.ts stays only the database side.
 */

const NULL_FIELD = '\\N';
const UNESCAPED: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

// COPY TO writes only the escapes above and `\\`; any other escaped character stands for itself.
const unescape = (field: string) => (field.includes('\\') ? field.replace(/\\(.)/gs, (_, char: string) => UNESCAPED[char] ?? char) : field);

function present(field: string | undefined): string {
  if (field === undefined) throw new Error('a COPY row has fewer fields than the query selects');
  return field;
}

function notNull(field: string | undefined): string {
  const value = present(field);
  if (value === NULL_FIELD) throw new Error('a column read as never null was null');
  return value;
}

function nullable<T>(read: (value: string) => T): (field: string | undefined) => T | null {
  return (field) => {
    const value = present(field);
    return value === NULL_FIELD ? null : read(value);
  };
}

export const nullableText = nullable(unescape);

/** int, bigint within 2^53, float8 (NaN and ±Infinity included). */
export const nullableNumber = nullable(Number);

export const nullableBoolean = nullable((value) => value === 't');

export const requiredText = (field: string | undefined): string => unescape(notNull(field));

export const requiredNumber = (field: string | undefined): number => Number(notNull(field));

/** timestamptz as the server prints it (DateStyle ISO), which `new Date` reads. */
export const requiredDate = (field: string | undefined): Date => new Date(notNull(field));

/** Each row of `text` (COPY … TO STDOUT, text format) through `toRow`, in order. */
export function readCopyText<Row>(text: string, toRow: (fields: string[]) => Row): Row[] {
  const rows: Row[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    rows.push(toRow(text.slice(start, end).split('\t')));
    start = end + 1;
  }
  return rows;
}
