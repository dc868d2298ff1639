import { nullableText } from '../queries/copy-text';
import { createCopyLines } from './copy-lines';
import { csvRow, csvText } from './csv';
import type { ExportColumn } from './export-columns';

/**
 * Turns PostgreSQL's COPY text output into CSV rows chunk by chunk. Text from the feed is made
 * inert (csvText); numbers, times and flags that our own SQL printed go out as they are.
 */
export function createCopyTextToCsv(columns: readonly ExportColumn[]) {
  const isText = columns.map((column) => column.type === 'text');
  let out = '';
  const lines = createCopyLines(columns.length, (fields) => {
    out += csvRow(fields.map((field, index) => (isText[index] ? csvText(nullableText(field)) : (nullableText(field) ?? ''))));
  });
  const take = () => {
    const text = out;
    out = '';
    return text;
  };
  return {
    push(chunk: Buffer): string {
      lines.push(chunk);
      return take();
    },
    end(): string {
      lines.end();
      return take();
    },
    get rows(): number {
      return lines.rows;
    },
  };
}
