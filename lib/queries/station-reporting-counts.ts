import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { column, iso } from './sql-arrays';

export interface ReportingCounts {
  reporting: number;
  notReporting: number;
}

/** Per system, how many stations reported at or after `cutoff` (see lib/stations/station-reporting.ts) and how many did not. */
export async function countStationsReporting(db: Database, cutoffs: { systemId: string; cutoff: Date }[]): Promise<Map<string, ReportingCounts>> {
  const counts = new Map<string, ReportingCounts>();
  if (cutoffs.length === 0) return counts;
  const result = await db.execute<{ system_id: string; reporting: number; not_reporting: number }>(sql`
    SELECT c.system_id,
           count(*) FILTER (WHERE s.reported_at >= c.cutoff)::int AS reporting,
           count(*) FILTER (WHERE s.reported_at < c.cutoff)::int AS not_reporting
    FROM unnest(${column(cutoffs, (c) => c.systemId)}::text[], ${column(cutoffs, (c) => iso(c.cutoff))}::timestamptz[]) AS c(system_id, cutoff)
    JOIN stations s ON s.system_id = c.system_id AND s.reported_at IS NOT NULL
    GROUP BY c.system_id`);
  for (const row of result.rows) counts.set(row.system_id, { reporting: Number(row.reporting), notReporting: Number(row.not_reporting) });
  return counts;
}
