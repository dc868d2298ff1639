import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import type { StatusReport } from '../../lib/queries/store-records';
import { startWorker, waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const SYSTEM = 'openapi';
const MINUTE = 60_000;
const START = Date.parse('2026-12-08T07:00:00Z');
const STATIONS = ['north', 'south', 'east'];

function reports(): StatusReport[] {
  const result: StatusReport[] = [];
  for (let minute = 0; minute <= 90; minute += 5) {
    for (const [i, stationId] of STATIONS.entries()) {
      const bikes = (3 + i + minute / 5) % 12;
      result.push({ systemId: SYSTEM, stationId, reportedAt: new Date(START + minute * MINUTE), bikes, ebikes: i === 0 ? 1 : null, docks: 12 - bikes, isInstalled: true, isRenting: true, isReturning: true });
    }
  }
  return result;
}

interface OpenApi {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>;
}

/** Real responses of the running app, each checked against what /api/openapi.json says that route answers. */
describe('the API answers as its OpenAPI document says', () => {
  let database: TestDatabase;
  let classifier: RunningProcess | undefined;
  let web: RunningWeb | undefined;
  let document: OpenApi;
  let ajv: Ajv2020;
  const exercised = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const end = new Date(START + 90 * MINUTE);
    await upsertSystems(database.db, [{
      systemId: SYSTEM, name: 'OpenAPI <City>', timezone: 'Europe/Oslo', language: 'nb', operator: 'Op', licenseUrl: 'https://example.test/licence',
      feedUrl: 'https://example.test/gbfs.json', ttlSeconds: 60, simulated: true, statusUpdatedAt: end, polledAt: end,
    }]);
    await upsertStationInformation(database.db, STATIONS.map((stationId, i) => ({
      systemId: SYSTEM, stationId, name: `${stationId} "quoted" & <b>`, address: null, lat: 59.91 + i * 0.01, lon: 10.75, capacity: 12, seenAt: new Date(START),
    })));
    await storeStationStatuses(database.db, reports());
    classifier = startWorker('classifier', { DATABASE_URL: database.url });
    await waitFor('every change to have a cause', async () => {
      const row = (await database.db.execute<{ changes: number; causes: number }>(sql`
        SELECT (SELECT count(*)::int FROM station_change) AS changes, (SELECT count(*)::int FROM change_cause) AS causes`)).rows[0];
      return row !== undefined && row.changes > 0 && row.causes === row.changes;
    }, 60_000);
    web = await startWeb({ DATABASE_URL: database.url });
    const response = await fetch(`${web.baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApi;
    // The document's own validity is lib/api/openapi/document.test.ts's; here only its schemas are used.
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'api.json');
  }, 120_000);

  afterAll(async () => {
    await web?.stop();
    await classifier?.stop();
    await database?.drop();
  });

  /** Fetches `url`, checks its body against the document's schema for `path` and the status, and returns it. */
  async function check<T>(path: string, url: string, status = 200): Promise<{ body: T; headers: Headers }> {
    const response = await fetch(`${web!.baseUrl}${url}`);
    expect(response.status, url).toBe(status);
    const body = (await response.json()) as T;
    const described = document.paths[path]?.get.responses[String(status)]?.content?.['application/json'];
    expect(described, `${path} ${status} is described`).toBeDefined();
    const pointer = `api.json#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`;
    const validate = ajv.getSchema(pointer)!;
    expect(validate(body), `${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    exercised.add(path);
    return { body, headers: response.headers };
  }

  it('describes the systems, stations and changes as they are served, paging included', async () => {
    await check('/api/systems', '/api/systems');
    await check('/api/stations', `/api/stations?system=${SYSTEM}`);
    const first = await check<{ changes: unknown[]; next: string | null }>('/api/changes', `/api/changes?system=${SYSTEM}&limit=20`);
    expect(first.body.changes).toHaveLength(20);
    expect(first.body.next).not.toBeNull();
    await check('/api/changes', `/api/changes?system=${SYSTEM}&limit=20&before=${encodeURIComponent(first.body.next!)}`);
    const riders = await check<{ changes: { cause: string }[] }>('/api/changes', `/api/changes?system=${SYSTEM}&cause=riders`);
    expect(riders.body.changes.every((change) => change.cause === 'riders')).toBe(true);
  });

  it('describes one station: status, history, changes and report card', async () => {
    const station = `/api/stations/${SYSTEM}/north`;
    await check('/api/stations/{system}/{station}', station);
    const from = new Date(START).toISOString();
    const to = new Date(START + 2 * 3_600_000).toISOString();
    const history = await check<{ points: unknown[] }>('/api/stations/{system}/{station}/history', `${station}/history?from=${from}&to=${to}`);
    expect(history.body.points.length).toBeGreaterThan(0);
    await check('/api/stations/{system}/{station}/changes', `${station}/changes?limit=5`);
    await check('/api/stations/{system}/{station}/report', `${station}/report?days=7`);
  });

  it('describes the insights and the health checks', async () => {
    const from = new Date(START).toISOString();
    const to = new Date(START + 3 * 3_600_000).toISOString();
    const activity = await check<{ buckets: unknown[] }>('/api/systems/{system}/activity', `/api/systems/${SYSTEM}/activity?bucket=15m&from=${from}&to=${to}`);
    expect(activity.body.buckets).toHaveLength(12);
    await check('/api/systems/{system}/report', `/api/systems/${SYSTEM}/report?days=30&sort=rentals`);
    // No broker is configured for this web process: the health check says degraded, in its described shape.
    await check('/api/health', '/api/health', 503);
    await check('/api/live', '/api/live');
  });

  it('describes the errors as they are served', async () => {
    const bad = await check<{ error: string }>('/api/changes', '/api/changes?limit=7', 400);
    expect(bad.body.error).toMatch(/limit/);
    await check('/api/stations/{system}/{station}', `/api/stations/${SYSTEM}/nowhere`, 404);
    await check('/api/systems/{system}/activity', `/api/systems/${SYSTEM}/activity?bucket=2h`, 400);
  });

  it('lets any site read the API, without credentials, and lets a CDN share it for a second', async () => {
    const { headers } = await check('/api/stations', `/api/stations?system=${SYSTEM}`);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('access-control-expose-headers')).toContain('ETag');
    expect(headers.get('cache-control')).toContain('s-maxage=1');
    const preflight = await fetch(`${web!.baseUrl}/api/changes`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(preflight.status).toBe(204);
    // Never the caller's origin echoed, never credentials: a cookie could not ride along.
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    const page = await fetch(`${web!.baseUrl}/stations`, { headers: { Origin: 'https://evil.example' } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the exports as the media types it describes', async () => {
    const from = new Date(START).toISOString();
    const to = new Date(START + 2 * 3_600_000).toISOString();
    for (const format of ['csv', 'parquet']) {
      for (const [path, url] of [
        [`/api/stations/{system}/{station}/history.${format}`, `/api/stations/${SYSTEM}/north/history.${format}?from=${from}&to=${to}`],
        [`/api/systems/{system}/changes.${format}`, `/api/systems/${SYSTEM}/changes.${format}?from=${from}&to=${to}`],
      ] as const) {
        const response = await fetch(`${web!.baseUrl}${url}`);
        expect(response.status, url).toBe(200);
        const described = Object.keys(document.paths[path]?.get.responses['200']?.content ?? {});
        expect(described).toHaveLength(1);
        expect(response.headers.get('content-type')?.split(';')[0]).toBe(described[0]);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
        exercised.add(path);
      }
    }
  });

  it('serves the event stream as it describes', async () => {
    const abort = new AbortController();
    const response = await fetch(`${web!.baseUrl}/api/stream?system=${SYSTEM}`, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')?.split(';')[0]).toBe(Object.keys(document.paths['/api/stream']?.get.responses['200']?.content ?? {})[0]);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    abort.abort();
    await response.body?.cancel().catch(() => undefined);
    exercised.add('/api/stream');
  });

  it('has had every route it describes checked here', () => {
    expect(Object.keys(document.paths).filter((path) => !exercised.has(path))).toEqual([]);
  });
});
