import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDatabaseExists, migrateDatabase } from '../../lib/db/migrate';
import { ROOT } from '../support/processes';

const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const MIGRATORS = 4;
const journal = JSON.parse(readFileSync(path.join(ROOT, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
const created: string[] = [];

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** drizzle wraps the server's error in a "Failed query: <the whole migration>" one. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

afterAll(async () => {
  for (const name of created) await query(`${SERVER_URL}/postgres`, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe('migrations started at the same moment', () => {
  it('all succeed and apply each migration once', async () => {
    const name = `bikestream_test_${randomBytes(4).toString('hex')}`;
    created.push(name);
    const url = `${SERVER_URL}/${name}`;
    await ensureDatabaseExists(url);

    const started = performance.now();
    const results = await Promise.allSettled(Array.from({ length: MIGRATORS }, () => migrateDatabase(url)));
    const ms = Math.round(performance.now() - started);

    const failures = results.flatMap((result) => (result.status === 'rejected' ? [reasonOf(result.reason)] : []));
    const applied = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    const tables = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    console.log(
      `[migration-lock] ${MIGRATORS} migrators at once: ${MIGRATORS - failures.length} succeeded, ${failures.length} failed` +
        `${failures.length ? ` (${[...new Set(failures)].join('; ')})` : ''}; ${applied[0]?.n} of ${journal.entries.length} migrations recorded, ${tables[0]?.n} tables, ${ms} ms`,
    );
    expect(failures).toEqual([]);
    expect(applied[0]?.n).toBe(journal.entries.length);
  });
});
