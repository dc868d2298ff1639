import path from 'node:path';
import type { BusInspector } from '../lib/kafka/bus';
import { ROOT } from '../tests/support/processes';
import { BASELINE_APPLICATION_NAME, consumerEnv, createLagCheck, runConsumer, type ConsumerTiming } from './consumer-run';
import { createBenchDatabase } from './databases';
import type { Dataset } from './datasets';
import { historyRows } from './queries';

export const CONSUMER_ENTRY = path.join(ROOT, 'workers', 'consumer', 'index.ts');
const BASELINE_ENTRY = path.join(ROOT, 'bench', 'baseline-consumer.ts');

export interface IngestFigures {
  rowsPerS: number;
  rows: number;
  timing: ConsumerTiming;
  /** Resolves once the consumer has exited and its database is dropped. */
  finished: Promise<void>;
  /** What the companion process reported about its share of the run. */
  companionNote?: string;
}

interface Context {
  runId: string;
  brokers: string[];
  admin: BusInspector;
}

/** A process working on the same database while the consumer ingests (the classifier), stopped after. */
export type Companion = (databaseUrl: string) => Promise<{ stop(): Promise<string | void> }>;

/** The real consumer on a topic already holding `dataset`: rows committed per second until lag 0. */
export async function measureConsumerIngest(context: Context, dataset: Dataset, extraEnv: Record<string, string> = {}, databaseKey = 'ingest', companion?: Companion): Promise<IngestFigures> {
  const database = await createBenchDatabase(context.runId, databaseKey);
  const beside = companion ? await companion(database.url) : undefined;
  try {
    const env = { ...consumerEnv(context.brokers, dataset.prefix, database.url), ...extraEnv };
    const { timing, stopped } = await runConsumer({ entry: CONSUMER_ENTRY, applicationName: 'bikestream-consumer', env, isDone: createLagCheck(context.admin, env), maxMs: 30 * 60_000 });
    const companionNote = (await beside?.stop()) ?? undefined;
    const finished = stopped.then(() => database.drop());
    const rows = await historyRows(database.db);
    if (rows !== dataset.rows) throw new Error(`the consumer stored ${rows} rows, expected ${dataset.rows}`);
    return { rowsPerS: rows / (timing.workMs / 1000), rows, timing, finished, companionNote };
  } catch (error) {
    await beside?.stop();
    await database.drop();
    throw error;
  }
}

/** The article's row-at-a-time consumer on the same kind of data, for at most `maxSeconds`. */
export async function measureBaselineIngest(context: Context, dataset: Dataset, maxSeconds: number): Promise<IngestFigures> {
  const database = await createBenchDatabase(context.runId, 'baseline');
  try {
    const env = consumerEnv(context.brokers, dataset.prefix, database.url);
    let rows = 0;
    const isDone = async () => {
      rows = await historyRows(database.db);
      return rows >= dataset.rows;
    };
    const { timing, stopped } = await runConsumer({ entry: BASELINE_ENTRY, applicationName: BASELINE_APPLICATION_NAME, env, isDone, maxMs: maxSeconds * 1000 });
    const finished = stopped.then(() => database.drop());
    if (rows === 0) throw new Error('the baseline consumer stored nothing');
    return { rowsPerS: rows / (timing.workMs / 1000), rows, timing, finished };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
