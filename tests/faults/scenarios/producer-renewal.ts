import { sql } from 'drizzle-orm';
import { createBus, stationKey } from '../../../lib/kafka/client';
import { partitionOf } from '../../../lib/kafka/partition';
import { topicNames } from '../../../lib/kafka/topics';
import { printFigures } from '../../support/change-audit';
import { prepareTopics } from '../../support/kafka-topic';
import { pipelineEnv } from '../../support/pipeline';
import { waitFor } from '../../support/processes';
import { startScriptedFeed } from '../../support/scripted-feed';
import { createTestDatabase } from '../../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../../support/watched-process';
import type { Scenario } from './scenario';

const SYSTEM = 'renewcity';
const PARTITIONS = 3;
/** Room for a batch of two status messages, not for one of six. */
const SMALL_MESSAGE_BYTES = 1_000;
const DEFAULT_MESSAGE_BYTES = 1_048_588;

/** Station ids whose status messages land on the given partition (lib/kafka/partition.ts). */
function stationsOn(partition: number, count: number): string[] {
  const found: string[] = [];
  for (let index = 0; found.length < count; index += 1) {
    const id = `p${partition}-${index}`;
    if (partitionOf(stationKey(SYSTEM, id), PARTITIONS) === partition) found.push(id);
  }
  return found;
}

interface Report {
  stationId: string;
  at: number;
  bikes: number;
}

/**
 * One send that the broker takes for one partition and refuses for another (here: the status
 * topic's max.message.bytes lowered so a batch of six is too large). KafkaJS's idempotent producer
 * then rolls back the sequence numbers of both partitions, though one was written, and every later
 * send to it is refused as out of order (tulios/kafkajs#598): the producer is alive but publishes
 * nothing. A fresh producer (new producer id) after the failed send publishes everything the feed
 * said meanwhile. Then a station's counts change under an unchanged last_reported: it must be
 * stored, restamped, not dropped.
 */
export async function prepareProducerRenewal(brokers: string[]): Promise<Scenario> {
  const database = await createTestDatabase();
  const feed = await startScriptedFeed(SYSTEM);
  const env = pipelineEnv(brokers, database.url, { GBFS_URL: feed.url, POLL_MIN_MS: '500', KAFKA_STATUS_PARTITIONS: String(PARTITIONS) });
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, PARTITIONS);
  const statusTopic = topicNames(env.KAFKA_TOPIC_PREFIX).stationStatus;
  const admin = (await createBus({ brokers, clientId: 'bikestream-test-renewal', quiet: true })).inspector();
  await admin.connect();
  const setMaxMessageBytes = (bytes: number) =>
    admin.setTopicConfig(statusTopic, 'max.message.bytes', String(bytes));

  const [lone, lone2] = stationsOn(0, 2) as [string, string];
  const six = stationsOn(1, 6);
  const [stuck] = stationsOn(2, 1) as [string];
  const all = [lone, lone2, ...six, stuck];
  const start = Math.floor(Date.now() / 1000) - 600;
  const reports = new Map(all.map((stationId) => [stationId, { stationId, at: start, bikes: 1 }]));
  const served: Report[] = [];
  const render = () => {
    feed.stations.status = [...reports.values()].map((report) => ({
      station_id: report.stationId,
      num_bikes_available: report.bikes,
      num_docks_available: 20 - report.bikes,
      is_installed: true,
      is_renting: true,
      is_returning: true,
      last_reported: report.at,
    }));
  };
  const serve = (changes: Report[]) => {
    for (const change of changes) {
      reports.set(change.stationId, change);
      served.push(change);
    }
    render();
  };
  feed.stations.information = all.map((stationId, index) => ({ station_id: stationId, name: `Station ${index}`, lat: 59.9, lon: 10.7 + index / 1000, capacity: 20 }));
  serve([...reports.values()]);
  let producer: WatchedProcess | undefined;
  let consumer: WatchedProcess | undefined;

  const storedKeys = async () => {
    const rows = await database.db.execute<{ station_id: string; at: number; bikes: number }>(
      sql`SELECT station_id, extract(epoch FROM reported_at)::float8 AS at, bikes FROM station_status WHERE system_id = ${SYSTEM}`,
    );
    return rows.rows;
  };
  const key = (report: Report) => `${report.stationId}@${report.at} ${report.bikes}`;
  const missing = async (wanted: Report[]) => {
    const stored = new Set((await storedKeys()).map((row) => key({ stationId: row.station_id, at: row.at, bikes: row.bikes })));
    return wanted.filter((report) => !stored.has(key(report)));
  };

  return {
    async close() {
      await Promise.all([producer?.stop(), consumer?.stop()]);
      await setMaxMessageBytes(DEFAULT_MESSAGE_BYTES).catch(() => undefined);
      await admin.disconnect();
      await feed.close();
      await database.drop();
    },
    async run(expect) {
      consumer = startWorkerProcess('consumer', env);
      const running = startWorkerProcess('producer', env);
      producer = running;
      await waitFor('the first snapshot stored', async () => (await missing(served)).length === 0, 90_000, 250);

      const failedPollAfter = async (from: number) =>
        running.waitForLine(/msg="poll failed, backing off".*(larger than the max message size|too large)/, 60_000, from);
      await setMaxMessageBytes(SMALL_MESSAGE_BYTES);
      const outageFrom = running.lines.length;
      // One partition's batch fits (lone), the other's does not (six): a send that half succeeds.
      serve([lone, ...six].map((stationId, index) => ({ stationId, at: start + 60, bikes: 2 + index })));
      await failedPollAfter(outageFrom);
      // Now two on the first partition, whose sequence KafkaJS has rolled back though it was written.
      const secondFrom = running.lines.length;
      serve([{ stationId: lone2, at: start + 120, bikes: 9 }]);
      await failedPollAfter(secondFrom);
      const failedPolls = running.lines.slice(outageFrom).filter((line) => /msg="poll failed/.test(line.text)).length;
      await setMaxMessageBytes(DEFAULT_MESSAGE_BYTES);
      const restoredAt = Date.now();
      const recovered = await waitFor('every report served during the outage stored', async () => (await missing(served)).length === 0, 60_000, 250).then(
        () => true,
        () => false,
      );
      const recoverySeconds = (Date.now() - restoredAt) / 1000;
      const lostAfterOutage = await missing(served);
      const renewals = running.lines.filter((line) => /msg="fresh Kafka producer after a failed send"/.test(line.text)).length;

      // Counts change, last_reported does not: stored with a later time, not dropped.
      const stuckAt = reports.get(stuck)?.at ?? start;
      reports.set(stuck, { stationId: stuck, at: stuckAt, bikes: 7 });
      render();
      const restamped = await waitFor(
        'the restamped report',
        async () => (await storedKeys()).find((row) => row.station_id === stuck && row.bikes === 7),
        60_000,
        250,
      ).catch(() => undefined);

      printFigures(
        `producer renewal: served ${served.length} reports, lost ${lostAfterOutage.length} after ${failedPolls} failed poll(s) on a half-refused send; ` +
          `fresh producers ${renewals}; all stored ${recoverySeconds.toFixed(1)} s after the broker took the batch again (recovered: ${recovered}); ` +
          `counts changed under an unchanged last_reported: ${restamped ? `stored at last_reported +${restamped.at - stuckAt} s` : 'not stored'}; producer alive: ${running.child.exitCode === null}`,
      );

      expect(running.child.exitCode, 'the producer kept running').toBeNull();
      expect.soft(renewals, 'a fresh producer after the failed send').toBeGreaterThan(0);
      expect.soft(lostAfterOutage.map(key), 'reports the feed served and the store lacks').toEqual([]);
      expect.soft(restamped?.at ?? 0, 'the change under an unchanged last_reported, stored with a later time').toBeGreaterThan(stuckAt);
      expect.soft(restamped?.at ?? Infinity, 'and not in the future').toBeLessThanOrEqual(Date.now() / 1000);
    },
  };
}
