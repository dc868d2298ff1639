import type { BusInspector } from '../lib/kafka/bus';
import { consumerEnv, createLagCheck, runConsumer, type ConsumerTiming } from './consumer-run';
import { createBenchDatabase, type BenchDatabase } from './databases';
import type { Dataset } from './datasets';
import { CONSUMER_ENTRY } from './ingest';
import { historyRows } from './queries';

export interface ReplayFigures {
  /** Spawning the consumer on an empty database → every message committed (lag 0). */
  seconds: number;
  rows: number;
  timing: ConsumerTiming;
  database: BenchDatabase;
  /** Resolves once the consumer has exited. */
  finished: Promise<void>;
}

/** Rebuilds an empty database from the dataset's topics with the real consumer; keeps the database. */
export async function measureReplay(context: { runId: string; brokers: string[]; admin: BusInspector }, dataset: Dataset): Promise<ReplayFigures> {
  const database = await createBenchDatabase(context.runId, dataset.key);
  try {
    const env = consumerEnv(context.brokers, dataset.prefix, database.url);
    const { timing, stopped } = await runConsumer({ entry: CONSUMER_ENTRY, applicationName: 'bikestream-consumer', env, isDone: createLagCheck(context.admin, env), maxMs: 60 * 60_000, sampleMemory: true });
    const rows = await historyRows(database.db);
    if (rows !== dataset.rows) throw new Error(`the replay stored ${rows} rows, expected ${dataset.rows}`);
    return { seconds: timing.totalMs / 1000, rows, timing, database, finished: stopped };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
