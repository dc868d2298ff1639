import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../lib/db/client';

// The test server runs without TLS, so a client that asks for TLS is told so: proof that the
// setting reached node-postgres rather than being overridden by lib/db/client.ts.
const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const NO_TLS = /does not support SSL/;

async function connectOutcome(url: string): Promise<string> {
  const db = createDatabase(url, { max: 1 });
  try {
    await db.$client.query('SELECT 1');
    return 'connected';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await db.$client.end();
  }
}

afterEach(() => {
  delete process.env.PGSSLMODE;
});

describe('PostgreSQL TLS settings', () => {
  it.each(['require', 'verify-full', 'no-verify'])('asks for TLS when DATABASE_URL says ?sslmode=%s', async (mode) => {
    const outcome = await connectOutcome(`${SERVER_URL}/postgres?sslmode=${mode}`);
    console.log(`[postgres-tls] ?sslmode=${mode}: ${outcome}`);
    expect(outcome).toMatch(NO_TLS);
  });

  it('asks for TLS when PGSSLMODE says so and the URL is silent', async () => {
    process.env.PGSSLMODE = 'require';
    const outcome = await connectOutcome(`${SERVER_URL}/postgres`);
    console.log(`[postgres-tls] PGSSLMODE=require: ${outcome}`);
    expect(outcome).toMatch(NO_TLS);
  });

  it('connects in plaintext when neither asks for TLS, or the URL says sslmode=disable', async () => {
    process.env.PGSSLMODE = 'require';
    expect(await connectOutcome(`${SERVER_URL}/postgres?sslmode=disable`)).toBe('connected');
    delete process.env.PGSSLMODE;
    expect(await connectOutcome(`${SERVER_URL}/postgres`)).toBe('connected');
  });
});
