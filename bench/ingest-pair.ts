import type { Dataset } from './datasets';
import { measureConsumerIngest, type Companion, type IngestFigures } from './ingest';

type Context = Parameters<typeof measureConsumerIngest>[0];

export interface IngestPair {
  /** Rows per second, the mean of the plain runs. */
  plainRowsPerS: number;
  /** Rows per second, the mean of the runs with the companion working beside the consumer. */
  besideRowsPerS: number;
  /** Every run in the order it ran. */
  runs: { beside: boolean; figures: IngestFigures }[];
}

/**
 * The same data ingested four times, each by a consumer group and database of its own, in ABBA order
 * (plain, beside, beside, plain): a machine that speeds up or slows down during the four runs weighs on
 * both sides alike, and neither side always has the first (cold) or the last run.
 */
export async function measureIngestPair(context: Context, dataset: Dataset, companion: Companion, onRun: (run: { beside: boolean; figures: IngestFigures }) => void): Promise<IngestPair> {
  const runs: IngestPair['runs'] = [];
  for (const [turn, beside] of [false, true, true, false].entries()) {
    const name = `${beside ? 'beside' : 'plain'}_${turn}`;
    const figures = await measureConsumerIngest(context, dataset, { KAFKA_CONSUMER_GROUP: `${dataset.prefix}consumer-${name}` }, `ingest_${name}`, beside ? companion : undefined);
    runs.push({ beside, figures });
    onRun({ beside, figures });
  }
  const mean = (beside: boolean) => {
    const rates = runs.filter((run) => run.beside === beside).map((run) => run.figures.rowsPerS);
    return rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  };
  return { plainRowsPerS: mean(false), besideRowsPerS: mean(true), runs };
}
