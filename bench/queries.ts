import { sql } from 'drizzle-orm';
import type { Database } from '../lib/db/client';
import { listChanges } from '../lib/queries/changes';
import { decodeCursor, type ChangeCursor } from '../lib/queries/cursor';
import { getStationHistory } from '../lib/queries/history';
import { listStationStatus } from '../lib/queries/stations';
import type { CitySpec } from './scales';
import { timeInterleaved, timeRuns, type Summary } from './stats';
import { createRandom, syntheticStationId, utcOffsetHours } from './synthetic';

const PAGE = 100;
const DAY_MS = 24 * 3600 * 1000;

export interface ChangeQueryFigures {
  changesLatest: Summary;
  changesNextPage: Summary;
  /** The page before 04:00 local time: the quietest hours, where a page needs the most reports. */
  changesNightPage: Summary | null;
  /** A page from the middle of the whole history: paging far back must cost what the first page does. */
  changesOldPage: Summary;
  history24h: Summary;
}

/** The last 04:00 local time at or before `end`. */
export function lastNightAt(spec: CitySpec, end: Date): Date {
  const offset = utcOffsetHours(spec.timezone, end);
  const localMs = end.getTime() + offset * 3_600_000;
  const sinceFour = (((localMs - 4 * 3_600_000) % DAY_MS) + DAY_MS) % DAY_MS;
  return new Date(end.getTime() - sinceFour);
}

async function nextCursor(db: Database, systemId: string): Promise<ChangeCursor> {
  const first = await listChanges(db, { systemId, limit: PAGE });
  const cursor = first.next ? decodeCursor(first.next) : null;
  if (!cursor) throw new Error(`${systemId} has fewer than ${PAGE + 1} changes: no next page to measure`);
  return cursor;
}

/** The queries behind the change feed and the station page, through lib/queries as the pages call them. */
export async function measureChangeQueries(db: Database, spec: CitySpec, end: Date, runs: number, oldest: Date): Promise<ChangeQueryFigures> {
  const { systemId } = spec;
  const expectPage = async (before: ChangeCursor | null) => {
    const page = await listChanges(db, { systemId, limit: PAGE, before });
    if (page.changes.length !== PAGE) throw new Error(`listChanges returned ${page.changes.length} changes, not ${PAGE}`);
  };
  const changesLatest = await timeRuns(runs, () => expectPage(null));
  const cursor = await nextCursor(db, systemId);
  const changesNextPage = await timeRuns(runs, () => expectPage(cursor));
  const night = lastNightAt(spec, end);
  const changesNightPage = night.getTime() - oldest.getTime() > 3 * 3_600_000 ? await timeRuns(runs, () => expectPage({ reportedAt: night, stationId: '' })) : null;
  const middle = new Date((oldest.getTime() + end.getTime()) / 2);
  const changesOldPage = await timeRuns(runs, () => expectPage({ reportedAt: middle, stationId: '' }));

  const random = createRandom(42);
  const readDay = stationDayReader(db, spec, end);
  const history24h = await timeRuns(runs, () => readDay(syntheticStationId(Math.floor(random() * spec.stations))));
  return { changesLatest, changesNextPage, changesNightPage, changesOldPage, history24h };
}

/** One station's last 24 h before `end`, as the station page reads it; an empty answer is an error. */
function stationDayReader(db: Database, spec: CitySpec, end: Date): (stationId: string) => Promise<void> {
  const from = new Date(end.getTime() - DAY_MS);
  return async (stationId) => {
    const points = await getStationHistory(db, spec.systemId, stationId, from, end);
    if (points.length === 0) throw new Error(`no history for station ${stationId}`);
  };
}

export interface HistoryPair {
  grown: Summary;
  base: Summary;
}

/**
 * The 24 h history on the grown database and on a copy of it taken before growing, run by run in
 * turn (same station in both), so a slower machine slows both and only the history's size differs.
 */
export async function measureHistoryPair(grown: Database, base: Database, spec: CitySpec, end: Date, runs: number): Promise<HistoryPair> {
  const random = createRandom(43);
  const stations = Array.from({ length: runs }, () => syntheticStationId(Math.floor(random() * spec.stations)));
  const read = (db: Database) => {
    const readDay = stationDayReader(db, spec, end);
    return (run: number) => readDay(stations[run] as string);
  };
  const [grownSummary, baseSummary] = await timeInterleaved(runs, read(grown), read(base));
  return { grown: grownSummary, base: baseSummary };
}

export async function measureStationsLatest(db: Database, spec: CitySpec, runs: number): Promise<Summary> {
  return timeRuns(runs, async () => {
    const stations = await listStationStatus(db, spec.systemId);
    if (stations.length !== spec.stations) throw new Error(`listStationStatus returned ${stations.length} stations, not ${spec.stations}`);
  });
}

export async function historyRows(db: Database): Promise<number> {
  const result = await db.execute<{ rows: string }>(sql`SELECT count(*)::text AS rows FROM station_status`);
  return Number(result.rows[0]?.rows ?? 0);
}

/**
 * What autovacuum would do a little later: set visibility and planner statistics after a bulk load,
 * and clear the dead versions of `stations` rows left by the replay's updates (one per station per
 * batch; in steady state autovacuum keeps this small table vacuumed).
 */
export async function vacuumAnalyze(db: Database): Promise<void> {
  await db.execute(sql`VACUUM (ANALYZE) station_status`);
  await db.execute(sql`VACUUM (ANALYZE) station_change`);
  await db.execute(sql`VACUUM (ANALYZE) stations`);
}
