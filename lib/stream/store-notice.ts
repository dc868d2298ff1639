import { z } from 'zod';

/** The channel the consumer notifies on, inside the transaction that stored a batch (delivered on commit only). */
export const STORE_CHANNEL = 'bikestream_changes';

/**
 * What one notification says: a system whose status history (`status`, with the batch's reported_at
 * range), feed metadata (`system`) or changes' causes (`causes`) were just committed. Any role that can connect may NOTIFY, so a
 * listener parses this and trusts nothing beyond it: the rows themselves are read from the tables.
 */
export const storeNoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), system: z.string().min(1).max(200), from: z.iso.datetime(), to: z.iso.datetime() }).strict(),
  z.object({ kind: z.literal('system'), system: z.string().min(1).max(200) }).strict(),
  // The classifier decided the causes of changes reported within the range.
  z.object({ kind: z.literal('causes'), system: z.string().min(1).max(200), from: z.iso.datetime(), to: z.iso.datetime() }).strict(),
]);

export type StoreNotice = z.infer<typeof storeNoticeSchema>;

// PostgreSQL refuses payloads of 8000 bytes or more; ours stay far below (ids are capped at 200 characters).
const MAX_PAYLOAD_BYTES = 7_999;

export function parseStoreNotice(payload: string | undefined): StoreNotice | null {
  if (!payload || payload.length > MAX_PAYLOAD_BYTES) return null;
  try {
    const parsed = storeNoticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One status notice per system of a batch, covering its reports' reported_at range. */
export function statusNotices(rows: readonly { systemId: string; reportedAt: Date }[]): StoreNotice[] {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const { systemId, reportedAt } of rows) {
    const time = reportedAt.getTime();
    const range = ranges.get(systemId);
    if (!range) ranges.set(systemId, { from: time, to: time });
    else {
      range.from = Math.min(range.from, time);
      range.to = Math.max(range.to, time);
    }
  }
  return [...ranges].map(([system, { from, to }]) => ({ kind: 'status', system, from: new Date(from).toISOString(), to: new Date(to).toISOString() }));
}
