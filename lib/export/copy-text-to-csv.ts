import { nullableText } from '../queries/copy-text';
import { csvRow, csvText } from './csv';

/** `text`: from outside, made inert (csvText); `value`: numbers, times and flags our own SQL printed. */
export type CsvColumnKind = 'text' | 'value';

const NEWLINE = 0x0a;

/**
 * Turns PostgreSQL's COPY text output into CSV rows chunk by chunk, so an export never holds more
 * than one chunk: each chunk is cut after its last newline (never inside a UTF-8 character, and
 * escaped inside fields) and the rest waits for the next one.
 */
export function createCopyTextToCsv(kinds: readonly CsvColumnKind[]) {
  let pending: Buffer | null = null;
  let rows = 0;
  const convert = (text: string): string => {
    let out = '';
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const fields = text.slice(start, end).split('\t');
      if (fields.length !== kinds.length) throw new Error(`a COPY row has ${fields.length} fields, not ${kinds.length}`);
      out += csvRow(fields.map((field, index) => (kinds[index] === 'text' ? csvText(nullableText(field)) : (nullableText(field) ?? ''))));
      rows += 1;
      start = end + 1;
    }
    return out;
  };
  return {
    push(chunk: Buffer): string {
      const buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      const end = buffer.lastIndexOf(NEWLINE);
      if (end === -1) {
        pending = buffer;
        return '';
      }
      pending = end + 1 < buffer.length ? buffer.subarray(end + 1) : null;
      return convert(buffer.toString('utf8', 0, end + 1));
    },
    end(): string {
      const rest = pending ? convert(pending.toString('utf8')) : '';
      pending = null;
      return rest;
    },
    get rows(): number {
      return rows;
    },
  };
}
