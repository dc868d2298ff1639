import { readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL } from '../../lib/runtime/env';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { printFigures } from '../support/change-audit';
import { ROOT } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const hostileValues = [
  "' OR 1=1 --",
  "x'; DROP TABLE station_status; --",
  '../../etc/passwd',
  '\0',
  'a\0b',
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
].map(encodeURIComponent);

// Sent as written: already percent-encoded, so the server decodes them itself (%00 is a NUL byte;
// encodeURIComponent would have sent `%2500`, the harmless text "%00").
const preEncoded = ['%00', 'a%00b', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%2F..%2Fetc%2Fpasswd', '%ff%fe', '%C0%AF', '%', '%zz'];

const apiRoutes = [
  (value: string) => `/api/stations?system=${value}`,
  (value: string) => `/api/changes?system=${value}`,
  (value: string) => `/api/changes?system=hostile&limit=${value}`,
  (value: string) => `/api/changes?system=hostile&before=${value}`,
  (value: string) => `/api/stations/${value}/s1/history`,
  (value: string) => `/api/stations/hostile/${value}/history`,
  (value: string) => `/api/stations/hostile/s1/history?from=${value}`,
  (value: string) => `/api/stations/hostile/s1/history?to=${value}`,
  (value: string) => `/api/stations/hostile/s1/history?limit=${value}`,
  (value: string) => `/api/stations/hostile/s1/history?before=${value}`,
  (value: string) => `/api/stations/${value}/s1/history.csv`,
  (value: string) => `/api/stations/hostile/${value}/history.csv`,
  (value: string) => `/api/stations/hostile/s1/history.csv?from=${value}`,
  // Prefixed: an empty segment would make the path `/api/systems/changes.csv`, which no route serves (Next's own 404 page).
  (value: string) => `/api/systems/x${value}/changes.csv`,
  (value: string) => `/api/systems/hostile/changes.csv?to=${value}`,
  (value: string) => `/api/stations/hostile/${value}/history.parquet`,
  (value: string) => `/api/systems/hostile/changes.parquet?from=${value}`,
];

const pageRoutes = [
  (value: string) => `/?system=${value}`,
  (value: string) => `/embed?system=${value}&station=${value}`,
  (value: string) => `/stations?system=${value}`,
  (value: string) => `/stations/hostile/${value}`,
  (value: string) => `/stations/${value}/s1?range=${value}`,
];

/** A GET whose target goes out byte for byte (fetch and http.request would refuse or re-encode it). */
function rawGet(baseUrl: string, target: string): Promise<{ status: number }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`, 'latin1'));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'))?.[1] ?? 0) });
    });
  });
}

function pathDecodes(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0] ?? '');
    return true;
  } catch {
    return false;
  }
}

function isJsonError(text: string): boolean {
  try {
    return Boolean((JSON.parse(text) as { error?: unknown }).error);
  } catch {
    return false;
  }
}

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
    // Limits off: this test sends a few hundred requests from one address (rate-limit.test.ts tests the limits).
    web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0', PAGE_RATE_LIMIT_PER_MINUTE: '0' });
  });

  afterAll(async () => {
    await web?.stop();
    await database?.drop();
  });

  it('answers every route and parameter with 2xx, 400 or 404 as JSON — never 500, never a stack trace — and changes nothing', async () => {
    const before = await counts(database);
    const failures: string[] = [];
    let sent = 0;
    for (const route of apiRoutes) {
      for (const value of [...hostileValues, ...preEncoded]) {
        const url = route(value);
        const response = await fetch(`${web.baseUrl}${url}`);
        const text = await response.text();
        sent += 1;
        if (![200, 400, 404].includes(response.status)) failures.push(`${response.status} ${url.slice(0, 120)}`);
        if (/\bat .+\.(ts|js):\d+|node_modules|Error:/.test(text)) failures.push(`stack trace in ${url.slice(0, 120)}`);
        // A path that is not valid percent-encoding is refused by Next.js before any route runs: 400, not JSON.
        const jsonExpected = pathDecodes(url);
        if (!jsonExpected && response.status !== 400) failures.push(`${response.status} for the undecodable ${url.slice(0, 120)}`);
        if (jsonExpected && response.status !== 200 && !isJsonError(text)) failures.push(`${response.status} without a JSON error for ${url.slice(0, 120)}`);
      }
    }
    printFigures(`hostile input, API: ${sent} requests, ${failures.length} answered wrongly`);
    expect(failures).toEqual([]);
    expect(await counts(database)).toEqual(before);
  });

  it('renders every page for hostile parameters, NUL bytes included, without a 500 or a stack trace', async () => {
    const before = await counts(database);
    const failures: string[] = [];
    let sent = 0;
    for (const route of pageRoutes) {
      for (const value of [...hostileValues, ...preEncoded]) {
        const url = route(value);
        const response = await fetch(`${web.baseUrl}${url}`);
        const text = await response.text();
        sent += 1;
        if (![200, 400, 404].includes(response.status)) failures.push(`${response.status} ${url.slice(0, 120)}`);
        if (/\bat .+\.(ts|js):\d+|node_modules\/|invalid byte sequence/.test(text)) failures.push(`stack trace in ${url.slice(0, 120)}`);
      }
    }
    printFigures(`hostile input, pages: ${sent} requests, ${failures.length} answered wrongly`);
    expect(failures).toEqual([]);
    expect(await counts(database)).toEqual(before);
  });

  it('refuses a raw NUL byte in the request line and keeps serving', async () => {
    const raw = await rawGet(web.baseUrl, '/api/stations?system=a\0b');
    const rawPath = await rawGet(web.baseUrl, '/stations/hostile/s\0');
    // fetch keeps a valid %00 as it is: the server decodes it to a NUL byte in the parameter.
    const encoded = await fetch(`${web.baseUrl}/api/stations?system=a%00b`);
    printFigures(`hostile input, NUL byte: raw in query ${raw.status}, raw in path ${rawPath.status}, %00 in query ${encoded.status}`);
    expect(raw.status).toBe(400);
    expect(rawPath.status).toBe(400);
    expect(encoded.status).toBe(400);
    expect(await encoded.json()).toHaveProperty('error');
    expect((await fetch(`${web.baseUrl}/api/stations?system=hostile`)).status).toBe(200);
  });

  it('treats an injected system id as a plain unknown id', async () => {
    const response = await fetch(`${web.baseUrl}/api/stations?system=${encodeURIComponent("hostile' OR '1'='1")}`);
    expect(response.status).toBe(400);
    const known = await fetch(`${web.baseUrl}/api/stations?system=hostile`);
    expect(((await known.json()) as { stations: unknown[] }).stations).toHaveLength(1);
  });

  it('sets the security headers on every response, a script nonce on every page', async () => {
    for (const url of ['/', '/stations', '/systems', '/stations/hostile/s1', '/embed', '/api/stations?system=hostile', '/api/health']) {
      // A client cannot claim https for itself: only a trusted proxy's X-Forwarded-Proto counts.
      const response = await fetch(`${web.baseUrl}${url}`, { headers: { 'X-Forwarded-Proto': 'https' } });
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBeTruthy();
      expect(response.headers.get('permissions-policy'), url).toContain('camera=()');
      expect(response.headers.get('strict-transport-security'), `${url} over plain http`).toBeNull();
      if (url.startsWith('/api/')) {
        expect(policy, url).toBe("default-src 'none'; frame-ancestors 'none'");
        continue;
      }
      expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
      expect(policy, url).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(policy, url).toContain(url === '/embed' ? 'frame-ancestors *' : "frame-ancestors 'self'");
      expect(response.headers.get('x-frame-options'), url).toBe(url === '/embed' ? null : 'SAMEORIGIN');
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
