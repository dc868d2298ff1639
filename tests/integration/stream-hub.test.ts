import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { upsertSystems } from '../../lib/queries/ingest';
import { notifyStored } from '../../lib/queries/store-notify';
import { createLogger } from '../../lib/runtime/log';
import { startStoreListener, type StoreListener } from '../../lib/stream/store-listener';
import { createStreamHub, type StreamHub } from '../../lib/stream/stream-hub';
import { writeBatch } from '../../workers/consumer/write-batch';
import { createStreamRoute } from '../../server/stream-route';
import { waitFor } from '../support/processes';
import { openStream } from '../support/sse-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { asWebRole } from '../support/web';

const SYSTEM = 'hub-city';
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
const report = (stationId: string, reportedAt: Date, bikes: number) => ({
  systemId: SYSTEM,
  stationId,
  reportedAt,
  bikes,
  ebikes: null,
  docks: 10 - bikes,
  isInstalled: true,
  isRenting: true,
  isReturning: true,
});

// The hub and the route in this process, on a plain node:http server, against a real PostgreSQL
// and the consumer's own write path: what server/index.ts wires, minus Next.js.
describe('stream hub in process', () => {
  let database: TestDatabase;
  let hub: StreamHub;
  let listener: StoreListener;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const now = new Date();
    await upsertSystems(database.db, [
      { systemId: SYSTEM, name: 'Hub City', timezone: 'Europe/Oslo', language: 'en', operator: null, licenseUrl: null, feedUrl: 'http://127.0.0.1/gbfs.json', ttlSeconds: 10, simulated: true, statusUpdatedAt: now, polledAt: now },
    ]);
    await writeBatch(database.db, { kind: 'stationStatus', rows: [report('s1', new Date(now.getTime() - 60_000), 2), report('s2', new Date(now.getTime() - 60_000), 5)] });
    const log = createLogger('stream-test', 'error');
    hub = createStreamHub({ db: database.db, heartbeatSeconds: 300, log, pingIntervalMs: 200 });
    listener = startStoreListener(asWebRole(database.url), { notice: hub.notice, lost: hub.closeAll, resumed: hub.resumed }, log);
    await waitFor('the listener', async () => listener.isListening(), 10_000);
    const route = createStreamRoute({ hub, db: database.db, log, perClient: 200, maxStreams: 150, ready: listener.isListening });
    server = createServer((request, response) => {
      if (!route(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stream?system=${SYSTEM}`;
  });

  afterAll(async () => {
    await listener?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await database?.drop();
  });

  it('pushes what a batch committed, and nothing for a transaction that rolled back', async () => {
    const stream = await openStream(url);
    onTestFinished(() => stream.close());
    expect(stream.status).toBe(200);
    await waitFor('the subscription', async () => hub.stats().streams === 1, 5_000);
    await database.db
      .transaction(async (tx) => {
        await notifyStored(tx, [{ kind: 'status', system: SYSTEM, from: new Date(0).toISOString(), to: new Date().toISOString() }]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const at = new Date();
    await writeBatch(database.db, { kind: 'stationStatus', rows: [report('s1', at, 7)] });
    const named = (name: string) => stream.events.filter((event) => event.event === name).map((event) => JSON.parse(event.data) as Record<string, unknown>);
    await waitFor('the change, its station and the system', async () => named('system').length > 0, 5_000);
    expect(named('change')).toEqual([expect.objectContaining({ systemId: SYSTEM, stationId: 's1', bikes: 7, prevBikes: 2, reportedAt: at.toISOString() })]);
    // One commit, one read: the rolled-back notice was never delivered. Only s1 moved: s2 is not sent again.
    expect(named('system')).toHaveLength(1);
    expect(named('station')).toEqual([expect.objectContaining({ stationId: 's1', bikes: 7 })]);
    // The classifier decides its cause: the change comes again, now with it.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO change_cause (system_id, station_id, reported_at, cause, settled, rule, classified_at)
        VALUES (${SYSTEM}, 's1', ${at.toISOString()}::timestamptz, 'riders', true, 'test', now())`);
      await notifyStored(tx, [{ kind: 'causes', system: SYSTEM, from: at.toISOString(), to: at.toISOString() }]);
    });
    await waitFor('the change with its cause', async () => named('change').length === 2, 5_000);
    expect(named('change')[1]).toMatchObject({ stationId: 's1', reportedAt: at.toISOString(), cause: 'riders' });
    await waitFor('a ping', async () => stream.comments() > 0, 5_000);
    stream.close();
    await waitFor('the stream to be gone', async () => hub.stats().streams === 0, 5_000);
  });

  it('holds no stream, system feed or timer once 100 opened streams are dropped', async () => {
    const before = timers();
    const streams = await Promise.all(Array.from({ length: 100 }, () => openStream(url)));
    onTestFinished(() => streams.forEach((stream) => stream.close()));
    expect(streams.every((stream) => stream.status === 200)).toBe(true);
    await waitFor('100 subscriptions', async () => hub.stats().streams === 100, 5_000);
    expect(hub.stats()).toEqual({ streams: 100, systems: 1, pinging: true });
    for (const stream of streams) stream.close();
    await waitFor('every stream to be gone', async () => hub.stats().streams === 0, 5_000);
    expect(hub.stats()).toEqual({ streams: 0, systems: 0, pinging: false });
    const connections = await new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    expect(connections).toBe(0);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('ends its streams when it stops hearing the database, and streams again once the listener is back', async () => {
    const stream = await openStream(url);
    onTestFinished(() => stream.close());
    await waitFor('the subscription', async () => hub.stats().streams === 1, 5_000);
    await database.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bikestream-web-listen' AND datname = current_database()`);
    // Ended, so the page's EventSource reconnects, and polls while it is refused.
    await waitFor('the stream to be ended', async () => stream.ended(), 5_000);
    await waitFor('the listener to be back', async () => listener.isListening(), 15_000);
    const again = await openStream(url);
    onTestFinished(() => again.close());
    expect(again.status).toBe(200);
    await waitFor('the new subscription', async () => hub.stats().streams === 1, 5_000);
    const at = new Date();
    await writeBatch(database.db, { kind: 'stationStatus', rows: [report('s2', at, 1)] });
    await waitFor('the change after the outage', async () => again.events.some((event) => event.event === 'change' && (JSON.parse(event.data) as { stationId: string }).stationId === 's2'), 5_000);
  });

  it('answers 503 past the process-wide limit, and lets streams in again once under it', async () => {
    const streams = await Promise.all(Array.from({ length: 150 }, () => openStream(url)));
    onTestFinished(() => streams.forEach((stream) => stream.close()));
    const over = await openStream(url);
    expect(over.status).toBe(503);
    streams[0]?.close();
    await waitFor('a slot', async () => {
      const again = await openStream(url);
      again.close();
      return again.status === 200;
    }, 5_000);
    for (const stream of streams) stream.close();
  });
});
