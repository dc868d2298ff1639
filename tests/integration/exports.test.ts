import { sql } from 'drizzle-orm';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { readCsvExport } from '../support/csv-export';
import { pipelineEnv, startPipeline, waitForConsumerCaughtUp, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

interface HistoryPage {
  points: { reportedAt: string; bikes: number; docks: number | null }[];
  truncated: boolean;
  next: string | null;
}

const SYSTEM = 'bikestream-sim';
const PAGE = 10;
const HOSTILE_NAME = '=HYPERLINK("http://evil.example","Torget, \n nord")';

describe('CSV exports against the real pipeline (simulator → producer → Kafka → consumer → PostgreSQL → web)', () => {
  let database: TestDatabase;
  let simulator: RunningSimulator;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;
  let busiest: string;
  const from = new Date(Date.now() - 3600_000).toISOString();
  let to: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    simulator = await startSimulator({ interval: 1, stations: 8, seed: 23, port: 0 });
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: simulator.url });
    workers = startPipeline(env);
    web = await startWeb(env);
    // Enough reports at one station for several history pages, and enough changes for several /api/changes pages.
    busiest = await waitFor(
      'a station with four pages of history',
      async () => {
        const result = await database.db.execute<{ station_id: string; points: number }>(
          sql`SELECT station_id, count(*)::int AS points FROM station_status GROUP BY station_id ORDER BY points DESC, station_id LIMIT 1`,
        );
        const top = result.rows[0];
        return top && top.points > 4 * PAGE && top.station_id;
      },
      150_000,
      1000,
    );
    await workers.producer.stop();
    await waitForConsumerCaughtUp(env);
    await database.db.execute(sql`UPDATE stations SET name = ${HOSTILE_NAME} WHERE system_id = ${SYSTEM} AND station_id = ${busiest}`);
    to = new Date(Date.now() + 60_000).toISOString();
  }, 240_000);

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await simulator?.close();
    await database?.drop();
  });

  const range = () => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  it("exports a station's whole history: the same reports as the history API paged through, more than one page", async () => {
    const paged: HistoryPage['points'] = [];
    let pages = 0;
    let before: string | null = null;
    do {
      const query: string = `${range()}&limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const { status, body } = await getJson<HistoryPage>(`${web.baseUrl}/api/stations/${SYSTEM}/${busiest}/history?${query}`);
      expect(status).toBe(200);
      expect(body.truncated).toBe(body.next !== null);
      paged.unshift(...body.points);
      before = body.next;
      pages += 1;
    } while (before);
    expect(pages).toBeGreaterThan(4);

    const response = await fetch(`${web.baseUrl}/api/stations/${SYSTEM}/${busiest}/history.csv?${range()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="bikestream-${SYSTEM}-${busiest}-station-history.csv"`);
    const csv = readCsvExport(await response.text());
    expect(csv.columns).toEqual(['reported_at', 'bikes', 'ebikes', 'docks', 'is_installed', 'is_renting', 'is_returning']);
    expect(csv.rows).toHaveLength(paged.length);
    expect(csv.comments.rows).toBe(String(paged.length));
    expect(csv.rows.map((row) => [row.reported_at, Number(row.bikes), row.docks === '' ? null : Number(row.docks)])).toEqual(
      paged.map((point) => [point.reportedAt, point.bikes, point.docks]),
    );
  });

  it('exports every change of the system: the same ones as /api/changes paged through', async () => {
    const paged: { stationId: string; reportedAt: string; bikes: number }[] = [];
    let next: string | null = null;
    do {
      const query: string = next ? `&before=${next}` : '';
      const { body } = await getJson<{ changes: typeof paged; next: string | null }>(`${web.baseUrl}/api/changes?system=${SYSTEM}&limit=20${query}`);
      paged.push(...body.changes);
      next = body.next;
    } while (next);
    expect(paged.length).toBeGreaterThan(20);

    const response = await fetch(`${web.baseUrl}/api/systems/${SYSTEM}/changes.csv?${range()}`);
    expect(response.status).toBe(200);
    const csv = readCsvExport(await response.text());
    expect(csv.comments.rows).toBe(String(paged.length));
    const key = (stationId: string, reportedAt: string, bikes: number) => `${reportedAt} ${stationId} ${bikes}`;
    expect(csv.rows.map((row) => key(row.station_id ?? '', row.reported_at ?? '', Number(row.bikes))).sort()).toEqual(
      paged.map((change) => key(change.stationId, change.reportedAt, change.bikes)).sort(),
    );
  });

  it('names the time zone, the licence and the range in the header, and makes a hostile station name an inert cell', async () => {
    const [system] = (await database.db.execute<{ timezone: string; license_url: string | null; operator: string | null; name: string }>(sql`SELECT timezone, license_url, operator, name FROM systems`)).rows;
    const csv = readCsvExport(await (await fetch(`${web.baseUrl}/api/systems/${SYSTEM}/changes.csv?${range()}`)).text());
    expect(csv.comments).toMatchObject({ 'bikestream export': 'changes', 'time zone': system?.timezone, times: 'UTC, ISO 8601', from: from, to: to });
    expect(csv.comments.licence).toBe(system?.license_url ?? `not stated by the feed; the data is its operator's (${system?.operator ?? system?.name})`);
    const named = csv.rows.filter((row) => row.station_id === busiest);
    expect(named.length).toBeGreaterThan(0);
    for (const row of named) expect(row.station_name).toBe(`'${HOSTILE_NAME}`);
  });

  it('writes the same rows to Parquet as to CSV, with the time zone and licence in its metadata', async () => {
    for (const path of [`/api/stations/${SYSTEM}/${busiest}/history`, `/api/systems/${SYSTEM}/changes`]) {
      const csv = readCsvExport(await (await fetch(`${web.baseUrl}${path}.csv?${range()}`)).text());
      const response = await fetch(`${web.baseUrl}${path}.parquet?${range()}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('application/vnd.apache.parquet');
      expect(response.headers.get('content-disposition'), path).toMatch(/^attachment; filename="bikestream-[A-Za-z0-9._-]+\.parquet"$/);
      const file = await response.arrayBuffer();
      const metadata = Object.fromEntries((parquetMetadata(file).key_value_metadata ?? []).map(({ key, value }) => [key, value]));
      expect(metadata, path).toMatchObject({ 'time zone': csv.comments['time zone'], licence: csv.comments.licence, from, to, rows: csv.comments.rows });
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      // As the CSV writes each cell: times in ISO 8601 UTC, nulls empty, a feed's text with a formula's first character behind a '.
      const asCsv = (value: unknown) =>
        value instanceof Date ? value.toISOString() : value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
      expect(rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, asCsv(value)]))), path).toEqual(csv.rows);
    }
  });

  it('refuses bad ranges, hostile ids and unknown ones with a JSON error before streaming anything', async () => {
    const history = `/api/stations/${SYSTEM}/${busiest}/history.csv`;
    const changes = `/api/systems/${SYSTEM}/changes.csv`;
    const cases: [string, number][] = [
      [`${history}?from=yesterday`, 400],
      [`${history}?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`, 400],
      [`${history}?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 400],
      [`${history}?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 400],
      [`${changes}?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z`, 400],
      [`${changes}?to=${encodeURIComponent("' OR 1=1 --")}`, 400],
      [`${changes}?from=2026-01-01T00:00:00Z&from=2026-01-01T00:00:00Z`, 400],
      [`/api/stations/${SYSTEM}/${encodeURIComponent("x' OR '1'='1")}/history.csv`, 400],
      [`/api/stations/${encodeURIComponent('../../etc')}/s1/history.csv`, 400],
      [`/api/systems/${encodeURIComponent('a"b;\r\nSet-Cookie: x=1')}/changes.csv`, 400],
      [`/api/systems/${'a'.repeat(300)}/changes.csv`, 400],
      [`/api/stations/${SYSTEM}/no-such-station/history.csv`, 404],
      [`/api/stations/nowhere/${busiest}/history.csv`, 404],
      [`/api/systems/nowhere/changes.csv`, 404],
      [`/api/systems/nowhere/changes.parquet`, 404],
      [`/api/stations/${SYSTEM}/${busiest}/history.parquet?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 400],
      [`/api/stations/${SYSTEM}/${encodeURIComponent("x' OR '1'='1")}/history.parquet`, 400],
    ];
    for (const [path, expected] of cases) {
      const response = await fetch(`${web.baseUrl}${path}`);
      expect(response.status, path).toBe(expected);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(typeof ((await response.json()) as { error?: unknown }).error, path).toBe('string');
    }
  });
});
