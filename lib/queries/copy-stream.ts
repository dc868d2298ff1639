import type { SQL } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../db/client';
import { copyQueryText } from './copy-rows';

/** What turns COPY text into the bytes sent (lib/export): each chunk as it arrives, then the rest. */
export interface CopyConverter {
  push(chunk: Buffer): string | Uint8Array;
  end(): string | Uint8Array;
}

export interface CopyStreamOptions {
  /** Written before the first row (the export's header). */
  head: string;
  /** Written after the last row, once the COPY has finished whole. */
  tail: () => string;
  convert: CopyConverter;
  /** Called once, whether the stream ended, failed or was cancelled by the reader. */
  onClose: () => void;
}

// The web role's 15 s statement timeout (drizzle/0007) is for the dashboard's reads; an export of
// a year is one long statement whose pace the downloading reader sets.
const EXPORT_STATEMENT_TIMEOUT = '15min';

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Starts `COPY (query) TO STDOUT` on a client of its own (in one read-only transaction, so the rows
 * are one snapshot) and hands the rows on as a byte stream read at the reader's pace: node-postgres
 * pauses the socket while the stream is full, so memory stays flat however many rows there are.
 * A cancelled or failed stream releases its client broken: the pool drops the connection, which
 * ends the COPY on the server too.
 */
export async function streamCopy(db: Database, query: SQL, options: CopyStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const bytes = (part: string | Uint8Array) => (typeof part === 'string' ? encoder.encode(part) : part);
  let client: PoolClient;
  try {
    client = await db.$client.connect();
  } catch (error) {
    options.onClose();
    throw error;
  }
  let chunks: AsyncIterator<unknown>;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
    chunks = client.query(copyTo(`COPY (${copyQueryText(query)}) TO STDOUT`))[Symbol.asyncIterator]();
  } catch (error) {
    client.release(asError(error));
    options.onClose();
    throw error;
  }
  let closed = false;
  const close = (error?: Error) => {
    if (closed) return;
    closed = true;
    client.release(error);
    options.onClose();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (options.head) controller.enqueue(encoder.encode(options.head));
    },
    // A pull must enqueue something or end the stream: the stream calls pull again only after an
    // enqueue or a new read, so a pull that returned empty-handed (a Parquet row group still
    // filling, a row cut between two chunks) would stall the download for good.
    async pull(controller) {
      try {
        for (;;) {
          const next = await chunks.next();
          if (closed) return;
          if (next.done) {
            const rest = bytes(options.convert.end());
            await client.query('COMMIT');
            const tail = encoder.encode(options.tail());
            if (rest.length > 0) controller.enqueue(rest);
            if (tail.length > 0) controller.enqueue(tail);
            close();
            controller.close();
            return;
          }
          const part = bytes(options.convert.push(next.value as Buffer));
          if (part.length > 0) {
            controller.enqueue(part);
            return;
          }
        }
      } catch (error) {
        if (closed) return;
        close(asError(error));
        controller.error(error);
      }
    },
    async cancel() {
      close(new Error('the export was cancelled by its reader'));
      await chunks.return?.();
    },
  });
}
