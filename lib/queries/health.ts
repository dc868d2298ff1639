import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export async function checkDatabase(db: Database): Promise<{ ok: boolean; error?: string }> {
  try {
    await db.execute(sql`SELECT 1`);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
