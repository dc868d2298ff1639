import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityResponse } from '../../lib/api/activity-types';
import type { ChangesResponse } from '../../lib/api/api-types';
import type { ReportResponse } from '../../lib/api/report-types';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import type { StatusReport } from '../../lib/queries/store-records';
import { startWorker, waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

const SYSTEM = 'causes';
const MINUTE = 60_000;
// 08:00 in Oslo on a December weekday: daytime, so no move counts as a night move.
const START = Date.parse('2026-12-08T07:00:00Z');
const END = START + 115 * MINUTE;
const CAPACITY = 20;

const report = (stationId: string, minute: number, bikes: number, docks = CAPACITY - bikes): StatusReport => ({
  systemId: SYSTEM, stationId, reportedAt: new Date(START + minute * MINUTE), bikes, ebikes: null, docks, isInstalled: true, isRenting: true, isReturning: true,
});

/** Five-minute reports from 08:00 to 09:55: riders at one station, a truck moving 12 bikes between two, a feed blip at a fourth. */
function scriptedReports(): StatusReport[] {
  const reports: StatusReport[] = [];
  for (let minute = 0; minute * MINUTE <= END - START; minute += 5) {
    reports.push(report('riders', minute, 8 + ((minute / 5) % 2)));
    reports.push(report('truck-from', minute, minute < 30 ? 18 : 6));
    reports.push(report('truck-to', minute, minute < 40 ? 2 : 14));
    reports.push(minute === 60 ? report('blip', minute, 0, 0) : report('blip', minute, 7));
  }
  return reports;
}

describe('the classifier worker stores a cause for every change, and the API serves them', () => {
  let database: TestDatabase;
  let classifier: RunningProcess | undefined;
  let web: RunningWeb | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertSystems(database.db, [{
      systemId: SYSTEM, name: 'Causes', timezone: 'Europe/Oslo', language: 'nb', operator: null, licenseUrl: null,
      feedUrl: 'https://example.test/gbfs.json', ttlSeconds: 300, simulated: true, statusUpdatedAt: new Date(END), polledAt: new Date(END),
    }]);
    const seenAt = new Date(START);
    await upsertStationInformation(database.db, ['riders', 'truck-from', 'truck-to', 'blip'].map((stationId, i) => ({
      systemId: SYSTEM, stationId, name: stationId, address: null, lat: 59.91 + i * 0.005, lon: 10.75, capacity: CAPACITY, seenAt,
    })));
    await storeStationStatuses(database.db, scriptedReports());
    classifier = startWorker('classifier', { DATABASE_URL: database.url });
    await waitFor('every change to have a cause', async () => {
      const counts = await database.db.execute<{ changes: number; causes: number }>(sql`
        SELECT (SELECT count(*)::int FROM station_change) AS changes, (SELECT count(*)::int FROM change_cause) AS causes`);
      const row = counts.rows[0];
      return row !== undefined && row.changes > 0 && row.causes === row.changes;
    }, 60_000);
    await waitFor('the day\'s report cards', async () => {
      const cards = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_day_report`);
      return cards.rows[0]?.n === 4;
    }, 30_000);
    web = await startWeb({ DATABASE_URL: database.url });
  });

  afterAll(async () => {
    await web?.stop();
    await classifier?.stop();
    await database?.drop();
  });

  const causesOf = async (stationId: string) =>
    (await database.db.execute<{ cause: string }>(sql`
      SELECT k.cause FROM station_change c JOIN change_cause k USING (system_id, reported_at, station_id)
      WHERE c.station_id = ${stationId} ORDER BY c.reported_at`)).rows.map((row) => row.cause);

  it('tells riders, a truck and a feed blip apart', async () => {
    expect(await causesOf('truck-from')).toEqual(['rebalancing']);
    expect(await causesOf('truck-to')).toEqual(['rebalancing']);
    expect(await causesOf('blip')).toEqual(['glitch', 'glitch']);
    const riders = await causesOf('riders');
    expect(riders.length).toBe(23);
    expect(new Set(riders)).toEqual(new Set(['riders']));
  });

  it('gives every change its cause in /api/changes, and filters by cause', async () => {
    const all = await getJson<ChangesResponse>(`${web!.baseUrl}/api/changes?system=${SYSTEM}&limit=100`);
    expect(all.status).toBe(200);
    expect(all.body.changes).toHaveLength(27);
    expect(all.body.changes.every((change) => change.cause !== null)).toBe(true);
    const trucks = await getJson<ChangesResponse>(`${web!.baseUrl}/api/changes?system=${SYSTEM}&cause=rebalancing`);
    expect(trucks.body.changes.map((change) => change.stationId)).toEqual(['truck-to', 'truck-from']);
    const glitches = await getJson<ChangesResponse>(`${web!.baseUrl}/api/changes?system=${SYSTEM}&cause=glitch&limit=20`);
    expect(glitches.body.changes.map((change) => change.prevBikes)).toEqual([0, 7]);
  });

  it('counts rentals, returns and the trucks\' bikes per hour', async () => {
    const from = new Date(START).toISOString();
    const to = new Date(START + 120 * MINUTE).toISOString();
    const activity = await getJson<ActivityResponse>(`${web!.baseUrl}/api/systems/${SYSTEM}/activity?from=${from}&to=${to}&bucket=1h`);
    expect(activity.status).toBe(200);
    expect(activity.body.buckets).toHaveLength(2);
    expect(activity.body.totals).toEqual({ rentals: 11, returns: 12, rebalancedIn: 12, rebalancedOut: 12, glitches: 2 });
    const quarters = await getJson<ActivityResponse>(`${web!.baseUrl}/api/systems/${SYSTEM}/activity?from=${from}&to=${to}&bucket=15m`);
    expect(quarters.body.buckets).toHaveLength(8);
    expect(quarters.body.buckets.find((bucket) => bucket.start === new Date(START + 30 * MINUTE).toISOString())?.rebalancedOut).toBe(12);
  });

  it('keeps a report card per station: trucks, riders, and a glitch that is not counted as empty', async () => {
    const report = await getJson<ReportResponse>(`${web!.baseUrl}/api/systems/${SYSTEM}/report?days=1&sort=truck-moves`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ days: 1, from: '2026-12-08', to: '2026-12-08' });
    const byId = new Map(report.body.stations.map((card) => [card.stationId, card]));
    expect(report.body.stations.slice(0, 2).map((card) => card.stationId).sort()).toEqual(['truck-from', 'truck-to']);
    expect(byId.get('truck-from')).toMatchObject({ truckOut: 12, truckIn: 0, rentals: 0 });
    expect(byId.get('riders')).toMatchObject({ rentals: 11, returns: 12, emptyMinutes: 0, usableDaytimeShare: 1 });
    expect(byId.get('blip')).toMatchObject({ glitches: 2, emptyMinutes: 0, fullMinutes: 0 });
    const worstEmpty = await getJson<ReportResponse>(`${web!.baseUrl}/api/systems/${SYSTEM}/report?days=7`);
    expect(worstEmpty.body.sort).toBe('empty-minutes');
    expect(worstEmpty.body.stations).toHaveLength(4);
  });

  it('forgets the causes of changes a late report rebuilds, and decides them again', async () => {
    await classifier!.stop();
    // 08:28 was never reported; arriving now, it splits the truck's 12-bike pickup at 08:30 into two changes.
    await storeStationStatuses(database.db, [report('truck-from', 28, 12)]);
    const late = new Date(START + 28 * MINUTE);
    const left = await database.db.execute<{ causes: number; through: Date }>(sql`
      SELECT (SELECT count(*)::int FROM change_cause WHERE station_id = 'truck-from' AND reported_at >= ${late.toISOString()}::timestamptz) AS causes,
             (SELECT through FROM cause_progress) AS through`);
    expect(left.rows[0]?.causes).toBe(0);
    expect(new Date(left.rows[0]!.through).getTime()).toBeLessThan(late.getTime());
    classifier = startWorker('classifier', { DATABASE_URL: database.url });
    await waitFor('the rebuilt changes to have causes', async () => {
      const counts = await database.db.execute<{ missing: number }>(sql`
        SELECT count(*)::int AS missing FROM station_change c
        WHERE NOT EXISTS (SELECT 1 FROM change_cause k WHERE k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id)`);
      return counts.rows[0]?.missing === 0;
    }, 30_000);
    expect(await causesOf('truck-from')).toEqual(['rebalancing', 'rebalancing']);
  });

  it('refuses what it does not understand, with a reason', async () => {
    expect((await getJson(`${web!.baseUrl}/api/systems/${SYSTEM}/report?days=2`)).status).toBe(400);
    expect((await getJson(`${web!.baseUrl}/api/systems/${SYSTEM}/report?sort=name;drop`)).status).toBe(400);
    const badCause = await getJson<{ error: string }>(`${web!.baseUrl}/api/changes?system=${SYSTEM}&cause=aliens`);
    expect(badCause.status).toBe(400);
    expect(badCause.body.error).toMatch(/riders, rebalancing, glitch/);
    const tooLong = await getJson<{ error: string }>(`${web!.baseUrl}/api/systems/${SYSTEM}/activity?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`);
    expect(tooLong.status).toBe(400);
    expect((await getJson(`${web!.baseUrl}/api/systems/${SYSTEM}/activity?bucket=1d`)).status).toBe(400);
    expect((await getJson(`${web!.baseUrl}/api/systems/nowhere/activity`)).status).toBe(404);
  });
});
