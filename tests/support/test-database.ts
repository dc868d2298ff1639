import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabase, type Database } from '../../lib/db/client';
import { ensureDatabaseExists, migrateDatabase } from '../../lib/db/migrate';

const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database per test file, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `bikestream_test_${randomBytes(4).toString('hex')}`;
  const url = `${SERVER_URL}/${name}`;
  await ensureDatabaseExists(url);
  await migrateDatabase(url);
  const db = createDatabase(url, { max: 3, applicationName: 'bikestream-test' });
  return {
    url,
    db,
    async drop() {
      await db.$client.end();
      const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
