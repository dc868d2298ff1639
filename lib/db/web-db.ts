import { env } from '../runtime/env';
import { createDatabase, type Database } from './client';

const globalForDb = globalThis as unknown as { bikestreamDb?: Database };

/**
 * The web app's one pool, kept on globalThis so dev-mode reloads do not leak connections. The App
 * Router imports it through server-db.ts (server-only); the Pages Router API routes import it here,
 * since their server bundle resolves `server-only` to the module that throws. The workers build
 * their own pools with createDatabase.
 */
export function getDb(): Database {
  globalForDb.bikestreamDb ??= createDatabase(env().DATABASE_URL, { applicationName: 'bikestream-web' });
  return globalForDb.bikestreamDb;
}
