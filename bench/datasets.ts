import type { Bus } from '../lib/kafka/bus';
import { createTopics, produceCity } from './kafka';
import { rowsOf, type CitySpec } from './scales';

/** One synthetic city written into its own topics (prefix bench-<run>.<key>.). */
export interface Dataset {
  key: string;
  spec: CitySpec;
  prefix: string;
  rows: number;
}

export function defineDataset(runId: string, key: string, spec: CitySpec): Dataset {
  return { key, spec, prefix: `bench-${runId}.${key}.`, rows: rowsOf(spec) };
}

/** An Oslo-shaped city with at least `rows` reports: whole minutes of all its stations. */
export function withRows(spec: CitySpec, rows: number): CitySpec {
  return { ...spec, reports: Math.ceil(rows / spec.stations) };
}

export async function produceDataset(bus: Pick<Bus, 'producer'>, admin: Parameters<typeof createTopics>[0], dataset: Dataset, end: Date, log: (line: string) => void): Promise<number> {
  await createTopics(admin, dataset.prefix);
  const { rows, ms } = await produceCity(bus, dataset.prefix, dataset.spec, end);
  const perSecond = rows / (ms / 1000);
  log(`produced ${dataset.key}: ${rows.toLocaleString('en')} status messages in ${(ms / 1000).toFixed(1)} s (${Math.round(perSecond).toLocaleString('en')}/s)`);
  return perSecond;
}
