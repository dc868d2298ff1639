import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '../../lib/runtime/log';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { changeTableDiff, compareChanges, expectedFromShown, publishedSnapshotTimes, storedChanges, type ChangeAudit } from './change-audit';
import { startFeedRecorder, type FeedRecorder } from './feed-recorder';
import { prepareTopics } from './kafka-topic';
import { pipelineEnv, waitForConsumerCaughtUp, type PipelineEnv } from './pipeline';
import { waitFor } from './processes';
import { createAckLedger, type AckLedger } from './producer-acks';
import { writeReplayFixture, type FixtureOptions, type ReplayFixture } from './replay-fixture';
import { createTestDatabase, type TestDatabase } from './test-database';
import { startWorkerProcess, type WatchedProcess } from './watched-process';

export interface RigOptions extends Omit<FixtureOptions, 'startSeconds'> {
  brokers: string[];
  /** The producer's POLL_MIN_MS: with the replay's ttl of 0, the time between snapshots. */
  pollMinMs: number;
  /** last_updated of the first snapshot; 'now' starts the snapshots when startFeed() is called. */
  startSeconds?: number | 'now';
  /**
   * The simulator's --interval: 0 (the default) moves to the next snapshot on every fetch; N > 0
   * moves on every N seconds of the clock, so with startSeconds 'now' and stepSeconds N every
   * snapshot is served at its own last_updated and the feed stays fresh whatever the producer's pace.
   */
  interval?: number;
  /** Extra environment for the workers. */
  env?: Record<string, string>;
  /** The DATABASE_URL the workers get, from the test database's own URL (e.g. through a proxy). */
  routeDatabase?: (url: string) => string;
}

export interface RigAudit extends ChangeAudit {
  /** Distinct snapshots the feed served. */
  servedSnapshots: number;
  /** Snapshots that reached Kafka. */
  publishedSnapshots: number;
  /** Snapshots whose poll the producer saw acknowledged but that Kafka does not hold. */
  acknowledgedMissing: number[];
}

/**
 * One replay pipeline of the fault suite: a generated replay folder served by the simulator
 * (by default interval 0: the next snapshot on every fetch) through a recorder, its own database, topics and
 * consumer group, and producer/consumer processes that a test may kill and restart at will.
 * Create rigs before starting any worker of a concurrent test: see prepareTopics().
 */
export class ReplayRig {
  producer: WatchedProcess | undefined;
  consumer: WatchedProcess | undefined;
  readonly ledger: AckLedger;
  private feed: { fixture: ReplayFixture; simulator: RunningSimulator } | undefined;

  private constructor(
    private readonly options: RigOptions,
    readonly database: TestDatabase,
    readonly recorder: FeedRecorder,
    readonly env: PipelineEnv,
  ) {
    this.ledger = createAckLedger(recorder);
  }

  /** Database, topics and environment; with startSeconds 'now' the feed itself starts on startFeed(). */
  static async start(options: RigOptions): Promise<ReplayRig> {
    const { brokers, pollMinMs, env: extra = {}, routeDatabase = (url: string) => url } = options;
    const database = await createTestDatabase();
    const recorder = await startFeedRecorder();
    const env = pipelineEnv(brokers, routeDatabase(database.url), { GBFS_URL: recorder.url, POLL_MIN_MS: String(pollMinMs), ...extra });
    await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
    const rig = new ReplayRig(options, database, recorder, env);
    if (options.startSeconds !== 'now') await rig.startFeed();
    return rig;
  }

  /** Writes the replay folder and serves it. */
  async startFeed(): Promise<void> {
    const { name, seed, snapshots, stations, stepSeconds, startSeconds } = this.options;
    const now = Math.floor(Date.now() / 1000);
    // 'now' starts two seconds back, so that no snapshot is stamped later than the fetch that gets
    // it (the producer would move such a time back to the fetch).
    const first = startSeconds === 'now' ? now - 2 : (startSeconds ?? now - 4 * 3600);
    const fixture = await writeReplayFixture({ name, seed, snapshots, stations, stepSeconds, startSeconds: first });
    const simulator = await startSimulator({ from: fixture.dir, interval: this.options.interval ?? 0, port: 0, log: createLogger('simulator', 'warn') });
    this.recorder.retarget(simulator.baseUrl);
    this.feed = { fixture, simulator };
  }

  get fixture(): ReplayFixture {
    if (!this.feed) throw new Error('the replay feed has not started');
    return this.feed.fixture;
  }

  startProducer(launch = startWorkerProcess): WatchedProcess {
    this.producer = launch('producer', this.env);
    this.ledger.watch(this.producer);
    return this.producer;
  }

  startConsumer(launch = startWorkerProcess): WatchedProcess {
    this.consumer = launch('consumer', this.env);
    return this.consumer;
  }

  /** Until the producer has had the replay's last snapshot acknowledged. */
  async waitForReplayPublished(timeoutMs: number): Promise<void> {
    const last = this.fixture.snapshots.at(-1)?.lastUpdated;
    await waitFor('the producer to publish the last snapshot', async () => last !== undefined && this.ledger.acknowledged().has(last), timeoutMs, 200);
  }

  async waitForConsumer(timeoutMs: number): Promise<void> {
    await waitForConsumerCaughtUp(this.env, timeoutMs);
  }

  /**
 * Compares the LAG view with the changes of the snapshots that reached Kafka or were acknowledged,
 * and station_change with the view.
 */
  async audit(): Promise<RigAudit> {
    const inKafka = await publishedSnapshotTimes(this.options.brokers, this.env.KAFKA_TOPIC_PREFIX);
    const acknowledged = this.ledger.acknowledged();
    const shown = new Set([...inKafka, ...acknowledged]);
    const expected = expectedFromShown(this.fixture.snapshots, shown);
    const stored = await storedChanges(this.database.db, this.fixture.systemId);
    return {
      ...compareChanges(expected, stored),
      changeTable: await changeTableDiff(this.database.db, this.fixture.systemId),
      servedSnapshots: this.ledger.served().length,
      publishedSnapshots: this.fixture.snapshots.filter((snapshot) => shown.has(snapshot.lastUpdated)).length,
      acknowledgedMissing: [...acknowledged].filter((time) => !inKafka.has(time)),
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.producer?.stop(), this.consumer?.stop()]);
    await this.recorder.close();
    await this.feed?.simulator.close();
    if (this.feed) await rm(path.dirname(this.feed.fixture.dir), { recursive: true, force: true });
    await this.database.drop();
  }
}
