import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesResponse, StationsResponse } from '../../lib/api/api-types';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const STATIONS = 300;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP GET (fetch would decode the body and hide how it was sent). */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

// The two routes every dashboard polls: each shared body is gzipped once, on the Node response.
const ROUTES = [
  { path: '/api/stations', items: (body: unknown) => (body as StationsResponse).stations.length, expected: STATIONS },
  { path: '/api/changes', items: (body: unknown) => (body as ChangesResponse).changes.length, expected: 50 },
];

describe.each(ROUTES)('$path, gzipped once and shared', ({ path, items, expected }) => {
  let database: TestDatabase;
  let web: RunningWeb;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const now = new Date();
    await upsertSystems(database.db, [
      { systemId: 'big', name: 'Big City', timezone: 'UTC', language: 'en', operator: null, licenseUrl: null, feedUrl: 'http://127.0.0.1/gbfs.json', ttlSeconds: 10, simulated: true, statusUpdatedAt: now, polledAt: now },
    ]);
    const ids = Array.from({ length: STATIONS }, (_, index) => `s${index}`);
    await upsertStationInformation(database.db, ids.map((stationId, index) => ({ systemId: 'big', stationId, name: `Street ${index}`, address: null, lat: 59.9, lon: 10.7, capacity: 20, seenAt: now })));
    // Two reports a station, the second with one bike fewer: a change at every station.
    const rows = (reportedAt: Date, taken: number) =>
      ids.map((stationId, index) => ({ systemId: 'big', stationId, reportedAt, bikes: (index % 20) + 1 - taken, ebikes: 0, docks: 19 - (index % 20) + taken, isInstalled: true, isRenting: true, isReturning: true }));
    await database.db.transaction((tx) => storeStationStatuses(tx, rows(new Date(now.getTime() - 60_000), 0)));
    await database.db.transaction((tx) => storeStationStatuses(tx, rows(now, 1)));
    web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0' });
    url = `${web.baseUrl}${path}?system=big`;
  });

  afterAll(async () => {
    await web?.stop();
    await database?.drop();
  });

  it('sends gzip to a browser and the same JSON plain to a client that cannot take it', async () => {
    const [zipped, plain, refused] = await Promise.all([
      rawGet(url, { 'accept-encoding': 'gzip, deflate, br' }),
      rawGet(url, { 'accept-encoding': 'identity' }),
      rawGet(url, { 'accept-encoding': 'gzip;q=0' }),
    ]);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 4);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(items(JSON.parse(plain.body.toString('utf8')))).toBe(expected);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.byteLength);
  });

  it('answers a poll with the ETag it already has with an empty 304', async () => {
    // The body moves on each second (feedAgeSeconds), so a poll may straddle a new body: try a few.
    let answer: Raw | undefined;
    for (let attempt = 0; attempt < 5 && answer?.status !== 304; attempt += 1) {
      const first = await rawGet(url, { 'accept-encoding': 'gzip' });
      answer = await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
      if (answer.status === 200) expect(answer.headers.etag).not.toBe(first.headers.etag);
    }
    expect(answer?.status).toBe(304);
    expect(answer?.body.byteLength).toBe(0);
  });

  it('keeps the API errors as plain JSON', async () => {
    const unknown = await rawGet(`${web.baseUrl}${path}?system=nowhere`, {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8'))).toEqual({ error: 'unknown system `nowhere`' });
    const post = await new Promise<number>((resolve, reject) => {
      const request = get(url, { method: 'POST' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(post).toBe(405);
  });
});
