import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { StationInformationMessage, SystemMessage } from '../kafka/messages';
import { byStation, column, iso } from './sql-arrays';

type Executor = Pick<Database, 'execute'>;

export async function upsertStationInformation(db: Executor, rows: StationInformationMessage[]): Promise<void> {
  const latest = new Map<string, StationInformationMessage>();
  for (const row of rows) latest.set(`${row.systemId}\u0000${row.stationId}`, row);
  const sorted = [...latest.values()].sort(byStation);
  if (sorted.length === 0) return;
  await db.execute(sql`
    INSERT INTO stations AS s (system_id, station_id, name, address, lat, lon, capacity, first_seen, last_seen)
    SELECT system_id, station_id, name, address, lat, lon, capacity, seen_at, seen_at
    FROM unnest(
      ${column(sorted, (r) => r.systemId)}::text[], ${column(sorted, (r) => r.stationId)}::text[],
      ${column(sorted, (r) => r.name)}::text[], ${column(sorted, (r) => r.address)}::text[],
      ${column(sorted, (r) => r.lat)}::float8[], ${column(sorted, (r) => r.lon)}::float8[],
      ${column(sorted, (r) => r.capacity)}::int[], ${column(sorted, (r) => iso(r.seenAt))}::timestamptz[])
      AS t(system_id, station_id, name, address, lat, lon, capacity, seen_at)
    ON CONFLICT (system_id, station_id) DO UPDATE SET
      name = excluded.name, address = excluded.address, lat = excluded.lat, lon = excluded.lon, capacity = excluded.capacity,
      first_seen = LEAST(s.first_seen, excluded.first_seen), last_seen = GREATEST(s.last_seen, excluded.last_seen)`);
}

export async function upsertSystems(db: Executor, rows: SystemMessage[]): Promise<void> {
  const latest = new Map<string, SystemMessage>();
  for (const row of rows) {
    const seen = latest.get(row.systemId);
    if (!seen || row.polledAt >= seen.polledAt) latest.set(row.systemId, row);
  }
  for (const system of [...latest.values()].sort((a, b) => a.systemId.localeCompare(b.systemId))) {
    // A message from an older producer says nothing about feed health: what is stored stays.
    const reportsHealth = system.feedProblems !== undefined;
    await db.execute(sql`
      INSERT INTO systems (system_id, name, timezone, language, operator, license_url, feed_url, ttl_seconds, simulated, status_updated_at, polled_at, gbfs_version, feed_problems)
      VALUES (${system.systemId}, ${system.name}, ${system.timezone}, ${system.language}, ${system.operator}, ${system.licenseUrl},
              ${system.feedUrl}, ${system.ttlSeconds}, ${system.simulated}, ${system.statusUpdatedAt ? iso(system.statusUpdatedAt) : null}, ${iso(system.polledAt)},
              ${system.gbfsVersion ?? null}, ${JSON.stringify(system.feedProblems ?? [])}::jsonb)
      ON CONFLICT (system_id) DO UPDATE SET
        name = excluded.name, timezone = excluded.timezone, language = excluded.language, operator = excluded.operator,
        license_url = excluded.license_url, feed_url = excluded.feed_url, ttl_seconds = excluded.ttl_seconds,
        simulated = excluded.simulated, status_updated_at = excluded.status_updated_at, polled_at = excluded.polled_at,
        gbfs_version = CASE WHEN ${reportsHealth} THEN excluded.gbfs_version ELSE systems.gbfs_version END,
        feed_problems = CASE WHEN ${reportsHealth} THEN excluded.feed_problems ELSE systems.feed_problems END
      WHERE excluded.polled_at >= systems.polled_at`);
  }
}
