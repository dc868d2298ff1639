import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChangeJson } from '../../lib/api/api-types';
import { parseStoreNotice, STORE_CHANNEL, type StoreNotice } from '../../lib/stream/store-notice';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { printFigures } from '../support/change-audit';
import { pipelineEnv, startPipeline, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { openStream, type OpenStream } from '../support/sse-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

const STATIONS = 40;
const changeKey = (change: ChangeJson) => `${change.reportedAt}/${change.stationId}`;
const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? NaN;

describe('live stream: consumer commit → NOTIFY → /api/stream', () => {
  let database: TestDatabase;
  let simulator: RunningSimulator;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;
  let listener: Client;
  const commits: { notice: StoreNotice; at: number }[] = [];
  const streams: OpenStream[] = [];
  const open = async (query = '?system=bikestream-sim', options: Parameters<typeof openStream>[1] = {}) => {
    const stream = await openStream(`${web.baseUrl}/api/stream${query}`, options);
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // What the consumer commits, timed by a LISTEN of the test's own: PostgreSQL delivers a
    // notification right after the transaction that sent it commits.
    listener = new Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => {
      const notice = parseStoreNotice(message.payload);
      if (notice) commits.push({ notice, at: performance.now() });
    });
    await listener.query(`LISTEN ${STORE_CHANNEL}`);
    simulator = await startSimulator({ interval: 1, stations: STATIONS, seed: 23, port: 0 });
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: simulator.url });
    workers = startPipeline(env);
    web = await startWeb({ ...env, RATE_LIMIT_PER_MINUTE: '0' });
    await waitFor('the simulated system to be stored', async () => (await getJson(`${web.baseUrl}/api/stations?system=bikestream-sim`)).status === 200, 60_000);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await listener?.end();
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await simulator?.close();
    await database?.drop();
  });

  it('pushes each committed change within 1 s of its commit, in the /api/changes item shape', async () => {
    const stream = await open();
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
    expect(stream.headers['content-encoding']).toBeUndefined();
    await waitFor('30 pushed changes', async () => stream.events.filter((event) => event.event === 'change').length >= 30, 60_000);

    const latencies = stream.events
      .filter((event) => event.event === 'change')
      .map((event) => {
        const change = JSON.parse(event.data) as ChangeJson;
        const at = Date.parse(change.reportedAt);
        // The first commit that holds the change's report time: a feed update split over several
        // partitions commits as several batches, so this may be an earlier one (the figure errs long).
        const commit = commits.find(({ notice }) => notice.kind === 'status' && Date.parse(notice.from) <= at && at <= Date.parse(notice.to));
        if (!commit) throw new Error(`no commit announced for the change ${changeKey(change)}`);
        return event.at - commit.at;
      });
    printFigures(`live stream, ${latencies.length} changes: commit → event p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(percentile(latencies, 0.95)).toBeLessThanOrEqual(1_000);

    const pushed = stream.events.filter((event) => event.event === 'change').map((event) => JSON.parse(event.data) as ChangeJson);
    const { body } = await getJson<{ changes: ChangeJson[] }>(`${web.baseUrl}/api/changes?system=bikestream-sim&limit=1000`);
    const listed = new Map(body.changes.map((change) => [changeKey(change), change]));
    for (const change of pushed) expect(listed.get(changeKey(change))).toEqual(change);
    // Every event has a resumable id; station and system events arrive beside the changes.
    expect(stream.events.filter((event) => event.event !== 'reset').every((event) => /^[a-z0-9]+\.\d+$/.test(event.id ?? ''))).toBe(true);
    expect(stream.events.some((event) => event.event === 'station')).toBe(true);
    const system = stream.events.findLast((event) => event.event === 'system');
    const systemData = JSON.parse(system?.data ?? '{}') as { system: { systemId: string }; totals: { stations: number } };
    expect(systemData.system.systemId).toBe('bikestream-sim');
    expect(systemData.totals.stations).toBe(STATIONS);
  });

  it('resumes with Last-Event-ID: exactly the events missed while away, no gap, no repeat', async () => {
    const reference = await open();
    const first = await open();
    await first.next((event) => event.event === 'change', 30_000);
    const lastSeen = first.events.at(-1)?.id;
    first.close();
    const missedFrom = reference.events.length;
    await waitFor('five changes while away', async () => reference.events.slice(missedFrom).filter((event) => event.event === 'change').length >= 5, 30_000);

    const resumed = await open('?system=bikestream-sim', { headers: { 'Last-Event-ID': lastSeen ?? '' } });
    const target = reference.events.at(-1)?.id;
    await waitFor('the resumed stream to catch up', async () => resumed.events.some((event) => event.id === target), 30_000);
    const lastSeq = Number(lastSeen?.split('.')[1]);
    const targetSeq = Number(target?.split('.')[1]);
    const within = (events: OpenStream['events']) =>
      events.filter((event) => event.id && Number(event.id.split('.')[1]) > lastSeq && Number(event.id.split('.')[1]) <= targetSeq).map((event) => `${event.id} ${event.event} ${event.data}`);
    printFigures(`live stream resume: ${within(resumed.events).length} events replayed after ${lastSeen}`);
    expect(resumed.events.some((event) => event.event === 'reset')).toBe(false);
    expect(within(resumed.events)).toEqual(within(reference.events));
    expect(within(resumed.events).length).toBeGreaterThanOrEqual(5);
  });

  it('answers a Last-Event-ID it cannot resume from (garbage, huge, another process) with a reset, not an error', async () => {
    for (const header of ['garbage', 'x'.repeat(5_000), 'zzzz.5', 'abc.99999999999999999999', '-1']) {
      const stream = await open('?system=bikestream-sim', { headers: { 'Last-Event-ID': header } });
      expect(stream.status).toBe(200);
      await waitFor('the first event', async () => stream.events.length > 0, 5_000);
      expect(stream.events[0]?.event).toBe('reset');
      stream.close();
    }
  });

  it('refuses hostile query strings and methods with clear JSON errors, never a stream', async () => {
    const cases: [string, number, RegExp][] = [
      ['?system=%3Cscript%3E', 400, /system: unexpected characters/],
      [`?system=${'a'.repeat(500)}`, 400, /system/],
      ['?system=bikestream-sim&system=other', 400, /given more than once/],
      ['?system=no-such-system', 404, /unknown system/],
      ['?system=%00', 400, /system/],
    ];
    for (const [query, status, message] of cases) {
      const stream = await open(query);
      expect(stream.status, query).toBe(status);
      expect(stream.headers['content-type']).toBe('application/json');
      await waitFor('the error body', async () => stream.body().length > 0, 5_000);
      expect((JSON.parse(stream.body()) as { error: string }).error).toMatch(message);
    }
    const post = await fetch(`${web.baseUrl}/api/stream?system=bikestream-sim`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('holds one client to 8 streams (429 beyond), others unaffected, and frees a slot when a stream closes', async () => {
    const mine = await Promise.all(Array.from({ length: 8 }, () => open('?system=bikestream-sim', { localAddress: '127.0.0.7' })));
    expect(mine.map((stream) => stream.status)).toEqual(Array(8).fill(200));
    const ninth = await open('?system=bikestream-sim', { localAddress: '127.0.0.7' });
    expect(ninth.status).toBe(429);
    expect(Number(ninth.headers['retry-after'])).toBeGreaterThan(0);
    await waitFor('the 429 body', async () => ninth.body().length > 0, 5_000);
    expect((JSON.parse(ninth.body()) as { error: string }).error).toMatch(/at most 8 live streams/);
    expect((await open('?system=bikestream-sim', { localAddress: '127.0.0.8' })).status).toBe(200);
    mine[0]?.close();
    await waitFor('a slot to be freed', async () => {
      const again = await open('?system=bikestream-sim', { localAddress: '127.0.0.7' });
      again.close();
      return again.status === 200;
    }, 5_000);
  });

  it('frees every slot when 100 streams are opened and dropped', async () => {
    for (let round = 0; round < 100; round += 8) {
      const batch = await Promise.all(Array.from({ length: 8 }, () => open('?system=bikestream-sim', { localAddress: '127.0.0.9' })));
      expect(batch.every((stream) => stream.status === 200)).toBe(true);
      for (const stream of batch) stream.close();
      await waitFor('the slots to be freed', async () => {
        const probe = await open('?system=bikestream-sim', { localAddress: '127.0.0.9' });
        probe.close();
        return probe.status === 200;
      }, 5_000);
    }
  });
});
