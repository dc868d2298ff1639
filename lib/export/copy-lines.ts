const NEWLINE = 0x0a;

/**
 * Cuts PostgreSQL's COPY text output into rows of fields as chunks arrive: each chunk is cut after
 * its last newline (never inside a UTF-8 character, and escaped inside fields) and the rest waits
 * for the next one, so no more than a chunk is ever held.
 */
export function createCopyLines(fieldCount: number, onRow: (fields: string[]) => void) {
  let pending: Buffer | null = null;
  let rows = 0;
  const read = (text: string) => {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const fields = text.slice(start, end).split('\t');
      if (fields.length !== fieldCount) throw new Error(`a COPY row has ${fields.length} fields, not ${fieldCount}`);
      onRow(fields);
      rows += 1;
      start = end + 1;
    }
  };
  return {
    push(chunk: Buffer): void {
      const buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      const end = buffer.lastIndexOf(NEWLINE);
      if (end === -1) {
        pending = buffer;
        return;
      }
      pending = end + 1 < buffer.length ? buffer.subarray(end + 1) : null;
      read(buffer.toString('utf8', 0, end + 1));
    },
    end(): void {
      if (pending) read(pending.toString('utf8'));
      pending = null;
    },
    get rows(): number {
      return rows;
    },
  };
}
