import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { StatusReport } from './store-records';
import { byStationKey, stationKey, type StationGroups, type StoredLatest } from './status-write-plan';
import { column, unnested, unnestedTimes } from './sql-arrays';
import { toDate } from './sql-values';

type Executor = Pick<Database, 'execute'>;

interface StationSpan {
  systemId: string;
  stationId: string;
  first: Date;
  last: Date;
}

function spans(groups: StationGroups): StationSpan[] {
  const result: StationSpan[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const last = group.at(-1);
    if (first && last) result.push({ systemId: first.systemId, stationId: first.stationId, first: first.reportedAt, last: last.reportedAt });
  }
  return result.sort(byStationKey);
}

/**
 * Locks the batch's stations rows (creating those not seen yet) and returns each one's latest stored
 * report. A second transaction writing the same stations waits here until the first commits, and
 * then reads what the first stored: every batch compares its reports with the true latest one.
 */
export async function lockLatestStatuses(db: Executor, groups: StationGroups): Promise<Map<string, StoredLatest>> {
  const stations = spans(groups);
  const keys = sql`unnest(${column(stations, (s) => s.systemId)}::text[], ${column(stations, (s) => s.stationId)}::text[])`;
  // One pass in byStationKey order, new and existing rows alike, as the station_information upsert
  // takes them: locking the new ones first and the existing ones after could deadlock with it. DO
  // UPDATE … WHERE false locks an existing row without writing a new version of it.
  await db.execute(sql`
    INSERT INTO stations AS s (system_id, station_id, first_seen, last_seen)
    SELECT ${unnested(stations, (s) => s.systemId, 'text')}, ${unnested(stations, (s) => s.stationId, 'text')},
      ${unnestedTimes(stations, (s) => s.first)}, ${unnestedTimes(stations, (s) => s.last)}
    ON CONFLICT (system_id, station_id) DO UPDATE SET first_seen = s.first_seen WHERE false`);
  // A new statement, so it sees what a transaction that held a row before this one committed.
  const locked = await db.execute<{ system_id: string; station_id: string; reported_at: string | null; bikes: number | null; ebikes: number | null; docks: number | null }>(sql`
    SELECT s.system_id, s.station_id, s.reported_at, s.bikes, s.ebikes, s.docks
    FROM stations s JOIN ${keys} AS k(system_id, station_id) ON s.system_id = k.system_id AND s.station_id = k.station_id`);
  const latest = new Map<string, StoredLatest>();
  for (const row of locked.rows) {
    if (row.reported_at === null || row.bikes === null) continue;
    latest.set(stationKey(row.system_id, row.station_id), { reportedAt: toDate(row.reported_at), bikes: row.bikes, ebikes: row.ebikes, docks: row.docks });
  }
  return latest;
}

/** Moves each station's latest status forward to its newest new report. */
export async function updateLatestStatuses(db: Executor, newest: readonly StatusReport[]): Promise<void> {
  if (newest.length === 0) return;
  await db.execute(sql`
    UPDATE stations s SET
      reported_at = t.reported_at, bikes = t.bikes, ebikes = t.ebikes, docks = t.docks,
      is_installed = t.is_installed, is_renting = t.is_renting, is_returning = t.is_returning,
      first_seen = LEAST(s.first_seen, t.reported_at), last_seen = GREATEST(s.last_seen, t.reported_at)
    FROM (
      SELECT ${unnested(newest, (r) => r.systemId, 'text')} AS system_id, ${unnested(newest, (r) => r.stationId, 'text')} AS station_id,
        ${unnestedTimes(newest, (r) => r.reportedAt)} AS reported_at, ${unnested(newest, (r) => r.bikes, 'int')} AS bikes,
        ${unnested(newest, (r) => r.ebikes, 'int')} AS ebikes, ${unnested(newest, (r) => r.docks, 'int')} AS docks,
        ${unnested(newest, (r) => r.isInstalled, 'bool')} AS is_installed, ${unnested(newest, (r) => r.isRenting, 'bool')} AS is_renting,
        ${unnested(newest, (r) => r.isReturning, 'bool')} AS is_returning
    ) t
    WHERE s.system_id = t.system_id AND s.station_id = t.station_id AND (s.reported_at IS NULL OR t.reported_at > s.reported_at)`);
}
