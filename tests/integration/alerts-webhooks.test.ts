import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBus } from '../../lib/kafka/client';
import { topicNames } from '../../lib/kafka/topics';
import { pipelineEnv, startPipeline, type PipelineEnv } from '../support/pipeline';
import { startProcess, waitFor, type RunningProcess } from '../support/processes';
import { startScriptedFeed, type ScriptedFeed } from '../support/scripted-feed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { watchProcess, type WatchedProcess } from '../support/watched-process';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver';

const SYSTEM = 'alertcity';
const SECRET = 'shared-secret-of-the-receiver';
const T0 = Math.floor(Date.now() / 1000) - 600;
const at = (minutes: number) => T0 + minutes * 60;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

interface WebhookBody {
  alert: string;
  station: string;
  state: 'started' | 'ended';
  startedAt: string;
  at: string;
  bikes: number;
}

/** The writers' role the workers run as in production (trust auth in tests). */
function asConsumerRole(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = 'bikestream_consumer';
  return url.toString();
}

describe('webhook alerts through the real pipeline', () => {
  let database: TestDatabase;
  let feed: ScriptedFeed;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let alerts: WatchedProcess;
  let receiver: WebhookReceiver;
  let folder: string;
  const bikes: Record<string, { at: number; bikes: number }> = { a: { at: at(0), bikes: 3 }, b: { at: at(0), bikes: 3 }, c: { at: at(0), bikes: 3 } };

  const alertsEnv = () => ({
    ...env,
    DATABASE_URL: asConsumerRole(env.DATABASE_URL),
    ALERTS_FILE: path.join(folder, 'alerts.json'),
    KAFKA_ALERTS_GROUP: `${env.KAFKA_CONSUMER_GROUP}-alerts`,
    ALERTS_RETRY_BASE_MS: '300',
    ALERTS_RETRY_CAP_SECONDS: '2',
    // A killed member's partitions go to its successor after this, not the default 30 s.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    // Silent after 61 s of feed time (a heartbeat and a minute), so the scripted minutes show it.
    HEARTBEAT_SECONDS: '1',
  });
  const startAlerts = () => watchProcess(startProcess('alerts', process.execPath, ['--import', 'tsx', path.join('workers', 'alerts', 'index.ts')], alertsEnv()));

  const showStatus = () => {
    feed.stations.status = Object.entries(bikes).map(([id, state]) => ({
      station_id: id, num_bikes_available: state.bikes, num_docks_available: 10 - state.bikes, is_installed: true, is_renting: true, is_returning: true, last_reported: state.at,
    }));
  };

  const report = async (stationId: string, seconds: number, count: number) => {
    bikes[stationId] = { at: seconds, bikes: count };
    showStatus();
    await waitFor(`${stationId}'s report of ${iso(seconds)} stored`, async () => {
      const result = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_status WHERE system_id = ${SYSTEM} AND station_id = ${stationId} AND reported_at = ${iso(seconds)}::timestamptz`);
      return result.rows[0]?.n === 1;
    }, 60_000);
  };

  const bodies = (path: string, status?: number) =>
    receiver.received.filter((hook) => hook.path === path && (status === undefined || hook.status === status)).map((hook) => JSON.parse(hook.body) as WebhookBody);
  const summary = (hooks: WebhookBody[]) => hooks.map((hook) => `${hook.station} ${hook.state} ${hook.startedAt}`);

  /** Until every stored transition has been delivered and marked so (the receiver answers before the mark). */
  const allDelivered = () =>
    waitFor('every delivery marked', async () => {
      const result = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM alert_delivery WHERE status <> 'delivered'`);
      return result.rows[0]?.n === 0;
    }, 30_000);

  /** Until the alerts group has committed the whole status topic. */
  const alertsCaughtUp = async () => {
    const bus = await createBus({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'bikestream-test-alerts-lag', quiet: true });
    const admin = bus.inspector();
    await admin.connect();
    try {
      const topic = topicNames(env.KAFKA_TOPIC_PREFIX).stationStatus;
      await waitFor('the alerts worker to catch up', async () => {
        const committed = await admin.groupOffsets(alertsEnv().KAFKA_ALERTS_GROUP, [topic]);
        const ends = await admin.topicOffsets(topic);
        return ends.every((end) => Number(committed.find((entry) => entry.partition === end.partition)?.offset ?? -1) >= Number(end.high) || end.high === '0');
      }, 60_000, 300);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startWebhookReceiver();
    folder = await mkdtemp(path.join(tmpdir(), 'bikestream-alerts-'));
    await writeFile(
      path.join(folder, 'alerts.json'),
      JSON.stringify([
        { id: 'a-empty', system: SYSTEM, stations: ['a'], when: 'empty', url: `${receiver.baseUrl}/ok`, secret: SECRET },
        { id: 'b-empty', system: SYSTEM, stations: ['b'], when: 'empty', url: `${receiver.baseUrl}/flaky`, secret: SECRET },
        { id: 'c-silent', system: SYSTEM, stations: ['c'], when: 'not_reporting', url: `${receiver.baseUrl}/silent`, secret: SECRET },
      ]),
    );
    feed = await startScriptedFeed(SYSTEM);
    feed.stations.information = ['a', 'b', 'c'].map((id, index) => ({ station_id: id, name: `Station ${id}`, lat: 59.91 + index / 1000, lon: 10.75, capacity: 10 }));
    showStatus();
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: feed.url });
    workers = startPipeline(env);
    await report('a', at(0), 3);
    alerts = startAlerts();
    await alerts.waitForLine(/alerts started/, 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), alerts?.stop()]);
    await feed?.close();
    await receiver?.close();
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('posts one signed "started" and one "ended" per empty spell, with the transition as its Idempotency-Key', async () => {
    await report('a', at(1), 0);
    await report('a', at(3), 2);
    await waitFor('both webhooks', async () => bodies('/ok').length >= 2, 60_000);
    await alertsCaughtUp();
    expect(summary(bodies('/ok'))).toEqual([`a started ${iso(at(1))}`, `a ended ${iso(at(1))}`]);
    const [started, ended] = receiver.received.filter((hook) => hook.path === '/ok') as [ReceivedWebhook, ReceivedWebhook];
    for (const hook of [started, ended]) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`;
      expect(hook.headers['x-bikestream-signature']).toBe(expected);
      expect(hook.headers['content-type']).toBe('application/json');
    }
    expect(started.headers['idempotency-key']).toBe(`a-empty/${SYSTEM}/a/${encodeURIComponent(iso(at(1)))}/started`);
    expect(ended.headers['idempotency-key']).toBe(`a-empty/${SYSTEM}/a/${encodeURIComponent(iso(at(1)))}/ended`);
    expect(JSON.parse(started.body)).toEqual({ alert: 'a-empty', system: SYSTEM, station: 'a', when: 'empty', threshold: null, state: 'started', startedAt: iso(at(1)), at: iso(at(1)), bikes: 0, docks: 10 });
    expect(JSON.parse(ended.body)).toMatchObject({ state: 'ended', startedAt: iso(at(1)), at: iso(at(3)), bikes: 2 });
  });

  it('delivers to a receiver that fails twice, on the third attempt, with the same bytes and key each time', async () => {
    receiver.failNext('/flaky', 2);
    await report('b', at(4), 0);
    await waitFor('the third attempt', async () => bodies('/flaky', 204).length === 1, 60_000);
    const attempts = receiver.received.filter((hook) => hook.path === '/flaky');
    expect(attempts.map((hook) => hook.status)).toEqual([500, 500, 204]);
    expect(new Set(attempts.map((hook) => hook.body)).size).toBe(1);
    expect(new Set(attempts.map((hook) => hook.headers['idempotency-key'])).size).toBe(1);
    await allDelivered();
    const row = await database.db.execute<{ status: string; attempts: number }>(sql`SELECT status, attempts FROM alert_delivery WHERE alert_id = 'b-empty'`);
    expect(row.rows).toEqual([{ status: 'delivered', attempts: 3 }]);
  });

  it('sends nothing again after a kill -9 and a restart, and sends what happened while it was down exactly once', async () => {
    await waitFor('the silence of c', async () => bodies('/silent').length >= 1, 60_000);
    await alertsCaughtUp();
    await allDelivered();
    const before = receiver.received.length;
    await alerts.kill();
    await report('a', at(5), 0);
    alerts = startAlerts();
    await alerts.waitForLine(/alerts started/, 60_000);
    await waitFor('the new empty spell', async () => bodies('/ok').length >= 3, 60_000);
    await alertsCaughtUp();
    // A moment for anything that would be sent twice to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(summary(bodies('/ok'))).toEqual([`a started ${iso(at(1))}`, `a ended ${iso(at(1))}`, `a started ${iso(at(5))}`]);
    expect(receiver.received.length).toBe(before + 1);
  });

  it('tells when a station stops reporting while its system goes on, once, and when it reports again', async () => {
    expect(summary(bodies('/silent'))).toEqual([`c started ${iso(at(0))}`]);
    expect(bodies('/silent')[0]).toMatchObject({ when: 'not_reporting', at: iso(at(3)), bikes: 3 });
    await report('c', at(6), 4);
    await waitFor('the end of the silence', async () => bodies('/silent').length >= 2, 60_000);
    expect(summary(bodies('/silent'))).toEqual([`c started ${iso(at(0))}`, `c ended ${iso(at(0))}`]);
    expect(bodies('/silent')[1]).toMatchObject({ at: iso(at(6)), bikes: 4 });
  });

  it('refuses a bad ALERTS_FILE at start with one line naming the alert and the field', async () => {
    const bad = path.join(folder, 'bad.json');
    await writeFile(bad, JSON.stringify([{ id: 'low', system: SYSTEM, stations: ['a'], when: 'bikes_below', url: `${receiver.baseUrl}/ok`, secret: SECRET }]));
    const worker = startProcess('alerts-bad', process.execPath, ['--import', 'tsx', path.join('workers', 'alerts', 'index.ts')], { ...alertsEnv(), ALERTS_FILE: bad });
    expect(await worker.exited).toBe(1);
    const lines = worker.output().split('\n').filter((line) => line.includes('bad.json'));
    expect(lines).toHaveLength(1);
    // The text log quotes the message, escaping its quotes.
    expect(lines[0]).toMatch(/alert \\?"low\\?" \(#1\) field threshold: is required when \\?"when\\?" is bikes_below/);
  });
});
