import { sql } from 'drizzle-orm';
import type { Database } from '../../lib/db/client';
import { stationStatusMessageSchema, systemMessageSchema } from '../../lib/kafka/messages';
import { topicNames } from '../../lib/kafka/topics';
import { readTopic } from './kafka-topic';
import { expectedChanges, type ExpectedChange } from './recorded-changes';
import type { RecordedSnapshot } from './replay-fixture';

export interface ChangeAudit {
  served: number;
  stored: number;
  lost: ExpectedChange[];
  duplicated: ExpectedChange[];
  /** How station_change, which the change feed reads, differs from the LAG view it must equal. */
  changeTable?: ChangeTableDiff;
}

export interface ChangeTableDiff {
  /** Rows of station_change for the system. */
  rows: number;
  /** View rows that station_change lacks. */
  missing: string[];
  /** station_change rows that the view does not have. */
  extra: string[];
}

const keyOf = (change: ExpectedChange) =>
  `${change.stationId}@${change.reportedAt} ${change.prevBikes}->${change.bikes} ${change.prevDocks}->${change.docks}`;

/** The rows of the LAG view for one system, in the shape expectedChanges() produces. */
export async function storedChanges(db: Database, systemId: string): Promise<ExpectedChange[]> {
  const result = await db.execute<{ station_id: string; at: number; bikes: number; prev_bikes: number; docks: number; prev_docks: number }>(sql`
    SELECT station_id, extract(epoch FROM reported_at)::float8 AS at, bikes, prev_bikes, docks, prev_docks
    FROM station_status_change WHERE system_id = ${systemId}`);
  return result.rows.map((row) => ({
    stationId: row.station_id,
    reportedAt: new Date(row.at * 1000).toISOString(),
    bikes: row.bikes,
    prevBikes: row.prev_bikes,
    docks: row.docks,
    prevDocks: row.prev_docks,
  }));
}

/** Compares every column of station_change with the LAG view for one system, row for row. */
export async function changeTableDiff(db: Database, systemId: string): Promise<ChangeTableDiff> {
  const columns = sql`station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks`;
  const table = sql`SELECT ${columns} FROM station_change WHERE system_id = ${systemId}`;
  const view = sql`SELECT ${columns} FROM station_status_change WHERE system_id = ${systemId}`;
  const [differences, count] = await Promise.all([
    db.execute<{ side: 'missing' | 'extra'; row: string }>(sql`
      SELECT 'missing' AS side, d::text AS row FROM (${view} EXCEPT ALL ${table}) d
      UNION ALL
      SELECT 'extra' AS side, d::text AS row FROM (${table} EXCEPT ALL ${view}) d`),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_change WHERE system_id = ${systemId}`),
  ]);
  const rowsOf = (side: 'missing' | 'extra') => differences.rows.filter((row) => row.side === side).map((row) => row.row);
  return { rows: count.rows[0]?.n ?? 0, missing: rowsOf('missing'), extra: rowsOf('extra') };
}

/**
 * "Lost" is an expected change missing from the view; "duplicated" is a change in the view that
 * the feed never made (the primary key rules out literal duplicates, so a doubled report shows up
 * as a false change instead).
 */
export function compareChanges(expected: ExpectedChange[], stored: ExpectedChange[]): ChangeAudit {
  const storedKeys = new Set(stored.map(keyOf));
  const expectedKeys = new Set(expected.map(keyOf));
  return {
    served: expected.length,
    stored: stored.length,
    lost: expected.filter((change) => !storedKeys.has(keyOf(change))),
    duplicated: stored.filter((change) => !expectedKeys.has(keyOf(change))),
  };
}

export function formatAudit(label: string, audit: ChangeAudit, extra = ''): string {
  return (
    `${label}: served ${audit.served}, stored ${audit.stored}, lost ${audit.lost.length}, duplicated ${audit.duplicated.length}` +
    `${audit.changeTable ? `, ${formatChangeTable(audit.changeTable)}` : ''}${extra ? ` (${extra})` : ''}`
  );
}

export function formatChangeTable({ rows, missing, extra }: ChangeTableDiff): string {
  return missing.length + extra.length === 0
    ? `station_change ${rows} rows, equal to the view`
    : `station_change ${rows} rows, NOT equal to the view: ${missing.length} view rows missing, ${extra.length} extra`;
}

/** Prints the scenario's figures as one line the suite's readers can grep for. */
export function printFigures(line: string): void {
  process.stdout.write(`FIGURES ${line}\n`);
}

/**
 * Which snapshots reached Kafka: those with a status message stamped with their time, or whose
 * last_updated a system message carries (a snapshot in which no station changed sends only that).
 */
export async function publishedSnapshotTimes(brokers: string[], prefix: string): Promise<Set<number>> {
  const topics = topicNames(prefix);
  const times = new Set<number>();
  for (const message of await readTopic(brokers, topics.stationStatus)) {
    const parsed = stationStatusMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
    if (parsed.success) times.add(parsed.data.reportedAt.getTime() / 1000);
  }
  for (const message of await readTopic(brokers, topics.system)) {
    const parsed = systemMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
    if (parsed.success && parsed.data.statusUpdatedAt) times.add(parsed.data.statusUpdatedAt.getTime() / 1000);
  }
  return times;
}

/** Expected changes of a replay when only the snapshots whose last_updated is in `shown` reached the pipeline. */
export function expectedFromShown(snapshots: RecordedSnapshot[], shown: Set<number>): ExpectedChange[] {
  return expectedChanges(snapshots.filter((snapshot) => shown.has(snapshot.lastUpdated)));
}
