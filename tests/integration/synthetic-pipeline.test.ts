import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { pipelineEnv, startPipeline, waitForConsumerCaughtUp, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

interface ApiChange {
  systemId: string;
  stationId: string;
  name: string | null;
  reportedAt: string;
  prevReportedAt: string;
  bikes: number;
  prevBikes: number;
  docks: number | null;
  prevDocks: number | null;
}

const STATIONS = 40;

describe('simulator → producer → Kafka → consumer → PostgreSQL → API', () => {
  let database: TestDatabase;
  let simulator: RunningSimulator;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    simulator = await startSimulator({ interval: 1, stations: STATIONS, seed: 11, port: 0 });
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: simulator.url });
    workers = startPipeline(env);
    web = await startWeb(env);
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await simulator?.close();
    await database?.drop();
  });

  it('shows every simulated station with its latest numbers', async () => {
    const stations = await waitFor(
      'every station in /api/stations',
      async () => {
        const { status, body } = await getJson<{ stations: { stationId: string }[]; system: { simulated: boolean } }>(`${web.baseUrl}/api/stations`);
        return status === 200 && body.stations.length === STATIONS && body;
      },
      60_000,
    );
    expect(stations.system.simulated).toBe(true);
  });

  it('lists changes as they happen, newest first, each one a real change in counts', async () => {
    const changes = await waitFor(
      'a few changes',
      async () => {
        const { body } = await getJson<{ changes: ApiChange[] }>(`${web.baseUrl}/api/changes?limit=20`);
        return body.changes.length >= 5 && body.changes;
      },
      60_000,
    );
    for (const change of changes) {
      expect(change.bikes !== change.prevBikes || change.docks !== change.prevDocks).toBe(true);
      expect(Date.parse(change.prevReportedAt)).toBeLessThan(Date.parse(change.reportedAt));
      expect(change.name).toBeTruthy();
    }
    const times = changes.map((change) => Date.parse(change.reportedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('returns through /api/changes paging exactly the rows of the LAG view', async () => {
    await waitFor('at least 60 changes', async () => (await getJson<{ changes: ApiChange[] }>(`${web.baseUrl}/api/changes?limit=100`)).body.changes.length >= 60, 90_000);
    await workers.producer.stop();
    await waitForConsumerCaughtUp(env);

    const paged: ApiChange[] = [];
    let next: string | null = null;
    do {
      const query: string = next ? `&before=${next}` : '';
      const { body } = await getJson<{ changes: ApiChange[]; next: string | null }>(`${web.baseUrl}/api/changes?limit=20${query}`);
      paged.push(...body.changes);
      next = body.next;
    } while (next);

    const view = await database.db.execute<{ station_id: string; reported_at: string; bikes: number; prev_bikes: number; docks: number | null; prev_docks: number | null }>(
      sql`SELECT station_id, to_json(reported_at)#>>'{}' AS reported_at, bikes, prev_bikes, docks, prev_docks FROM station_status_change ORDER BY reported_at DESC, station_id DESC`,
    );
    expect(paged.map(({ stationId, reportedAt, bikes, prevBikes, docks, prevDocks }) => ({ stationId, at: Date.parse(reportedAt), bikes, prevBikes, docks, prevDocks }))).toEqual(
      view.rows.map((row) => ({ stationId: row.station_id, at: Date.parse(row.reported_at), bikes: row.bikes, prevBikes: row.prev_bikes, docks: row.docks, prevDocks: row.prev_docks })),
    );
  });

  it('answers bad parameters with 400 and unknown ids with 404, as JSON', async () => {
    const cases: [string, number][] = [
      ['/api/changes?limit=0', 400],
      ['/api/changes?limit=1001', 400],
      ['/api/changes?limit=7', 400],
      ['/api/changes?limit=abc', 400],
      ['/api/changes?before=not-a-cursor', 400],
      ["/api/changes?system=x'%20OR%201=1--", 400],
      ['/api/changes?system=nowhere', 404],
      ['/api/stations?system=nowhere', 404],
      ['/api/stations/bikestream-sim/no-such-station/history', 404],
      ['/api/stations/bikestream-sim/sim-0001/history?from=yesterday', 400],
      ['/api/stations/bikestream-sim/sim-0001/history?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 400],
    ];
    for (const [path, expected] of cases) {
      const response = await fetch(`${web.baseUrl}${path}`);
      expect(response.status, path).toBe(expected);
      const body = (await response.json()) as { error?: string };
      expect(typeof body.error, path).toBe('string');
    }
  });

  it("serves one station's history in time order", async () => {
    const { status, body } = await getJson<{ points: { reportedAt: string; bikes: number }[] }>(`${web.baseUrl}/api/stations/bikestream-sim/sim-0001/history`);
    expect(status).toBe(200);
    expect(body.points.length).toBeGreaterThan(0);
    const times = body.points.map((point) => Date.parse(point.reportedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
