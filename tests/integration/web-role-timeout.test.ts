import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;

/** The test server trusts local clients, so the role connects without a password. */
function asWebRole(url: string): Client {
  const target = new URL(url);
  target.username = 'bikestream_web';
  return new Client({ connectionString: target.toString() });
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('the web role', () => {
  it('gives up on a runaway query after its statement_timeout', async () => {
    const client = asWebRole(database.url);
    await client.connect();
    try {
      const shown = (await client.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]?.statement_timeout;
      const idle = (await client.query<{ idle_in_transaction_session_timeout: string }>('SHOW idle_in_transaction_session_timeout')).rows[0]
        ?.idle_in_transaction_session_timeout;
      const started = performance.now();
      const error = await client.query('SELECT pg_sleep(20)').then(
        () => undefined,
        (failure: unknown) => failure as { code?: string },
      );
      const ms = Math.round(performance.now() - started);
      console.log(`[web-role-timeout] bikestream_web: statement_timeout ${shown}, idle_in_transaction_session_timeout ${idle}; pg_sleep(20) ended after ${ms} ms with ${error?.code ?? 'no error'}`);
      expect(shown).toBe('15s');
      expect(idle).toBe('30s');
      expect(error?.code).toBe('57014');
      expect(ms).toBeLessThan(19_000);
    } finally {
      await client.end();
    }
  });

  it('leaves the migrating role without a timeout', async () => {
    const shown = (await database.db.$client.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]?.statement_timeout;
    expect(shown).toBe('0');
  });
});
