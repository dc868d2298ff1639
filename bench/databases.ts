import { Client } from 'pg';
import { createDatabase, type Database } from '../lib/db/client';
import { ensureDatabaseExists, migrateDatabase } from '../lib/db/migrate';

export const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export interface BenchDatabase {
  name: string;
  url: string;
  db: Database;
  drop(): Promise<void>;
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A fresh database migrated by the project's own migrations, named bikestream_bench_<run>_<purpose>. */
export async function createBenchDatabase(runId: string, purpose: string): Promise<BenchDatabase> {
  const name = `bikestream_bench_${runId}_${purpose}`;
  const url = `${SERVER_URL}/${name}`;
  await dropDatabase(name);
  await ensureDatabaseExists(url);
  await migrateDatabase(url);
  const db = createDatabase(url, { max: 2, applicationName: 'bikestream-bench' });
  let dropped: Promise<void> | undefined;
  return {
    name,
    url,
    db,
    drop() {
      dropped ??= db.$client.end().then(() => dropDatabase(name));
      return dropped;
    },
  };
}
