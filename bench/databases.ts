import { Client } from 'pg';
import { createDatabase, type Database } from '../lib/db/client';
import { ensureDatabaseExists, migrateDatabase } from '../lib/db/migrate';
import { sleep } from '../lib/runtime/sleep';

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

function benchDatabase(name: string): BenchDatabase {
  const url = `${SERVER_URL}/${name}`;
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

/** A fresh database migrated by the project's own migrations, named bikestream_bench_<run>_<purpose>. */
export async function createBenchDatabase(runId: string, purpose: string): Promise<BenchDatabase> {
  const name = `bikestream_bench_${runId}_${purpose}`;
  const url = `${SERVER_URL}/${name}`;
  await dropDatabase(name);
  await ensureDatabaseExists(url);
  await migrateDatabase(url);
  return benchDatabase(name);
}

/**
 * A file copy of `source` as it is now (CREATE DATABASE … TEMPLATE), named `<source>_<suffix>`.
 * The template must have no sessions: its pool's idle connections are ended by the server and the
 * pool, which drops clients that fail while idle, opens new ones on its next query.
 */
export async function copyBenchDatabase(source: BenchDatabase, suffix: string): Promise<BenchDatabase> {
  const name = `${source.name}_${suffix}`;
  await dropDatabase(name);
  const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [source.name]);
    for (let waited = 0; source.db.$client.totalCount > 0; waited += 50) {
      if (waited > 10_000) throw new Error(`the pool of ${source.name} still holds ${source.db.$client.totalCount} connections`);
      await sleep(50);
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source.name}" STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  return benchDatabase(name);
}
