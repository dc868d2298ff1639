import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { matchesIfNoneMatch } from './server';
import { startSimulator, type RunningSimulator } from './start';
import { recordingLogger, writeReplayFixture } from './test-support';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchRaw(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const json = async (url: string) => JSON.parse((await fetchRaw(url)).body) as Record<string, unknown>;

describe('simulator server', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const start = async (options: Parameters<typeof startSimulator>[0]): Promise<RunningSimulator> => {
    const simulator = await startSimulator({ port: 0, log: recordingLogger(), ...options });
    cleanups.push(() => simulator.close());
    return simulator;
  };
  const replay = async (interval: number) => {
    const fixture = await writeReplayFixture('bergen');
    cleanups.push(fixture.remove);
    return start({ from: fixture.dir, interval });
  };

  it('serves every feed as JSON marked as simulated, with the interval as ttl', async () => {
    const simulator = await start({ interval: 7, stations: 20 });
    expect(simulator.url).toBe(`http://127.0.0.1:${simulator.port}/gbfs.json`);
    const discovery = await fetchRaw(simulator.url);
    expect(discovery.headers).toMatchObject({
      'content-type': 'application/json',
      'cache-control': 'no-cache',
      'x-gbfs-simulator': 'bikestream',
      etag: expect.stringMatching(/^".+"$/),
    });
    const feeds = (JSON.parse(discovery.body) as { data: { en: { feeds: { name: string; url: string }[] } } }).data.en.feeds;
    expect(feeds.map((f) => f.name)).toEqual(['system_information', 'station_information', 'station_status', 'vehicle_types']);
    for (const feed of feeds) expect(await json(feed.url)).toMatchObject({ ttl: 7, version: '2.3' });
    expect(await json(`${simulator.baseUrl}/_simulator/state`)).toMatchObject({ mode: 'synthetic', snapshotIndex: 0 });
  });

  it('serves a 1.1 city without vehicle_types.json and a 3.0 city with RFC 3339 times, each under its own system id', async () => {
    const legacy = await start({ stations: 5, gbfsVersion: '1.1', systemId: 'old-town' });
    expect(legacy.description).toBe('synthetic, GBFS 1.1');
    expect((await fetchRaw(`${legacy.baseUrl}/vehicle_types.json`)).status).toBe(404);
    expect(await json(`${legacy.baseUrl}/system_information.json`)).toMatchObject({ data: { system_id: 'old-town', name: 'Simulated City (old-town)' } });
    const modern = await start({ stations: 5, gbfsVersion: '3.0', systemId: 'new-town' });
    expect(await json(`${modern.baseUrl}/station_status.json`)).toMatchObject({ version: '3.0', last_updated: expect.stringMatching(/Z$/) });
    expect((await fetchRaw(`${modern.baseUrl}/vehicle_types.json`)).status).toBe(200);
  });

  it('builds feed URLs from the Host header the client used', async () => {
    const simulator = await start({ stations: 5 });
    const reply = await fetchRaw(simulator.url, { headers: { Host: 'feeds.example:9000' } });
    expect(reply.body).toContain('"url":"http://feeds.example:9000/station_status.json"');
  });

  it('answers unknown paths with 404 JSON and other methods with 405', async () => {
    const simulator = await start({ stations: 5 });
    const missing = await fetchRaw(`${simulator.baseUrl}/free_bike_status.json`);
    expect([missing.status, JSON.parse(missing.body)]).toEqual([404, { error: 'not found', path: '/free_bike_status.json' }]);
    const post = await fetchRaw(simulator.url, { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('answers 304 to an unchanged ETag, and HEAD and 304 do not move the replay on', async () => {
    const simulator = await replay(10);
    const first = await fetchRaw(`${simulator.baseUrl}/station_information.json`);
    const etag = String(first.headers.etag);
    const again = await fetchRaw(`${simulator.baseUrl}/station_information.json`, { headers: { 'If-None-Match': etag } });
    expect([again.status, again.body]).toEqual([304, '']);
    const head = await fetchRaw(`${simulator.baseUrl}/station_status.json`, { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', expect.any(String)]);
    expect(await json(`${simulator.baseUrl}/_simulator/state`)).toMatchObject({ snapshotIndex: 0, snapshotCount: 3 });
  });

  it('with --interval 0 replays one snapshot per GET of station_status.json, conditional or not', async () => {
    const simulator = await replay(0);
    const status = `${simulator.baseUrl}/station_status.json`;
    await fetchRaw(status, { method: 'HEAD' });
    const first = await fetchRaw(status);
    expect(JSON.parse(first.body)).toMatchObject({ version: '3.0', ttl: 0 });
    const second = await fetchRaw(status, { headers: { 'If-None-Match': String(first.headers.etag) } });
    expect([second.status, JSON.parse(second.body)]).toEqual([200, expect.objectContaining({ last_updated: '200' })]);
    const third = await fetchRaw(status);
    const fourth = await fetchRaw(status, { headers: { 'If-None-Match': String(third.headers.etag) } });
    expect(fourth.status).toBe(304);
    expect(await json(`${simulator.baseUrl}/_simulator/state`)).toEqual({
      mode: 'replay',
      snapshotIndex: 2,
      snapshotCount: 3,
      lastUpdated: 300,
    });
    expect(await json(`${simulator.baseUrl}/system_information.json`)).toMatchObject({
      last_updated: 300,
      data: { system_id: 'bergen', name: 'Bergen (replay)' },
    });
  });

  it('with --interval 0 moves the synthetic city one tick per GET, with a new last_updated each time', async () => {
    const simulator = await start({ interval: 0, stations: 30 });
    const status = `${simulator.baseUrl}/station_status.json`;
    const bodies = [];
    for (let fetch = 0; fetch < 4; fetch++) bodies.push((await fetchRaw(status)).body);
    expect(new Set(bodies).size).toBe(4);
    const times = bodies.map((body) => (JSON.parse(body) as { last_updated: number }).last_updated);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(4);
    expect(await json(`${simulator.baseUrl}/_simulator/state`)).toMatchObject({ snapshotIndex: 3, snapshotCount: null });
  });
});

describe('matchesIfNoneMatch', () => {
  it('accepts lists, weak tags and *', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});
