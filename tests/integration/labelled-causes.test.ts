import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scoreCauses, worstHourlyError, type CauseAccuracy } from '../../lib/stations/insights/causes/accuracy';
import { CAUSE_SETTLE_MS, classifyChanges } from '../../lib/stations/insights/causes/classify';
import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import type { ChangeCause, StationForCause } from '../../lib/stations/insights/causes/types';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { pipelineEnv, startPipeline, waitForConsumerCaughtUp, type PipelineEnv } from '../support/pipeline';
import { startWorker, waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const STATIONS = 250;
const CITY_HOURS = 6;
// 05:00 on a Tuesday in the simulated city (Oslo time): early trucks, then the morning commute. Fixed, so
// the run does not depend on the time of day the test happens to start.
const START_SECONDS = Date.parse('2024-09-10T05:00:00+02:00') / 1000;

interface StoredChange extends Record<string, unknown> {
  station_id: string;
  reported_at: Date;
  prev_reported_at: Date;
  bikes: number;
  prev_bikes: number;
  docks: number | null;
  prev_docks: number | null;
  cause: ChangeCause;
}

const toChange = (row: StoredChange) => ({
  stationId: row.station_id,
  reportedAt: new Date(row.reported_at),
  prevReportedAt: new Date(row.prev_reported_at),
  bikes: row.bikes,
  prevBikes: row.prev_bikes,
  docks: row.docks,
  prevDocks: row.prev_docks,
  cause: row.cause,
});

/**
 * The labelled simulator's truth against what the whole pipeline stored: simulator → producer →
 * Kafka → consumer → PostgreSQL → classifier worker. Every bike in a stored change must be
 * explained by the labels (nothing lost or invented on the way), the worker's verdicts must be the
 * classifier's own over the same changes (the incremental job and the consumer's concurrent
 * partitions change nothing: measured 0 bikes apart on both seeds), and the targets hold
 * here too. Measured in two runs: trucks P 0.984-0.986 R 0.963 (seed 31) and P 0.980 R 0.992
 * (seed 32), glitches P >= 0.998 R 0.989, worst riders' hour 0.9-1.3 % and 0.7 % off. Before the
 * jump threshold's interval was capped at the feed's cadence, a quiet station's stored gap raised
 * its threshold and trucks' recall was 0.69-0.80 here (INSIGHTS.md, "Through the pipeline"); the same stored changes are
 * built in-process by scripts/insights/labelled-run.ts, where the targets are held on other seeds.
 */
describe.each([31, 32])('labelled activity through the pipeline, seed %i', (seed) => {
  let database: TestDatabase;
  let simulator: RunningSimulator;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess } | undefined;
  let classifier: RunningProcess | undefined;
  let accuracy: CauseAccuracy;
  let disagreeingBikes = 0;
  let movedBikes = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One 60-second tick per fetch: a city day runs in a couple of minutes of wall time.
    simulator = await startSimulator({ interval: 0, stations: STATIONS, seed, port: 0, labelled: { startSeconds: START_SECONDS, settings: { tickSeconds: 60 } } });
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: simulator.url });
    workers = startPipeline(env);
    classifier = startWorker('classifier', env);
    await waitFor(`${CITY_HOURS} city hours of reports`, async () => {
      const span = await database.db.execute<{ hours: number | null }>(sql`
        SELECT extract(epoch FROM max(reported_at) - min(reported_at)) / 3600 AS hours FROM station_status`);
      return (span.rows[0]?.hours ?? 0) >= CITY_HOURS;
    }, 600_000, 1_000);
    await workers.producer.stop();
    await waitForConsumerCaughtUp(env, 120_000);
    const through = await waitFor('the classifier to settle what it can', async () => {
      const row = (await database.db.execute<{ through: Date | null; at: Date }>(sql`
        SELECT p.through, s.status_updated_at AS at FROM systems s LEFT JOIN cause_progress p USING (system_id)`)).rows[0];
      if (!row?.through) return false;
      return new Date(row.through).getTime() >= new Date(row.at).getTime() - CAUSE_SETTLE_MS - 5 * 60_000 && new Date(row.through);
    }, 120_000);
    const stored = await database.db.execute<StoredChange>(sql`
      SELECT c.station_id, c.reported_at, c.prev_reported_at, c.bikes, c.prev_bikes, c.docks, c.prev_docks, k.cause
      FROM station_change c JOIN change_cause k USING (system_id, reported_at, station_id)
      WHERE c.reported_at <= ${through.toISOString()}::timestamptz`);
    const stations = await database.db.execute<{ station_id: string; capacity: number | null; lat: number | null; lon: number | null }>(sql`
      SELECT station_id, capacity, lat, lon FROM stations`);
    const byStation = new Map<string, StationForCause>(stations.rows.map((row) => [row.station_id, { stationId: row.station_id, capacity: row.capacity, lat: row.lat, lon: row.lon }]));
    const all = (await database.db.execute<StoredChange>(sql`
      SELECT c.station_id, c.reported_at, c.prev_reported_at, c.bikes, c.prev_bikes, c.docks, c.prev_docks, k.cause
      FROM station_change c JOIN change_cause k USING (system_id, reported_at, station_id)
      ORDER BY c.reported_at, c.station_id`)).rows.map(toChange);
    const onePass = classifyChanges({ changes: all, stations: byStation, timeZone: 'Europe/Oslo', at: all.at(-1)!.reportedAt });
    all.forEach((change, i) => {
      if (change.reportedAt > through) return;
      const bikes = Math.abs(change.bikes - change.prevBikes);
      movedBikes += bikes;
      if (onePass[i]?.cause !== change.cause) disagreeingBikes += bikes;
    });
    const labels = (await (await fetch(`${simulator.baseUrl}/labels.json?since=0`)).json()) as { labels: StationTickLabel[] };
    accuracy = scoreCauses(labels.labels, stored.rows.map(toChange));
    const { riders, rebalancing, glitch } = accuracy.causes;
    const figure = (name: string, s: typeof riders) => `${name} P ${s.precision?.toFixed(3)} R ${s.recall?.toFixed(3)} (${s.trueBikes} bikes)`;
    process.stderr.write(`[labelled seed ${seed}] ${stored.rows.length} changes over ${accuracy.hours.length} h; ${figure('riders', riders)}; ${figure('trucks', rebalancing)}; ${figure('glitches', glitch)}; worst hourly riders error ${worstHourlyError(accuracy.hours).toFixed(3)}; unexplained ${accuracy.unexplainedBikes}; the worker and one pass disagree on ${disagreeingBikes} of ${movedBikes} bikes\n`);
  }, 900_000);

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), classifier?.stop()]);
    await simulator?.close();
    await database?.drop();
  });

  it('stores changes that the labels explain to the last bike', () => {
    expect(accuracy.hours.length).toBeGreaterThanOrEqual(CITY_HOURS - 2);
    expect(accuracy.unexplainedBikes).toBe(0);
  });

  it('decides as the classifier does in one pass over the same changes', () => {
    expect(movedBikes).toBeGreaterThan(5_000);
    expect(disagreeingBikes / movedBikes).toBeLessThanOrEqual(0.005);
  });

  it('finds the trucks and the glitches on bikes moved', () => {
    const { rebalancing, glitch } = accuracy.causes;
    expect(rebalancing.trueBikes).toBeGreaterThan(50);
    expect(rebalancing.precision).toBeGreaterThanOrEqual(0.9);
    expect(rebalancing.recall).toBeGreaterThanOrEqual(0.9);
    expect(glitch.trueBikes).toBeGreaterThan(10);
    expect(glitch.precision).toBeGreaterThanOrEqual(0.9);
    expect(glitch.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('counts riders\' rentals and returns per hour close to what the reports show', () => {
    expect(accuracy.hours.some((hour) => hour.rentals.truth >= 50)).toBe(true);
    expect(worstHourlyError(accuracy.hours)).toBeLessThanOrEqual(0.1);
  });
});
