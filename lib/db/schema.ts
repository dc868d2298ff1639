import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const systems = pgTable('systems', {
  systemId: text('system_id').primaryKey(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  language: text('language'),
  operator: text('operator'),
  licenseUrl: text('license_url'),
  feedUrl: text('feed_url').notNull(),
  ttlSeconds: integer('ttl_seconds').notNull(),
  simulated: boolean('simulated').notNull().default(false),
  statusUpdatedAt: timestamptz('status_updated_at'),
  polledAt: timestamptz('polled_at').notNull(),
  /** The GBFS version the feed declares (null for 1.x feeds, which declare none). */
  gbfsVersion: text('gbfs_version'),
  /** What the last poll found wrong with the feed (schema conformance, dropped records). */
  feedProblems: jsonb('feed_problems').notNull().default(sql`'[]'::jsonb`),
});

/** Station metadata from station_information plus the latest status, kept by the consumer. */
export const stations = pgTable(
  'stations',
  {
    systemId: text('system_id').notNull(),
    stationId: text('station_id').notNull(),
    name: text('name'),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    capacity: integer('capacity'),
    firstSeen: timestamptz('first_seen').notNull(),
    lastSeen: timestamptz('last_seen').notNull(),
    reportedAt: timestamptz('reported_at'),
    bikes: integer('bikes'),
    ebikes: integer('ebikes'),
    docks: integer('docks'),
    isInstalled: boolean('is_installed'),
    isRenting: boolean('is_renting'),
    isReturning: boolean('is_returning'),
  },
  // drizzle has no table storage parameters: drizzle/0006 sets fillfactor 50 so the consumer's
  // per-batch update of each row stays on its page (HOT) instead of spreading the table.
  (table) => [primaryKey({ columns: [table.systemId, table.stationId] })],
);

export const stationStatus = pgTable(
  'station_status',
  {
    systemId: text('system_id').notNull(),
    stationId: text('station_id').notNull(),
    reportedAt: timestamptz('reported_at').notNull(),
    bikes: integer('bikes').notNull(),
    ebikes: integer('ebikes'),
    docks: integer('docks'),
    isInstalled: boolean('is_installed').notNull(),
    isRenting: boolean('is_renting').notNull(),
    isReturning: boolean('is_returning').notNull(),
    receivedAt: timestamptz('received_at').notNull().default(sql`now()`),
  },
  // drizzle has no INCLUDE: drizzle/0005 adds the counts to this key so history is read index-only.
  (table) => [primaryKey({ columns: [table.systemId, table.stationId, table.reportedAt] })],
);

/** The columns of a change: a report and the station's report before it. */
const changeColumns = () => ({
  systemId: text('system_id').notNull(),
  stationId: text('station_id').notNull(),
  reportedAt: timestamptz('reported_at').notNull(),
  prevReportedAt: timestamptz('prev_reported_at').notNull(),
  bikes: integer('bikes').notNull(),
  prevBikes: integer('prev_bikes').notNull(),
  ebikes: integer('ebikes'),
  prevEbikes: integer('prev_ebikes'),
  docks: integer('docks'),
  prevDocks: integer('prev_docks'),
});

/**
 * The rows of the station_status_change view, kept by the consumer in the same transaction as the
 * history it is computed from, so the system-wide feed reads changes instead of searching for them.
 * Keyed by system and time for that feed; tests hold it equal to the view.
 */
export const stationChange = pgTable(
  'station_change',
  changeColumns(),
  (table) => [primaryKey({ columns: [table.systemId, table.reportedAt, table.stationId] })],
);

/** Every distinct version of a station's metadata (name, place, capacity): renames and moves are kept. */
export const stationRevisions = pgTable(
  'station_revision',
  {
    systemId: text('system_id').notNull(),
    stationId: text('station_id').notNull(),
    seenAt: timestamptz('seen_at').notNull(),
    name: text('name'),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    capacity: integer('capacity'),
  },
  (table) => [primaryKey({ columns: [table.systemId, table.stationId, table.seenAt] })],
);

/**
 * Why each change happened (lib/stations/insights/causes), written by the classifier worker beside
 * station_change rather than in it, so the consumer's hot table is never rewritten. Keyed like it.
 */
export const changeCauses = pgTable(
  'change_cause',
  {
    systemId: text('system_id').notNull(),
    stationId: text('station_id').notNull(),
    reportedAt: timestamptz('reported_at').notNull(),
    cause: text('cause').notNull(),
    /** False while the station's next report could still change the verdict. */
    settled: boolean('settled').notNull(),
    rule: text('rule').notNull(),
    classifiedAt: timestamptz('classified_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.systemId, table.reportedAt, table.stationId] }),
    check('change_cause_cause', sql`${table.cause} IN ('riders', 'rebalancing', 'glitch')`),
    index('change_cause_by_cause').on(table.systemId, table.cause, table.reportedAt, table.stationId),
  ],
);

/** How far each system's changes have settled causes: every change at or before `through` has one. */
export const causeProgress = pgTable('cause_progress', {
  systemId: text('system_id').primaryKey(),
  through: timestamptz('through').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
  /** The last local day whose report cards are final (station_day_report). */
  reportedThrough: date('reported_through', { mode: 'string' }),
  /** When today's (partial) report cards were last computed. */
  todayReportedAt: timestamptz('today_reported_at'),
});

/** How each station fared on each local day (lib/stations/insights/report-card), kept by the classifier worker; today's row is partial. */
export const stationDayReports = pgTable(
  'station_day_report',
  {
    systemId: text('system_id').notNull(),
    stationId: text('station_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    observedSeconds: integer('observed_seconds').notNull(),
    emptySeconds: integer('empty_seconds').notNull(),
    fullSeconds: integer('full_seconds').notNull(),
    longestEmptySeconds: integer('longest_empty_seconds').notNull(),
    daytimeSeconds: integer('daytime_seconds').notNull(),
    usableDaytimeSeconds: integer('usable_daytime_seconds').notNull(),
    rentals: integer('rentals').notNull(),
    returns: integer('returns').notNull(),
    truckIn: integer('truck_in').notNull(),
    truckOut: integer('truck_out').notNull(),
    glitches: integer('glitches').notNull(),
    silentSeconds: integer('silent_seconds').notNull(),
  },
  (table) => [primaryKey({ columns: [table.systemId, table.day, table.stationId] })],
);

/** Bikes moved per system and quarter hour, by cause: kept by the classifier so activity reads a few hundred rows, not every change. */
export const systemActivity = pgTable(
  'system_activity',
  {
    systemId: text('system_id').notNull(),
    bucketStart: timestamptz('bucket_start').notNull(),
    rentals: integer('rentals').notNull(),
    returns: integer('returns').notNull(),
    rebalancedIn: integer('rebalanced_in').notNull(),
    rebalancedOut: integer('rebalanced_out').notNull(),
    glitches: integer('glitches').notNull(),
  },
  (table) => [primaryKey({ columns: [table.systemId, table.bucketStart] })],
);

/**
 * Every webhook transition the alerts worker decided on (workers/alerts), written before the Kafka
 * offsets that led to it are committed: the key is the Idempotency-Key, so a restart never sends a
 * transition twice, and a pending row is sent again until it is delivered or given up.
 */
export const alertDeliveries = pgTable(
  'alert_delivery',
  {
    alertId: text('alert_id').notNull(),
    systemId: text('system_id').notNull(),
    stationId: text('station_id').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    state: text('state').notNull(),
    eventAt: timestamptz('event_at').notNull(),
    /** The exact JSON sent every attempt, so every retry carries the same bytes and signature. */
    body: text('body').notNull(),
    /** pending, delivered, failed (given up) or stale (older than the worker sends). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
    deliveredAt: timestamptz('delivered_at'),
  },
  (table) => [
    primaryKey({ columns: [table.alertId, table.systemId, table.stationId, table.startedAt, table.state] }),
    check('alert_delivery_state', sql`${table.state} IN ('started', 'ended')`),
    check('alert_delivery_status', sql`${table.status} IN ('pending', 'delivered', 'failed', 'stale')`),
    index('alert_delivery_due').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
  ],
);

/** Defined in drizzle/0001_station_status_change.sql with LAG(...) OVER (PARTITION BY system_id, station_id ...). */
export const stationStatusChange = pgView('station_status_change', changeColumns()).existing();

export type System = typeof systems.$inferSelect;
export type Station = typeof stations.$inferSelect;
export type StationStatusRow = typeof stationStatus.$inferInsert;
