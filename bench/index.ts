import { randomBytes } from 'node:crypto';
import { appendFile, writeFile } from 'node:fs/promises';
import { parseBenchArgs } from './args';
import { compareClients } from './clients';
import { consumerEnv } from './consumer-run';
import type { BenchDatabase } from './databases';
import { defineDataset, produceDataset, withRows } from './datasets';
import { explainStationsLatest } from './explain';
import { measureGrowth } from './growth';
import { measureHttp } from './http';
import { describeInsights, measureInsights, startClassifierBeside } from './insights';
import { measureBaselineIngest } from './ingest';
import { measureIngestPair } from './ingest-pair';
import { deleteTopics, startKafka } from './kafka';
import { measureStationsLatest, vacuumAnalyze } from './queries';
import { measureReplay } from './replay';
import { measureStream } from './stream';
import { createBenchDatabase } from './databases';
import { describeConsumerRun, describeLoad, describePage, missingFigures, type BenchResult } from './report';
import { SCALES } from './scales';
import { machineLoad } from './rss';
import { describeMachineSpeed, measureMachineSpeed } from './machine-speed';
import { round } from './stats';
import { dataEnd } from './synthetic';
import { describeSettled, settleMachine } from './settle';

const options = parseBenchArgs(process.argv.slice(2));
const scale = options.growth ? { ...SCALES[options.scale], growth: options.growth } : SCALES[options.scale];
const runId = randomBytes(3).toString('hex');
const benchStarted = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

const cleanups: (() => Promise<unknown>)[] = [];
/** Consumers still shutting down while the next measurement runs. */
const stopping: Promise<void>[] = [];
async function cleanUp(): Promise<void> {
  await Promise.all(stopping.splice(0));
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping and cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The classifier's catch-up over the Oslo replay is measured, not bounded: this only stops a stuck run. */
const CLASSIFY_MAX_MS = 60 * 60_000;

const keepOrDrop = (database: BenchDatabase) => (options.keep ? async () => log(`kept database ${database.name}`) : () => database.drop());

async function run(): Promise<{ result: BenchResult; pageAbsent: boolean }> {
  log(`scale ${scale.name}, run ${runId}; ${await machineLoad()}`);
  const speed = await measureMachineSpeed();
  log(describeMachineSpeed(speed));
  const kafka = await startKafka(log);
  cleanups.push(() => kafka.stop());
  const context = { runId, brokers: kafka.brokers, admin: kafka.admin };
  const end = dataEnd();
  const datasets = {
    ingest: defineDataset(runId, 'ingest', withRows(scale.oslo, scale.ingestRows)),
    baseline: defineDataset(runId, 'baseline', withRows(scale.oslo, scale.baselineRows)),
    oslo: defineDataset(runId, 'oslo', scale.oslo),
    city: defineDataset(runId, 'city2000', scale.city),
  };
  if (process.env.KAFKA_BROKERS) for (const dataset of Object.values(datasets)) cleanups.push(() => deleteTopics(kafka.admin, dataset.prefix));
  for (const dataset of Object.values(datasets)) await produceDataset(kafka.bus, kafka.admin, dataset, end, log);

  log(`measuring ingest; ${await machineLoad()}`);
  // Plain and with the classifier working on the same database, side by side (ABBA), each a consumer group of its own.
  const ingest = await measureIngestPair(context, datasets.ingest, startClassifierBeside, ({ beside, figures }) => {
    stopping.push(figures.finished);
    log(describeConsumerRun(beside ? 'ingest with the classifier beside it' : 'ingest', figures.rows, figures.timing));
    if (figures.companionNote) log(figures.companionNote);
  });
  const baseline = await measureBaselineIngest(context, datasets.baseline, scale.baselineMaxSeconds);
  stopping.push(baseline.finished);
  log(describeConsumerRun('baseline (row at a time)', baseline.rows, baseline.timing));

  log(`measuring replay; ${await machineLoad()}`);
  const oslo = await measureReplay(context, datasets.oslo);
  stopping.push(oslo.finished);
  cleanups.push(keepOrDrop(oslo.database));
  log(describeConsumerRun('replay oslo', oslo.rows, oslo.timing));
  const city = await measureReplay(context, datasets.city);
  stopping.push(city.finished);
  cleanups.push(keepOrDrop(city.database));
  log(describeConsumerRun('replay city2000', city.rows, city.timing));

  for (const database of [oslo.database, city.database]) await vacuumAnalyze(database.db);
  log(describeSettled(await settleMachine(city.database.db, { maxWaitS: scale.settleMaxSeconds })));
  log(`measuring queries; ${await machineLoad()}`);
  const stationsLatest = await measureStationsLatest(city.database.db, scale.city, scale.queryRuns);
  if (options.explain) {
    await writeFile(options.explain, `-- ${scale.name} scale, run ${runId}, ${new Date().toISOString()}\n\n`);
    await appendFile(options.explain, `-- ${scale.city.stations} stations\n${await explainStationsLatest(city.database.url, scale.city)}\n\n`);
  }
  log(`stations latest (${scale.city.stations}): p50 ${stationsLatest.p50.toFixed(2)} ms, p95 ${stationsLatest.p95.toFixed(2)} ms`);

  log(`measuring HTTP; ${await machineLoad()}`);
  const http = await measureHttp(consumerEnv(kafka.brokers, datasets.city.prefix, city.database.url), {
    systemId: scale.city.systemId,
    stations: scale.city.stations,
    rate: scale.httpRate,
    seconds: scale.httpSeconds,
    pageRuns: scale.pageRuns,
  });
  log(describeLoad('/api/stations', scale.httpRate, http.stations));
  log(describeLoad('/api/changes', scale.httpRate, http.changes));
  log(describePage(http.page));

  log(`measuring the live stream; ${await machineLoad()}`);
  const streamDatabase = await createBenchDatabase(runId, 'stream');
  cleanups.push(keepOrDrop(streamDatabase));
  const stream = await measureStream(streamDatabase, { steps: scale.streamSteps, rounds: scale.streamRounds, log });

  log(`measuring insights on the Oslo replay; ${await machineLoad()}`);
  const insights = await measureInsights(oslo.database.db, oslo.database.url, scale.oslo, end, scale.queryRuns, CLASSIFY_MAX_MS);
  log(describeInsights(insights));

  const growth = await measureGrowth(oslo.database, scale, end, { log, explain: options.explain });

  const base = growth['1x'];
  if (!base) throw new Error('the growth series must start at 1×');
  const result: BenchResult = {
    ingest_rows_per_s: Math.round(ingest.plainRowsPerS),
    ingest_baseline_rows_per_s: Math.round(baseline.rowsPerS),
    ingest_with_classifier_rows_per_s: Math.round(ingest.besideRowsPerS),
    replay_oslo_30d_s: round(oslo.seconds, 1),
    replay_city2000_7d_s: round(city.seconds, 1),
    changes_latest_p95_ms: base.changes_latest_p95_ms,
    changes_latest_p50_ms: base.changes_latest_p50_ms,
    changes_next_page_p95_ms: base.changes_next_page_p95_ms,
    station_history_24h_p95_ms: base.station_history_24h_p95_ms,
    stations_latest_p95_ms: round(stationsLatest.p95),
    seed_query_ms: base.seed_query_ms,
    api_changes_p95_ms: round(http.changes.latency.p95, 1),
    api_stations_p95_ms: round(http.stations.latency.p95, 1),
    api_changes_rps: round(http.changes.rps, 1),
    api_stations_rps: round(http.stations.rps, 1),
    page_markers_ms: http.page.ms === null ? null : Math.round(http.page.ms),
    stream_latency_p95_ms: round(stream.latencyP95Ms, 1),
    stream_clients: stream.clients,
    classify_oslo_s: round(insights.classifySeconds, 1),
    classify_cpu_us_per_change: round(insights.classifyCpuUsPerChange, 1),
    activity_day_p95_ms: round(insights.activityDay.p95),
    report_30d_p95_ms: round(insights.report30d.p95),
    consumer_rss_mb: Math.round(Math.max(oslo.timing.peakRssMb ?? 0, city.timing.peakRssMb ?? 0)),
    history_rows: base.history_rows,
    machine_decode_us_per_message: round(speed.decodeUsPerMessage, 2),
    machine_postgres_probe_ms: round(speed.postgresProbeMs, 0),
    ingest_cpu_stolen_pct: round(Math.max(...ingest.runs.map((run) => run.figures.timing.stolenPercent)), 1),
    replay_oslo_cpu_stolen_pct: round(oslo.timing.stolenPercent, 1),
    growth,
  };
  return { result, pageAbsent: http.page.notImplemented };
}

async function runClients(clients: NonNullable<typeof options.clients>): Promise<void> {
  const kafka = await startKafka(log);
  cleanups.push(() => kafka.stop());
  const result = await compareClients({ clients, rows: options.rows ?? scale.ingestRows, rounds: options.rounds, runId, kafka, log });
  const text = JSON.stringify(result, null, 2);
  process.stdout.write(`${text}\n`);
  if (options.json) await writeFile(options.json, `${text}\n`);
  const speed = await measureMachineSpeed();
  log(`at the end, ${describeMachineSpeed(speed)}; done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
}

/** Issue 21's question alone: does the classifier slow ingest? The same rows, plain and beside it, ABBA. */
async function runClassifierPair(): Promise<void> {
  log(`classifier pair, run ${runId}; ${await machineLoad()}`);
  const before = await measureMachineSpeed();
  log(describeMachineSpeed(before));
  const kafka = await startKafka(log);
  cleanups.push(() => kafka.stop());
  const dataset = defineDataset(runId, 'ingest', withRows(scale.oslo, options.rows ?? scale.ingestRows));
  if (process.env.KAFKA_BROKERS) cleanups.push(() => deleteTopics(kafka.admin, dataset.prefix));
  await produceDataset(kafka.bus, kafka.admin, dataset, dataEnd(), log);
  log(`measuring ingest; ${await machineLoad()}`);
  const pair = await measureIngestPair({ runId, brokers: kafka.brokers, admin: kafka.admin }, dataset, startClassifierBeside, ({ beside, figures }) => {
    stopping.push(figures.finished);
    log(describeConsumerRun(beside ? 'ingest with the classifier beside it' : 'ingest', figures.rows, figures.timing));
    if (figures.companionNote) log(figures.companionNote);
  });
  const after = await measureMachineSpeed();
  const result = {
    rows: dataset.rows,
    ingest_rows_per_s: Math.round(pair.plainRowsPerS),
    ingest_with_classifier_rows_per_s: Math.round(pair.besideRowsPerS),
    runs_rows_per_s: pair.runs.map((run) => `${run.beside ? 'beside' : 'plain'} ${Math.round(run.figures.rowsPerS)}`),
    machine_decode_us_per_message: [round(before.decodeUsPerMessage, 2), round(after.decodeUsPerMessage, 2)],
    machine_postgres_probe_ms: [round(before.postgresProbeMs, 0), round(after.postgresProbeMs, 0)],
  };
  const text = JSON.stringify(result, null, 2);
  process.stdout.write(`${text}\n`);
  if (options.json) await writeFile(options.json, `${text}\n`);
}

/** The full benchmark: every figure of BENCHMARKS.md's table. */
async function runBench(): Promise<void> {
  const { result, pageAbsent } = await run();
  const text = JSON.stringify(result, null, 2);
  process.stdout.write(`${text}\n`);
  if (options.json) await writeFile(options.json, `${text}\n`);
  log(await machineLoad());
  // For comparing runs only: a failing probe must not fail a run whose figures are written.
  await measureMachineSpeed().then(
    (speed) => log(`at the end, ${describeMachineSpeed(speed)}`),
    (error: unknown) => log(`machine speed at the end not measured: ${String(error)}`),
  );
  log(`done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  if (scale.name === 'smoke') {
    // Until the home page draws its map, the page figure is absent rather than slow.
    const missing = missingFigures(result, new Set(pageAbsent ? ['page_markers_ms' as const] : []));
    if (missing.length > 0) throw new Error(`smoke: figures missing or not above zero: ${missing.join(', ')}`);
  }
}

try {
  await (options.clients ? runClients(options.clients) : options.classifierPair ? runClassifierPair() : runBench());
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
