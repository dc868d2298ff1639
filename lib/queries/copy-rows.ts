import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../db/client';
import { createCopyTextReader } from './copy-text';

/** Parameters written into the text as literals (COPY takes none), quoted the way pg quotes them. */
class InliningDialect extends PgDialect {
  override escapeString(text: string): string {
    return escapeLiteral(text);
  }
}

const dialect = new InliningDialect();

/** `query` as one text with its parameters inlined as literals, ready to go inside `COPY (…) TO STDOUT`. */
export function copyQueryText(query: SQL): string {
  return dialect.sqlToQuery(sql`${query}`.inlineParams()).sql;
}

/**
 * The rows of `query`, read with `COPY (query) TO STDOUT` and cut into fields by `toRow`. For the
 * largest reads (the 2,000-station list, a station's day of history): node-postgres turns every
 * field of a result into its own string, which took most of those reads' CPU; COPY's rows arrive
 * as text, split in a few native calls, chunk by chunk as they arrive. Parameters must be strings
 * or numbers (they are inlined; see InliningDialect).
 */
export async function copyRows<Row>(db: Database, query: SQL, toRow: (fields: string[]) => Row): Promise<Row[]> {
  const text = copyQueryText(query);
  const client = await db.$client.connect();
  const reader = createCopyTextReader(toRow);
  try {
    for await (const chunk of client.query(copyTo(`COPY (${text}) TO STDOUT`))) reader.push(chunk as Buffer);
  } catch (error) {
    // A COPY cut off midway (by the server, or by a row `toRow` refused) leaves the connection in
    // an unknown state: the pool drops it.
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  client.release();
  return reader.end();
}
