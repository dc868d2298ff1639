import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWebDatabase, type WebDatabase } from '../../scripts/start/web-database';
import { waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { freePort, spawnWeb } from '../support/web';

let database: TestDatabase;
let web: WebDatabase;
let server: RunningProcess | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'bikestream-web-role-'));

/** True when `password` is the one PostgreSQL stored for the role (SCRAM-SHA-256, RFC 5802). */
function scramMatches(stored: string, password: string): boolean {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):/.exec(stored);
  if (!match) return false;
  const salted = pbkdf2Sync(password, Buffer.from(match[2] ?? '', 'base64'), Number(match[1]), 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest('base64');
  return storedKey === match[3];
}

async function withClient<T>(url: string, query: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

const errorCode = (promise: Promise<unknown>) => promise.then(() => 'none', (error: unknown) => String((error as { code?: unknown }).code));

beforeAll(async () => {
  database = await createTestDatabase();
  web = await prepareWebDatabase(database.url, { embedded: false, configured: undefined, passwordFile: path.join(dir, 'web-db-password') });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web database `npm start` prepares', () => {
  it('is the read-only role, with the generated password set on it', async () => {
    const url = web.env.DATABASE_URL ?? '';
    const { password, username } = new URL(url);
    const stored = (await database.db.$client.query<{ rolpassword: string | null }>("SELECT rolpassword FROM pg_authid WHERE rolname = 'bikestream_web'")).rows[0]?.rolpassword;

    const seen = await withClient(url, async (client) => {
      const who = (await client.query<{ user: string; rolsuper: boolean }>('SELECT current_user AS user, rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0];
      const reads = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM systems')).rows[0]?.n;
      const insert = await errorCode(client.query("INSERT INTO systems (system_id, name, timezone, feed_url, ttl_seconds, polled_at) VALUES ('x', 'x', 'UTC', 'http://x', 1, now())"));
      const drop = await errorCode(client.query('DROP TABLE station_status'));
      const file = await errorCode(client.query("SELECT pg_read_file('PG_VERSION')"));
      return { who, reads, insert, drop, file };
    });
    console.log(
      `[web-role-start] web DATABASE_URL user ${username}, password ${decodeURIComponent(password).length} chars (matches the role's SCRAM secret: ${scramMatches(stored ?? '', decodeURIComponent(password))}); ` +
        `current_user ${seen.who?.user}, superuser ${seen.who?.rolsuper}; SELECT ok (${seen.reads} rows); INSERT ${seen.insert}, DROP TABLE ${seen.drop}, pg_read_file ${seen.file}`,
    );
    expect(username).toBe('bikestream_web');
    expect(scramMatches(stored ?? '', decodeURIComponent(password))).toBe(true);
    expect(seen.who).toEqual({ user: 'bikestream_web', rolsuper: false });
    expect(seen.reads).toBe(0);
    expect([seen.insert, seen.drop, seen.file]).toEqual(['42501', '42501', '42501']);
  });

  it('keeps the password across starts', async () => {
    const again = await prepareWebDatabase(database.url, { embedded: false, configured: undefined, passwordFile: path.join(dir, 'web-db-password') });
    expect(again.env.DATABASE_URL).toBe(web.env.DATABASE_URL);
  });

  it('is what the web server connects with', async () => {
    const port = await freePort();
    server = spawnWeb({ DATABASE_URL: web.env.DATABASE_URL ?? '', KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0' }, port);
    await waitFor('the web app to answer /api/systems', async () => (await fetch(`http://127.0.0.1:${port}/api/systems`).catch(() => null))?.status === 200, 60_000);
    const sessions = (
      await database.db.$client.query<{ usename: string; application_name: string }>(
        "SELECT usename, application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'bikestream-web%'",
      )
    ).rows;
    console.log(`[web-role-start] web server sessions: ${sessions.map((session) => `${session.application_name} as ${session.usename}`).join(', ')}`);
    expect(sessions.length).toBeGreaterThan(0);
    expect(new Set(sessions.map((session) => session.usename))).toEqual(new Set(['bikestream_web']));
  });
});
