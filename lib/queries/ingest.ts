import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { StationInformationMessage, StationStatusMessage, SystemMessage } from '../kafka/messages';

type Executor = Pick<Database, 'execute'>;

const column = <T, V>(rows: T[], pick: (row: T) => V) => sql.param(rows.map(pick));
const iso = (date: Date) => date.toISOString();
const byStation = (a: { systemId: string; stationId: string }, b: { systemId: string; stationId: string }) =>
  a.systemId.localeCompare(b.systemId) || a.stationId.localeCompare(b.stationId);

/**
 * Appends status reports to the history in one statement, whatever the batch size (arrays, not one
 * bind parameter per value). Replays and redeliveries are no-ops thanks to the primary key.
 */
export async function insertStationStatuses(db: Executor, rows: StationStatusMessage[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`
    INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    SELECT * FROM unnest(
      ${column(rows, (r) => r.systemId)}::text[], ${column(rows, (r) => r.stationId)}::text[],
      ${column(rows, (r) => iso(r.reportedAt))}::timestamptz[], ${column(rows, (r) => r.bikes)}::int[],
      ${column(rows, (r) => r.ebikes)}::int[], ${column(rows, (r) => r.docks)}::int[],
      ${column(rows, (r) => r.isInstalled)}::bool[], ${column(rows, (r) => r.isRenting)}::bool[],
      ${column(rows, (r) => r.isReturning)}::bool[])
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}

/** Keeps each station's latest status on its stations row, only ever moving forward in time. */
export async function updateLatestStatuses(db: Executor, rows: StationStatusMessage[]): Promise<void> {
  const latest = new Map<string, StationStatusMessage>();
  for (const row of rows) {
    const key = `${row.systemId}\u0000${row.stationId}`;
    const seen = latest.get(key);
    if (!seen || row.reportedAt > seen.reportedAt) latest.set(key, row);
  }
  const sorted = [...latest.values()].sort(byStation);
  if (sorted.length === 0) return;
  await db.execute(sql`
    INSERT INTO stations AS s (system_id, station_id, first_seen, last_seen, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    SELECT system_id, station_id, reported_at, reported_at, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning
    FROM unnest(
      ${column(sorted, (r) => r.systemId)}::text[], ${column(sorted, (r) => r.stationId)}::text[],
      ${column(sorted, (r) => iso(r.reportedAt))}::timestamptz[], ${column(sorted, (r) => r.bikes)}::int[],
      ${column(sorted, (r) => r.ebikes)}::int[], ${column(sorted, (r) => r.docks)}::int[],
      ${column(sorted, (r) => r.isInstalled)}::bool[], ${column(sorted, (r) => r.isRenting)}::bool[],
      ${column(sorted, (r) => r.isReturning)}::bool[])
      AS t(system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    ON CONFLICT (system_id, station_id) DO UPDATE SET
      reported_at = excluded.reported_at, bikes = excluded.bikes, ebikes = excluded.ebikes, docks = excluded.docks,
      is_installed = excluded.is_installed, is_renting = excluded.is_renting, is_returning = excluded.is_returning,
      first_seen = LEAST(s.first_seen, excluded.first_seen), last_seen = GREATEST(s.last_seen, excluded.last_seen)
    WHERE s.reported_at IS NULL OR excluded.reported_at > s.reported_at`);
}

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
    await db.execute(sql`
      INSERT INTO systems (system_id, name, timezone, language, operator, license_url, feed_url, ttl_seconds, simulated, status_updated_at, polled_at)
      VALUES (${system.systemId}, ${system.name}, ${system.timezone}, ${system.language}, ${system.operator}, ${system.licenseUrl},
              ${system.feedUrl}, ${system.ttlSeconds}, ${system.simulated}, ${system.statusUpdatedAt ? iso(system.statusUpdatedAt) : null}, ${iso(system.polledAt)})
      ON CONFLICT (system_id) DO UPDATE SET
        name = excluded.name, timezone = excluded.timezone, language = excluded.language, operator = excluded.operator,
        license_url = excluded.license_url, feed_url = excluded.feed_url, ttl_seconds = excluded.ttl_seconds,
        simulated = excluded.simulated, status_updated_at = excluded.status_updated_at, polled_at = excluded.polled_at
      WHERE excluded.polled_at >= systems.polled_at`);
  }
}
