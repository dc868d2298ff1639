import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export async function checkDatabase(db: Database): Promise<{ ok: boolean; error?: string }> {
  try {
    await db.execute(sql`SELECT 1`);
    return { ok: true };
  } catch (error) {
    // Drizzle wraps the driver's error; the reason (e.g. "database x does not exist") is on cause.
    let reason: unknown = error;
    while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
    return { ok: false, error: reason instanceof Error ? reason.message : String(reason) };
  }
}
