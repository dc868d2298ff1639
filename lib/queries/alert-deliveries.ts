import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { column, unnested, unnestedTimes } from './sql-arrays';
import { toDate, toDateOrNull } from './sql-values';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'stale';

export interface DeliveryKey {
  alertId: string;
  systemId: string;
  stationId: string;
  startedAt: Date;
  state: 'started' | 'ended';
}

export interface NewDelivery extends DeliveryKey {
  eventAt: Date;
  body: string;
  status: 'pending' | 'stale';
}

export interface DueDelivery extends DeliveryKey {
  body: string;
  attempts: number;
}

/** Stores transitions; one already stored (a batch read again after a restart) is left as it was. */
export async function insertDeliveries(db: Database, rows: readonly NewDelivery[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`
    INSERT INTO alert_delivery (alert_id, system_id, station_id, started_at, state, event_at, body, status, next_attempt_at)
    SELECT ${unnested(rows, (row) => row.alertId, 'text')}, ${unnested(rows, (row) => row.systemId, 'text')}, ${unnested(rows, (row) => row.stationId, 'text')},
      ${unnestedTimes(rows, (row) => row.startedAt)}, ${unnested(rows, (row) => row.state, 'text')}, ${unnestedTimes(rows, (row) => row.eventAt)},
      ${unnested(rows, (row) => row.body, 'text')}, ${unnested(rows, (row) => row.status, 'text')}, now()
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}

/** Conditions whose latest stored transition is a start: still holding when the worker stopped. */
export async function listActiveConditions(db: Database): Promise<{ alertId: string; systemId: string; stationId: string; startedAt: Date }[]> {
  const result = await db.execute<{ alert_id: string; system_id: string; station_id: string; started_at: string | Date; state: string }>(sql`
    SELECT DISTINCT ON (alert_id, system_id, station_id) alert_id, system_id, station_id, started_at, state
    FROM alert_delivery ORDER BY alert_id, system_id, station_id, started_at DESC, state ASC`);
  return result.rows
    .filter((row) => row.state === 'started')
    .map((row) => ({ alertId: row.alert_id, systemId: row.system_id, stationId: row.station_id, startedAt: toDate(row.started_at) }));
}

/** The oldest due pending deliveries, leaving out those already being sent (by deliveryKey). */
export async function listDueDeliveries(db: Database, limit: number, sending: ReadonlySet<string>): Promise<DueDelivery[]> {
  const result = await db.execute<{ alert_id: string; system_id: string; station_id: string; started_at: string | Date; state: 'started' | 'ended'; body: string; attempts: number }>(sql`
    SELECT alert_id, system_id, station_id, started_at, state, body, attempts FROM alert_delivery
    WHERE status = 'pending' AND next_attempt_at <= now()
    ORDER BY next_attempt_at LIMIT ${limit + sending.size}`);
  const due = result.rows.map((row): DueDelivery => ({
    alertId: row.alert_id,
    systemId: row.system_id,
    stationId: row.station_id,
    startedAt: toDate(row.started_at),
    state: row.state,
    body: row.body,
    attempts: row.attempts,
  }));
  return due.filter((row) => !sending.has(deliveryKey(row))).slice(0, limit);
}

/** The transition's key as the receiver sees it in Idempotency-Key: the same for every attempt, across restarts. */
export const deliveryKey = (key: DeliveryKey) =>
  [key.alertId, key.systemId, key.stationId, key.startedAt.toISOString(), key.state].map(encodeURIComponent).join('/');

const keyMatches = (key: DeliveryKey) =>
  sql`alert_id = ${key.alertId} AND system_id = ${key.systemId} AND station_id = ${key.stationId} AND started_at = ${key.startedAt.toISOString()}::timestamptz AND state = ${key.state}`;

export async function markDelivered(db: Database, key: DeliveryKey): Promise<void> {
  await db.execute(sql`UPDATE alert_delivery SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = NULL WHERE ${keyMatches(key)}`);
}

/** A failed attempt: tried again after `retryInMs`, or given up (failed) when that is null. */
export async function markAttemptFailed(db: Database, key: DeliveryKey, error: string, retryInMs: number | null): Promise<void> {
  await db.execute(sql`
    UPDATE alert_delivery SET attempts = attempts + 1, last_error = ${error.slice(0, 500)},
      status = ${retryInMs === null ? 'failed' : 'pending'},
      next_attempt_at = now() + ${retryInMs ?? 0} * interval '1 millisecond'
    WHERE ${keyMatches(key)}`);
}

/** Each watched station's latest stored report, so a silence that began before a restart is still seen. */
export async function listLatestReports(db: Database, systemIds: readonly string[]): Promise<{ systemId: string; stationId: string; reportedAt: Date; bikes: number; docks: number | null }[]> {
  if (systemIds.length === 0) return [];
  const result = await db.execute<{ system_id: string; station_id: string; reported_at: string | Date | null; bikes: number | null; docks: number | null }>(sql`
    SELECT system_id, station_id, reported_at, bikes, docks FROM stations WHERE system_id = ANY(${column(systemIds, (id) => id)}::text[]) AND reported_at IS NOT NULL`);
  return result.rows.flatMap((row) => {
    const reportedAt = toDateOrNull(row.reported_at);
    return reportedAt && row.bikes !== null ? [{ systemId: row.system_id, stationId: row.station_id, reportedAt, bikes: row.bikes, docks: row.docks }] : [];
  });
}
