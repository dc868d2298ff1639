import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL } from '../../lib/env';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { ROOT } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const hostileValues = [
  "' OR 1=1 --",
  "x'; DROP TABLE station_status; --",
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '-1',
  '99999999999999999999999',
  '1e309',
  'NaN',
  '',
  ' ',
  'ø🚲漢字',
  '<script>alert(1)</script>',
  'a'.repeat(5000),
  '{"$gt":""}',
];

const routes = [
  (value: string) => `/api/stations?system=${encodeURIComponent(value)}`,
  (value: string) => `/api/changes?system=${encodeURIComponent(value)}`,
  (value: string) => `/api/changes?system=hostile&limit=${encodeURIComponent(value)}`,
  (value: string) => `/api/changes?system=hostile&before=${encodeURIComponent(value)}`,
  (value: string) => `/api/stations/${encodeURIComponent(value)}/s1/history`,
  (value: string) => `/api/stations/hostile/${encodeURIComponent(value)}/history`,
  (value: string) => `/api/stations/hostile/s1/history?from=${encodeURIComponent(value)}`,
  (value: string) => `/api/stations/hostile/s1/history?to=${encodeURIComponent(value)}`,
];

async function counts(database: TestDatabase) {
  const result = await database.db.execute<{ systems: number; stations: number; statuses: number }>(
    sql`SELECT (SELECT count(*) FROM systems)::int AS systems, (SELECT count(*) FROM stations)::int AS stations, (SELECT count(*) FROM station_status)::int AS statuses`,
  );
  return result.rows[0];
}

describe('hostile HTTP input', () => {
  let database: TestDatabase;
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    const now = new Date();
    await upsertSystems(database.db, [
      { systemId: 'hostile', name: 'Hostile City', timezone: 'UTC', language: 'en', operator: null, licenseUrl: null, feedUrl: 'http://127.0.0.1/gbfs.json', ttlSeconds: 10, simulated: true, statusUpdatedAt: now, polledAt: now },
    ]);
    await upsertStationInformation(database.db, [{ systemId: 'hostile', stationId: 's1', name: 'Square', address: null, lat: 59.9, lon: 10.7, capacity: 10, seenAt: now }]);
    const rows = [0, 1].map((minutes) => ({
      systemId: 'hostile',
      stationId: 's1',
      reportedAt: new Date(now.getTime() - minutes * 60_000),
      bikes: 3 + minutes,
      ebikes: 0,
      docks: 7 - minutes,
      isInstalled: true,
      isRenting: true,
      isReturning: true,
    }));
    await database.db.transaction((tx) => storeStationStatuses(tx, rows));
    web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0' });
  });

  afterAll(async () => {
    await web?.stop();
    await database?.drop();
  });

  it('answers every route and parameter with 2xx, 400 or 404 as JSON — never 500, never a stack trace — and changes nothing', async () => {
    const before = await counts(database);
    const failures: string[] = [];
    for (const route of routes) {
      for (const value of hostileValues) {
        const url = route(value);
        const response = await fetch(`${web.baseUrl}${url}`);
        const text = await response.text();
        if (![200, 400, 404].includes(response.status)) failures.push(`${response.status} ${url.slice(0, 120)}`);
        if (/\bat .+\.(ts|js):\d+|node_modules|Error:/.test(text)) failures.push(`stack trace in ${url.slice(0, 120)}`);
        if (response.status !== 200 && !(JSON.parse(text) as { error?: unknown }).error) failures.push(`no JSON error for ${url.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await counts(database)).toEqual(before);
  });

  it('treats an injected system id as a plain unknown id', async () => {
    const response = await fetch(`${web.baseUrl}/api/stations?system=${encodeURIComponent("hostile' OR '1'='1")}`);
    expect(response.status).toBe(400);
    const known = await fetch(`${web.baseUrl}/api/stations?system=hostile`);
    expect(((await known.json()) as { stations: unknown[] }).stations).toHaveLength(1);
  });

  it('sets the security headers on every response', async () => {
    for (const url of ['/', '/api/stations?system=hostile', '/embed']) {
      const response = await fetch(`${web.baseUrl}${url}`);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBeTruthy();
      expect(response.headers.get('content-security-policy'), url).toContain('frame-ancestors');
    }
  });

  it('ships no database address in the browser bundle', async () => {
    const secrets = [DEFAULT_DATABASE_URL, 'postgres://', database.url, process.env.DATABASE_URL].filter((value): value is string => Boolean(value));
    const staticDir = path.join(ROOT, '.next', 'static');
    const files = (await readdir(staticDir, { recursive: true })).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(path.join(staticDir, file), 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });
});

describe('rate limit', () => {
  let database: TestDatabase;
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '5' });
  });

  afterAll(async () => {
    await web?.stop();
    await database?.drop();
  });

  it('answers a client over its limit with 429 and Retry-After, and other clients normally', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 8; index += 1) {
      statuses.push((await fetch(`${web.baseUrl}/api/systems`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    const limited = await fetch(`${web.baseUrl}/api/systems`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${web.baseUrl}/api/systems`, { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status).toBe(200);
  });

  // The limit is applied in each route (Pages Router and App Router alike), so every route is checked.
  const limitedRoutes = ['/api/stations', '/api/changes', '/api/health', '/api/stations/none/s1', '/api/stations/none/s1/history', '/api/stations/none/s1/changes'];
  it.each(limitedRoutes)('limits %s, answering 429 as JSON', async (route) => {
    const client = { 'X-Forwarded-For': `192.0.2.${limitedRoutes.indexOf(route) + 1}, 10.0.0.1` };
    // At once, so a slow answer (health waits for Kafka) cannot refill the bucket in between.
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${web.baseUrl}${route}`, { headers: client })));
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(responses.length - limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]?.headers.get('content-type')).toContain('application/json');
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]?.json()).toEqual({ error: 'too many requests; slow down' });
  });

  it('counts one budget per client across all routes', async () => {
    const client = { 'X-Forwarded-For': '198.51.100.200' };
    for (const route of ['/api/stations', '/api/changes', '/api/systems', '/api/stations', '/api/systems']) {
      expect((await fetch(`${web.baseUrl}${route}`, { headers: client })).status).not.toBe(429);
    }
    expect((await fetch(`${web.baseUrl}/api/changes`, { headers: client })).status).toBe(429);
    expect((await fetch(`${web.baseUrl}/api/systems`, { headers: client })).status).toBe(429);
  });
});
