import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { ActivityBucket } from '../stations/activity-buckets';
import { toDate, toDateOrNull } from './sql-values';

export interface StoredActivity {
  buckets: ActivityBucket[];
  /** Every change up to here has a settled cause; later counts may still move. */
  classifiedThrough: Date | null;
}

/** A system's activity from its quarter-hour rollup (system_activity), summed into buckets of `bucketSeconds`. */
export async function getActivity(db: Pick<Database, 'execute'>, systemId: string, from: Date, to: Date, bucketSeconds: number): Promise<StoredActivity> {
  const result = await db.execute<{ start: string; rentals: number; returns: number; rebalanced_in: number; rebalanced_out: number; glitches: number }>(sql`
    SELECT to_timestamp(floor(extract(epoch FROM bucket_start) / ${bucketSeconds}) * ${bucketSeconds}) AS start,
      sum(rentals)::int AS rentals, sum(returns)::int AS returns, sum(rebalanced_in)::int AS rebalanced_in,
      sum(rebalanced_out)::int AS rebalanced_out, sum(glitches)::int AS glitches
    FROM system_activity
    WHERE system_id = ${systemId}
      AND bucket_start >= to_timestamp(floor(extract(epoch FROM ${from.toISOString()}::timestamptz) / ${bucketSeconds}) * ${bucketSeconds})
      AND bucket_start < ${to.toISOString()}::timestamptz
    GROUP BY 1 ORDER BY 1`);
  const progress = await db.execute<{ through: string | null }>(sql`SELECT through FROM cause_progress WHERE system_id = ${systemId}`);
  return {
    buckets: result.rows.map((row) => ({
      start: toDate(row.start),
      rentals: row.rentals,
      returns: row.returns,
      rebalancedIn: row.rebalanced_in,
      rebalancedOut: row.rebalanced_out,
      glitches: row.glitches,
    })),
    classifiedThrough: toDateOrNull(progress.rows[0]?.through ?? null),
  };
}
