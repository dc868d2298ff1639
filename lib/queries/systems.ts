import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { feedProblemSchema, type FeedProblem } from '../feed-health/problem-schema';
import { schemaVersionFor } from '../feed-health/schema-version';
import { TIME_ZONE_POINTER, timeZoneProblem } from '../feed-health/time-zone-problem';
import { timeZoneOrUtc } from '../time/time-zone';
import { toDate, toDateOrNull } from './sql-values';

export interface SystemSummary {
  systemId: string;
  name: string;
  timezone: string;
  operator: string | null;
  licenseUrl: string | null;
  ttlSeconds: number;
  simulated: boolean;
  statusUpdatedAt: Date | null;
  polledAt: Date;
  stationCount: number;
  gbfsVersion: string | null;
  feedProblems: FeedProblem[];
}

interface SystemRow extends Record<string, unknown> {
  system_id: string;
  name: string;
  timezone: string;
  operator: string | null;
  license_url: string | null;
  ttl_seconds: number;
  simulated: boolean;
  status_updated_at: string | Date | null;
  polled_at: string | Date;
  station_count: number;
  gbfs_version: string | null;
  feed_problems: unknown;
}

/** The column is jsonb written by the consumer; anything in it that is not a known problem is left out. */
function toFeedProblems(value: unknown): FeedProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = feedProblemSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A zone stored before the producer checked it would fail every page that formats a time: UTC, and a problem saying so. */
function withTimeZoneProblem(row: SystemRow, problems: FeedProblem[]): FeedProblem[] {
  const problem = timeZoneProblem(row.timezone, schemaVersionFor(row.gbfs_version).version);
  if (!problem || problems.some((known) => known.kind === 'schema' && known.pointer === TIME_ZONE_POINTER)) return problems;
  return [problem, ...problems];
}

const toSystem = (row: SystemRow): SystemSummary => ({
  systemId: row.system_id,
  name: row.name,
  timezone: timeZoneOrUtc(row.timezone),
  operator: row.operator,
  licenseUrl: row.license_url,
  ttlSeconds: row.ttl_seconds,
  simulated: row.simulated,
  statusUpdatedAt: toDateOrNull(row.status_updated_at),
  polledAt: toDate(row.polled_at),
  stationCount: Number(row.station_count),
  gbfsVersion: row.gbfs_version,
  feedProblems: withTimeZoneProblem(row, toFeedProblems(row.feed_problems)),
});

const selectSystems = sql`
  SELECT y.system_id, y.name, y.timezone, y.operator, y.license_url, y.ttl_seconds, y.simulated,
         y.status_updated_at, y.polled_at, y.gbfs_version, y.feed_problems,
         (SELECT count(*) FROM stations s WHERE s.system_id = y.system_id AND s.reported_at IS NOT NULL)::int AS station_count
  FROM systems y`;

export async function listSystems(db: Database): Promise<SystemSummary[]> {
  const result = await db.execute<SystemRow>(sql`${selectSystems} ORDER BY y.name`);
  return result.rows.map(toSystem);
}

export async function getSystem(db: Database, systemId: string): Promise<SystemSummary | null> {
  const result = await db.execute<SystemRow>(sql`${selectSystems} WHERE y.system_id = ${systemId}`);
  const row = result.rows[0];
  return row ? toSystem(row) : null;
}

export type SystemLookup = { kind: 'found'; system: SystemSummary } | { kind: 'unknown' } | { kind: 'ambiguous'; systemIds: string[] };

/** The `system` parameter may be left out while only one system is known. */
export async function resolveSystem(db: Database, systemId: string | undefined): Promise<SystemLookup> {
  if (systemId !== undefined) {
    const system = await getSystem(db, systemId);
    return system ? { kind: 'found', system } : { kind: 'unknown' };
  }
  const systems = await listSystems(db);
  if (systems.length === 1 && systems[0]) return { kind: 'found', system: systems[0] };
  return systems.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous', systemIds: systems.map((s) => s.systemId) };
}
