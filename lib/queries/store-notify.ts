import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { STORE_CHANNEL, type StoreNotice } from '../stream/store-notice';

/**
 * Queues the notices in the caller's transaction: PostgreSQL delivers them to listeners (the web's
 * live stream) only when it commits, and drops them if it rolls back, so a listener never reads
 * ahead of what is stored.
 */
export async function notifyStored(db: Pick<Database, 'execute'>, notices: readonly StoreNotice[]): Promise<void> {
  for (const notice of notices) await db.execute(sql`SELECT pg_notify(${STORE_CHANNEL}, ${JSON.stringify(notice)})`);
}
