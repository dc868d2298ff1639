import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { StationRecord, SystemRecord } from './store-records';
import { byStationKey, stationKey } from './status-write-plan';
import { column, iso } from './sql-arrays';

type Executor = Pick<Database, 'execute'>;

/** Station metadata on the stations row, and a station_revision row for every version of it that is new. */
export async function upsertStationInformation(db: Executor, rows: StationRecord[]): Promise<void> {
  const latest = new Map<string, StationRecord>();
  for (const row of rows) latest.set(stationKey(row.systemId, row.stationId), row);
  // The order the status path locks stations rows in, so the two cannot deadlock on them.
  const sorted = [...latest.values()].sort(byStationKey);
  if (sorted.length === 0) return;
  await insertStationRevisions(db, rows);
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
      first_seen = LEAST(s.first_seen, excluded.first_seen), last_seen = GREATEST(s.last_seen, excluded.last_seen)`);
  // The metadata comes from the newest revision, so a late or redelivered message cannot roll the
  // station back (a new row starts with its message's values, then takes the same path).
  await db.execute(sql`
    UPDATE stations s SET name = r.name, address = r.address, lat = r.lat, lon = r.lon, capacity = r.capacity
    FROM unnest(${column(sorted, (r) => r.systemId)}::text[], ${column(sorted, (r) => r.stationId)}::text[]) AS t(system_id, station_id)
    CROSS JOIN LATERAL (
      SELECT name, address, lat, lon, capacity FROM station_revision v
      WHERE v.system_id = t.system_id AND v.station_id = t.station_id ORDER BY v.seen_at DESC LIMIT 1
    ) r
    WHERE s.system_id = t.system_id AND s.station_id = t.station_id
      AND (s.name, s.address, s.lat, s.lon, s.capacity) IS DISTINCT FROM (r.name, r.address, r.lat, r.lon, r.capacity)`);
}

/**
 * Records a revision when a station's name, address, place or capacity differs from what it was at
 * that time: the latest stored revision at or before the message, or an earlier message of the same
 * batch. Redelivered or re-sent (heartbeat) messages match what is stored and add nothing; a late
 * message is compared with its own moment, not with newer history. History is never deleted.
 */
export async function insertStationRevisions(db: Executor, rows: StationRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`
    WITH batch AS (
      SELECT DISTINCT ON (system_id, station_id, seen_at) system_id, station_id, seen_at, name, address, lat, lon, capacity
      FROM unnest(
        ${column(rows, (r) => r.systemId)}::text[], ${column(rows, (r) => r.stationId)}::text[],
        ${column(rows, (r) => r.name)}::text[], ${column(rows, (r) => r.address)}::text[],
        ${column(rows, (r) => r.lat)}::float8[], ${column(rows, (r) => r.lon)}::float8[],
        ${column(rows, (r) => r.capacity)}::int[], ${column(rows, (r) => iso(r.seenAt))}::timestamptz[])
        WITH ORDINALITY AS t(system_id, station_id, name, address, lat, lon, capacity, seen_at, position)
      ORDER BY system_id, station_id, seen_at, position DESC
    ),
    compared AS (
      SELECT b.*, p.seen_at AS prev_seen_at, p.name AS prev_name, p.address AS prev_address, p.lat AS prev_lat, p.lon AS prev_lon, p.capacity AS prev_capacity
      FROM batch b
      LEFT JOIN LATERAL (
        SELECT * FROM (
          (SELECT r.seen_at, r.name, r.address, r.lat, r.lon, r.capacity FROM station_revision r
           WHERE r.system_id = b.system_id AND r.station_id = b.station_id AND r.seen_at <= b.seen_at
           ORDER BY r.seen_at DESC LIMIT 1)
          UNION ALL
          (SELECT e.seen_at, e.name, e.address, e.lat, e.lon, e.capacity FROM batch e
           WHERE e.system_id = b.system_id AND e.station_id = b.station_id AND e.seen_at < b.seen_at
           ORDER BY e.seen_at DESC LIMIT 1)
        ) before ORDER BY seen_at DESC LIMIT 1
      ) p ON true
    )
    INSERT INTO station_revision (system_id, station_id, seen_at, name, address, lat, lon, capacity)
    SELECT system_id, station_id, seen_at, name, address, lat, lon, capacity FROM compared
    WHERE prev_seen_at IS NULL
       OR (name, address, lat, lon, capacity) IS DISTINCT FROM (prev_name, prev_address, prev_lat, prev_lon, prev_capacity)
    ORDER BY system_id, station_id, seen_at
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}

export async function upsertSystems(db: Executor, rows: SystemRecord[]): Promise<void> {
  const latest = new Map<string, SystemRecord>();
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
