import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFigures } from '../support/change-audit';
import { clientFrom } from '../support/http-from';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const API = { RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '20' };
// Pages refill slowly (one every 10 s), so a slow machine rendering them cannot refill the budget mid-test.
const PAGES = { PAGE_RATE_LIMIT_PER_MINUTE: '6', PAGE_RATE_LIMIT_BURST: '5' };
const randomAddress = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('rate limits keyed on the socket (no trusted proxy)', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', ...API, ...PAGES });
  });
  afterAll(async () => {
    await web?.stop();
  });

  it('throttles 1,000 requests from one socket however X-Forwarded-For changes', async () => {
    const client = clientFrom('127.0.0.2');
    const started = Date.now();
    const statuses: number[] = [];
    const ports = new Set<number>();
    for (let index = 0; index < 1000; index += 1) {
      const response = await client.get(`${web.baseUrl}/api/systems`, { 'X-Forwarded-For': randomAddress(), 'X-Real-IP': randomAddress() });
      statuses.push(response.status);
      ports.add(response.localPort);
    }
    client.close();
    const seconds = (Date.now() - started) / 1000;
    const allowed = statuses.filter((status) => status === 200).length;
    const refused = statuses.filter((status) => status === 429).length;
    printFigures(`rate limit, 1,000 requests from one socket with random X-Forwarded-For: ${allowed} answered, ${refused} refused with 429 in ${seconds.toFixed(1)} s (burst 20, 1/s)`);
    expect(ports.size).toBe(1);
    expect(allowed + refused).toBe(1000);
    // The burst plus what refilled while the requests ran, never one budget per forged address.
    expect(allowed).toBeLessThanOrEqual(20 + Math.ceil(seconds) + 1);
  });

  it('keeps two loopback addresses apart, and answers 429 as JSON with Retry-After on every API route', async () => {
    const [first, second] = [clientFrom('127.0.0.3'), clientFrom('127.0.0.4')];
    const firstStatuses: number[] = [];
    for (let index = 0; index < 30; index += 1) firstStatuses.push((await first.get(`${web.baseUrl}/api/stations`)).status);
    const limited = await first.get(`${web.baseUrl}/api/stations/none/s1/history`);
    const other = await second.get(`${web.baseUrl}/api/systems`);
    first.close();
    second.close();
    printFigures(`rate limit, two loopback clients: 127.0.0.3 refused ${firstStatuses.filter((status) => status === 429).length} of 30, then 127.0.0.4 answered ${other.status}`);
    expect(firstStatuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited.body)).toEqual({ error: 'too many requests; slow down' });
    expect(other.status).toBe(200);
  });

  it('never throttles /api/health, and gives pages their own budget', async () => {
    const client = clientFrom('127.0.0.5');
    // The API budget spent first: pages and health must not care.
    for (let index = 0; index < 25; index += 1) await client.get(`${web.baseUrl}/api/systems`);
    expect((await client.get(`${web.baseUrl}/api/systems`)).status).toBe(429);
    const health: number[] = [];
    const checks = new Set<string>();
    const healthStarted = Date.now();
    for (let index = 0; index < 100; index += 1) {
      const response = await client.get(`${web.baseUrl}/api/health`);
      health.push(response.status);
      checks.add((JSON.parse(response.body) as { checkedAt: string }).checkedAt);
    }
    const healthSeconds = (Date.now() - healthStarted) / 1000;
    const pages: number[] = [];
    for (let index = 0; index < 12; index += 1) pages.push((await client.get(`${web.baseUrl}/systems`)).status);
    const page = await client.get(`${web.baseUrl}/stations`);
    client.close();
    printFigures(
      `rate limit, one client with its API budget spent: /api/health answered ${health.filter((status) => status !== 429).length} of 100 ` +
        `from ${checks.size} database checks in ${healthSeconds.toFixed(1)} s; ` +
        `pages answered ${pages.filter((status) => status === 200).length} of 12, refused ${pages.filter((status) => status === 429).length} (page burst 5)`,
    );
    expect(health.filter((status) => status === 429)).toEqual([]);
    // Unlimited, but never more than one check of the database a second, each saying when it was made.
    expect([...checks].every((at) => !Number.isNaN(Date.parse(at)))).toBe(true);
    expect(checks.size).toBeLessThanOrEqual(Math.ceil(healthSeconds) + 1);
    expect(pages.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(pages.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(page.status).toBe(429);
    expect(page.headers['content-type']).toContain('text/plain');
    expect(Number(page.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(page.body).toMatch(/too many requests/i);
  });
});

describe('rate limits behind one trusted proxy (TRUSTED_PROXY_HOPS=1)', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', TRUSTED_PROXY_HOPS: '1', ...API, ...PAGES });
  });
  afterAll(async () => {
    await web?.stop();
  });

  it('keys clients by the right-most X-Forwarded-For entry, whatever the client wrote to its left', async () => {
    const proxy = clientFrom('127.0.0.6');
    const spoofing: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      spoofing.push((await proxy.get(`${web.baseUrl}/api/systems`, { 'X-Forwarded-For': `${randomAddress()}, 203.0.113.50` })).status);
    }
    const neighbour = await proxy.get(`${web.baseUrl}/api/systems`, { 'X-Forwarded-For': '203.0.113.51' });
    proxy.close();
    const allowed = spoofing.filter((status) => status === 200).length;
    printFigures(`rate limit behind one proxy: 203.0.113.50 with 60 forged left-hand entries answered ${allowed} of 60; 203.0.113.51 answered ${neighbour.status}`);
    expect(allowed).toBeLessThanOrEqual(25);
    expect(spoofing.filter((status) => status === 429).length).toBeGreaterThanOrEqual(35);
    expect(neighbour.status).toBe(200);
  });

  it('sends Strict-Transport-Security only when the trusted proxy says the client came over https', async () => {
    const proxy = clientFrom('127.0.0.7');
    const https = await proxy.get(`${web.baseUrl}/systems`, { 'X-Forwarded-For': '203.0.113.60', 'X-Forwarded-Proto': 'https' });
    const http = await proxy.get(`${web.baseUrl}/systems`, { 'X-Forwarded-For': '203.0.113.60', 'X-Forwarded-Proto': 'http' });
    proxy.close();
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});
