import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { parquetMetadata } from 'hyparquet';
import { PARQUET_ROW_GROUP_ROWS } from '../../lib/export/copy-text-to-parquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { MAX_CONCURRENT_EXPORTS } from '../../lib/http/export-slots';
import { printFigures } from '../support/change-audit';
import { waitFor } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const ROWS = 1_000_000;
const HEAP_MB = 128;
/** Node 20's default young generation on 64-bit; Node 24 sizes it larger, and its garbage would count as growth. */
const SEMI_SPACE_MB = 16;
const STEP_SECONDS = 20;
const FIRST = Date.parse('2025-03-01T00:00:00Z');
const LAST = FIRST + ROWS * STEP_SECONDS * 1000;
const FULL_RANGE = `from=${new Date(FIRST).toISOString()}&to=${new Date(LAST).toISOString()}`;
const EXPORT = `/api/stations/load/s1/history.csv`;
const PARQUET_EXPORT = `/api/stations/load/s1/history.parquet`;

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** Exports the web role is still running on the server: COPYs a reader gave up on must not linger. */
async function runningCopies(database: TestDatabase): Promise<number> {
  const result = await database.db.execute<{ running: number }>(
    sql`SELECT count(*)::int AS running FROM pg_stat_activity WHERE datname = current_database() AND usename = 'bikestream_web' AND query LIKE 'COPY%' AND state <> 'idle'`,
  );
  return result.rows[0]?.running ?? 0;
}

describe(`a ${ROWS.toLocaleString('en')}-row export`, () => {
  let database: TestDatabase;
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    const now = new Date(LAST);
    await upsertSystems(database.db, [
      { systemId: 'load', name: 'Load City', timezone: 'Europe/Oslo', language: 'nb', operator: 'Load AS', licenseUrl: 'https://data.norge.no/nlod/no/2.0', feedUrl: 'http://127.0.0.1/gbfs.json', ttlSeconds: 10, simulated: true, statusUpdatedAt: now, polledAt: now },
    ]);
    await upsertStationInformation(database.db, [{ systemId: 'load', stationId: 's1', name: 'Torget', address: null, lat: 59.9, lon: 10.7, capacity: 20, seenAt: now }]);
    await storeStationStatuses(database.db, [{ systemId: 'load', stationId: 's1', reportedAt: now, bikes: 5, ebikes: 1, docks: 15, isInstalled: true, isRenting: true, isReturning: true }]);
    await database.db.execute(sql`
      INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
      SELECT 'load', 's1', ${new Date(FIRST).toISOString()}::timestamptz + (i * ${STEP_SECONDS}) * interval '1 second', i % 21, i % 3, 20 - i % 21, true, i % 97 <> 0, true
      FROM generate_series(0, ${ROWS - 2}) AS i`);
    // A heap too small to gather the million rows: held as columns they take about 108 MB on their
    // own (measured in a bare Node), beside the server's own heap. Streaming fits; gathering would not.
    web = await startWeb({ DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '0', NODE_OPTIONS: `--max-old-space-size=${HEAP_MB} --max-semi-space-size=${SEMI_SPACE_MB}` });
  }, 180_000);

  afterAll(async () => {
    await web?.stop();
    await database?.drop();
  });

  it('streams every row while the web process memory stays flat', async () => {
    for (let warm = 0; warm < 3; warm += 1) await (await fetch(`${web.baseUrl}${EXPORT}?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z`)).text();
    const pid = web.child.pid ?? 0;
    const baseline = await rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      void rssBytes(pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined);
    }, 50);
    const started = performance.now();
    const response = await fetch(`${web.baseUrl}${EXPORT}?${FULL_RANGE}`);
    expect(response.status).toBe(200);
    let bytes = 0;
    let lines = 0;
    let tail = '';
    const decoder = new TextDecoder();
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      const bytesChunk = chunk.value;
      bytes += bytesChunk.length;
      for (const byte of bytesChunk) if (byte === 0x0a) lines += 1;
      tail = (tail + decoder.decode(bytesChunk, { stream: true })).slice(-200);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, await rssBytes(pid));
    // 9 header lines (8 comments, the column names) and the closing `# rows:` line.
    expect(lines).toBe(ROWS + 10);
    expect(tail).toMatch(new RegExp(`# rows: ${ROWS}\\r\\n$`));
    const growth = peak - baseline;
    printFigures(`export ${ROWS} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s); web RSS ${(baseline / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB (+${(growth / 1e6).toFixed(1)} MB)`);
    expect(growth).toBeLessThan(bytes / 2);
  }, 300_000);

  it(`streams every row to Parquet row group by row group, within a ${HEAP_MB} MB heap`, async () => {
    const pid = web.child.pid ?? 0;
    const baseline = await rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      void rssBytes(pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined);
    }, 50);
    const started = performance.now();
    const file = await (await fetch(`${web.baseUrl}${PARQUET_EXPORT}?${FULL_RANGE}`)).arrayBuffer();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, await rssBytes(pid));
    const metadata = parquetMetadata(file);
    expect(Number(metadata.num_rows)).toBe(ROWS);
    expect(metadata.row_groups.length).toBe(Math.ceil(ROWS / PARQUET_ROW_GROUP_ROWS));
    expect(web.child.exitCode).toBeNull();
    printFigures(
      `export ${ROWS} rows to Parquet, ${(file.byteLength / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s); ` +
        `web RSS ${(baseline / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB (+${((peak - baseline) / 1e6).toFixed(1)} MB)`,
    );
  }, 300_000);

  it('ends the COPY on the server when the reader aborts, and gives its connection back', async () => {
    const abort = new AbortController();
    const response = await fetch(`${web.baseUrl}${EXPORT}?${FULL_RANGE}`, { signal: abort.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    expect(await runningCopies(database)).toBe(1);
    abort.abort();
    await waitFor('the aborted COPY to end', async () => (await runningCopies(database)) === 0, 15_000, 100);
    // Twelve more exports than the pool has connections: an aborted export's connection leaked would make one wait forever.
    for (let again = 0; again < 12; again += 1) {
      const small = await fetch(`${web.baseUrl}${EXPORT}?from=2025-03-01T00:00:00Z&to=2025-03-01T01:00:00Z`, { signal: AbortSignal.timeout(10_000) });
      expect(small.status).toBe(200);
      expect(await small.text()).toMatch(/# rows: 181\r\n$/);
    }
  }, 120_000);

  it(`runs at most ${MAX_CONCURRENT_EXPORTS} exports at once and asks the next reader to come back later`, async () => {
    const holders = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_EXPORTS }, async () => {
        const abort = new AbortController();
        const response = await fetch(`${web.baseUrl}${EXPORT}?${FULL_RANGE}`, { signal: abort.signal });
        expect(response.status).toBe(200);
        return abort;
      }),
    );
    const refused = await fetch(`${web.baseUrl}${EXPORT}?${FULL_RANGE}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many exports/);
    for (const holder of holders) holder.abort();
    await waitFor('the held exports to end', async () => (await runningCopies(database)) === 0, 15_000, 100);
    await waitFor('a slot to be free again', async () => {
      const response = await fetch(`${web.baseUrl}${EXPORT}?from=2025-03-01T00:00:00Z&to=2025-03-01T01:00:00Z`);
      await response.body?.cancel();
      return response.status === 200;
    }, 15_000, 200);
  }, 120_000);
});
