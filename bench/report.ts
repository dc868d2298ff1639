import type { ConsumerTiming } from './consumer-run';
import type { LoadResult } from './http-load';
import type { MachineSpeed } from './machine-speed';
import type { PageFigures } from './page';
import type { ChangeQueryFigures, HistoryPair } from './queries';
import { round, type Summary } from './stats';

export interface GrowthPoint {
  history_rows: number;
  table_mb: number;
  changes_latest_p50_ms: number;
  changes_latest_p95_ms: number;
  changes_next_page_p95_ms: number;
  changes_night_page_p95_ms: number | null;
  changes_old_page_p95_ms: number;
  station_history_24h_p50_ms: number;
  station_history_24h_p95_ms: number;
  /** null: not finished within seed_query_limit_ms (or an earlier size already was not). */
  seed_query_ms: number | null;
  seed_query_limit_ms: number;
  /** The machine-speed probe's decoding, run in the bench process just before this point's queries. */
  machine_decode_us_per_message: number;
  /** The bench process's V8 heap in use at that moment. */
  bench_heap_mb: number;
  /**
   * The 24 h history read in turn with the same read on a copy of the 1× database (taken before
   * growing): the grown side and the copy's side of that pair. Null at 1×.
   */
  station_history_24h_interleaved_p50_ms: number | null;
  station_history_24h_interleaved_p95_ms: number | null;
  station_history_24h_1x_copy_p50_ms: number | null;
  station_history_24h_1x_copy_p95_ms: number | null;
}

/** Growth-point keys that are null at 1×, where there is no copy to read against. */
const PAIR_KEYS: ReadonlySet<string> = new Set([
  'station_history_24h_interleaved_p50_ms',
  'station_history_24h_interleaved_p95_ms',
  'station_history_24h_1x_copy_p50_ms',
  'station_history_24h_1x_copy_p95_ms',
] satisfies (keyof GrowthPoint)[]);

/** The figures `--json FILE` writes; keys as issue #4 names them. */
export interface BenchResult {
  ingest_rows_per_s: number;
  ingest_baseline_rows_per_s: number;
  /** The same ingest with the classifier worker running on the same database (issue 21: causes must not slow ingest). */
  ingest_with_classifier_rows_per_s: number;
  replay_oslo_30d_s: number;
  replay_city2000_7d_s: number;
  changes_latest_p95_ms: number;
  changes_latest_p50_ms: number;
  changes_next_page_p95_ms: number;
  station_history_24h_p95_ms: number;
  stations_latest_p95_ms: number;
  seed_query_ms: number | null;
  api_changes_p95_ms: number;
  api_stations_p95_ms: number;
  api_changes_rps: number;
  api_stations_rps: number;
  page_markers_ms: number | null;
  /** /api/stream (bench/stream.ts): consumer commit → event at a stream client, p95 at the first step; the most streams one web process serves with p95 ≤ 1 s. */
  stream_latency_p95_ms: number;
  stream_clients: number;
  /** The classifier worker catching up on the Oslo replay: every change classified, every day's report cards written. */
  classify_oslo_s: number;
  classify_cpu_us_per_change: number;
  /** A day of system activity in quarter hours, and every station's 30-day report card, as the API reads them. */
  activity_day_p95_ms: number;
  report_30d_p95_ms: number;
  consumer_rss_mb: number;
  history_rows: number;
  /** bench/machine-speed.ts at the start of the run: compare runs only with these in view. */
  machine_decode_us_per_message: number;
  machine_postgres_probe_ms: number;
  /** Share of the machine's CPU time the hypervisor gave to other guests during ingest and the Oslo replay. */
  ingest_cpu_stolen_pct: number;
  replay_oslo_cpu_stolen_pct: number;
  growth: Record<string, GrowthPoint>;
}

/** The bench process just before a growth point's queries: the decoding probe run in it, and its heap. */
export interface ProcessReading {
  speed: MachineSpeed;
  heapMb: number;
}

export function growthPoint(historyRows: number, tableMb: number, queries: ChangeQueryFigures, seed: Summary | null, seedLimitMs: number, reading: ProcessReading, pair: HistoryPair | null): GrowthPoint {
  return {
    history_rows: historyRows,
    table_mb: Math.round(tableMb),
    changes_latest_p50_ms: round(queries.changesLatest.p50),
    changes_latest_p95_ms: round(queries.changesLatest.p95),
    changes_next_page_p95_ms: round(queries.changesNextPage.p95),
    changes_night_page_p95_ms: queries.changesNightPage ? round(queries.changesNightPage.p95) : null,
    changes_old_page_p95_ms: round(queries.changesOldPage.p95),
    station_history_24h_p50_ms: round(queries.history24h.p50),
    station_history_24h_p95_ms: round(queries.history24h.p95),
    seed_query_ms: seed ? round(seed.p50, 0) : null,
    seed_query_limit_ms: seedLimitMs,
    machine_decode_us_per_message: round(reading.speed.decodeUsPerMessage),
    bench_heap_mb: Math.round(reading.heapMb),
    station_history_24h_interleaved_p50_ms: pair ? round(pair.grown.p50) : null,
    station_history_24h_interleaved_p95_ms: pair ? round(pair.grown.p95) : null,
    station_history_24h_1x_copy_p50_ms: pair ? round(pair.base.p50) : null,
    station_history_24h_1x_copy_p95_ms: pair ? round(pair.base.p95) : null,
  };
}

/** Every figure the smoke run must produce: a number above zero (speed is not judged). */
export function missingFigures(result: BenchResult, allowNull: ReadonlySet<keyof BenchResult>): string[] {
  const bad: string[] = [];
  const check = (name: string, value: unknown, nullable: boolean) => {
    if (value === null && nullable) return;
    // Steal is a reading of the host, not a figure of ours: none at all is a fine answer.
    const zeroAllowed = name.endsWith('_stolen_pct');
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) bad.push(`${name} = ${JSON.stringify(value)}`);
  };
  for (const [key, value] of Object.entries(result) as [keyof BenchResult, unknown][]) {
    if (key === 'growth') continue;
    check(key, value, allowNull.has(key));
  }
  for (const multiple of ['1x', '4x', '16x']) {
    const point = result.growth[multiple];
    if (!point) {
      bad.push(`growth.${multiple} missing`);
      continue;
    }
    for (const [key, value] of Object.entries(point)) check(`growth.${multiple}.${key}`, value, key === 'changes_night_page_p95_ms' || (multiple === '1x' && PAIR_KEYS.has(key)));
  }
  return bad;
}

const perRowUs = (ms: number, rows: number) => ((ms * 1000) / rows).toFixed(1);

/** Rate once started, start-up time, and CPU per row of the consumer and of its PostgreSQL backends (steadier than wall time on a busy machine). */
export function describeConsumerRun(name: string, rows: number, timing: ConsumerTiming): string {
  const rate = Math.round(rows / (timing.workMs / 1000)).toLocaleString('en');
  const memory = timing.peakRssMb === null ? '' : `, peak RSS ${timing.peakRssMb.toFixed(0)} MB`;
  return (
    `${name}: ${rows.toLocaleString('en')} rows in ${(timing.workMs / 1000).toFixed(2)} s once started (${rate} rows/s), ` +
    `${(timing.totalMs / 1000).toFixed(1)} s from spawn${memory}; CPU per row: consumer ${perRowUs(timing.consumerCpuMs, rows)} µs, ` +
    `PostgreSQL backends ${perRowUs(timing.postgresCpuMs, rows)} µs; ${timing.stolenPercent.toFixed(1)} % of the machine's CPU time stolen by the hypervisor`
  );
}

export function describeLoad(path: string, rate: number, load: LoadResult): string {
  return `${path} at ${rate}/s: p50 ${load.latency.p50.toFixed(1)} ms, p95 ${load.latency.p95.toFixed(1)} ms, ${load.rps.toFixed(0)} responses/s, ${load.failed} failed ${JSON.stringify(load.failures)}`;
}

export function describePage(page: PageFigures): string {
  if (page.ms === null) return `page markers: not measured (${page.reason})`;
  const runs = page.runs.map((run) => `first byte ${run.firstByteMs.toFixed(0)}, DOMContentLoaded ${run.domContentLoadedMs.toFixed(0)}, load ${run.loadMs.toFixed(0)}, markers ${run.markersMs.toFixed(0)}`);
  return `page markers: ${page.ms.toFixed(0)} ms (ms since navigation start: ${runs.join('; ')})`;
}
