import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client } from 'pg';
import { createDatabase } from './client';

const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'drizzle');

/** Creates the database named in the URL when it is missing; returns true when it did. */
export async function ensureDatabaseExists(connectionString: string): Promise<boolean> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (error) {
    // Two processes may race to create it; losing that race is fine.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await admin.end();
  }
}

/** Any constant will do, as long as every migrator of this database uses the same one. */
export const MIGRATION_LOCK_KEY = 2_019_191_919;

/**
 * Applies the pending migrations. Two migrators (a start and a deploy, two test workers) would both
 * see the same migrations pending and the second would fail half-way, so each holds a session-level
 * advisory lock, on a connection of its own, for the whole run: the second waits, then finds nothing to do.
 */
export async function migrateDatabase(connectionString: string): Promise<void> {
  const lock = new Client({ connectionString, connectionTimeoutMillis: 5_000, application_name: 'bikestream-migrate-lock' });
  lock.on('error', () => undefined);
  await lock.connect();
  const db = createDatabase(connectionString, { max: 1, applicationName: 'bikestream-migrate' });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(db, { migrationsFolder });
  } finally {
    await db.$client.end();
    // Ending the session releases the lock, also when the migration failed.
    await lock.end();
  }
}
