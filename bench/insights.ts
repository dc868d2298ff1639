import { sql } from 'drizzle-orm';
import type { Database } from '../lib/db/client';
import { getActivity } from '../lib/queries/activity';
import { getReportCards } from '../lib/queries/report-cards';
import { CAUSE_SETTLE_MS } from '../lib/stations/insights/causes/classify';
import { workerCommand } from '../scripts/worker-command';
import { ROOT, startProcess, type RunningProcess } from '../tests/support/processes';
import { backendPids } from './consumer-run';
import { cpuMs, treeCpuMs } from './rss';
import type { CitySpec } from './scales';
import { timeRuns, type Summary } from './stats';

const DAY_MS = 24 * 3_600_000;
/** As workers/classifier/index.ts names its pool. */
const CLASSIFIER_APPLICATION_NAME = 'bikestream-classifier';

export interface InsightFigures {
  /** The classifier from "classifier started" to every change classified and every final day's report cards written. */
  classifySeconds: number;
  changes: number;
  /** Classifier CPU (its process tree) per change, µs. */
  classifyCpuUsPerChange: number;
  activityDay: Summary;
  report30d: Summary;
}

/**
 * Whether the classifier has settled everything it can (the last settle horizon stays open), written
 * every final day's report cards (none when the history starts today) and today's partial ones.
 */
async function caughtUp(db: Database, systemId: string): Promise<boolean> {
  const result = await db.execute<{ done: boolean }>(sql`
    SELECT p.through >= s.status_updated_at - make_interval(secs => ${CAUSE_SETTLE_MS / 1000} + 600)
       AND p.today_reported_at IS NOT NULL
       AND coalesce(p.reported_through, (SELECT (min(first_seen) AT TIME ZONE s.timezone)::date - 1 FROM stations WHERE system_id = s.system_id))
           >= (p.through AT TIME ZONE s.timezone)::date - 1 AS done
    FROM systems s JOIN cause_progress p USING (system_id) WHERE s.system_id = ${systemId}`);
  return result.rows[0]?.done === true;
}

/** The classifier worker as `npm run classifier` runs it, once it has logged that it started. */
async function spawnClassifier(databaseUrl: string): Promise<RunningProcess> {
  const { command, args } = workerCommand('classifier', ROOT);
  const classifier = startProcess('classifier', command, args, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });
  while (!classifier.output().includes('classifier started')) {
    if (classifier.child.exitCode !== null) throw new Error(`the classifier exited:\n${classifier.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return classifier;
}

/** The classifier worker as a companion of an ingest run: it classifies while the consumer writes. */
export async function startClassifierBeside(databaseUrl: string): Promise<{ stop(): Promise<string> }> {
  const classifier = await spawnClassifier(databaseUrl);
  const pid = classifier.child.pid ?? 0;
  const cpuAtStart = await treeCpuMs(pid);
  return {
    stop: async () => {
      const cpu = (await treeCpuMs(pid)) - cpuAtStart;
      // Its pool keeps its connections while it works; those alive now carry the work it asked of PostgreSQL.
      const backendCpu = await cpuMs(await backendPids(databaseUrl, CLASSIFIER_APPLICATION_NAME));
      const racing = classifier.output().includes('racing ahead of the clock');
      await classifier.stop(20_000);
      return `classifier beside it: ${cpu.toFixed(0)} ms CPU, its PostgreSQL backends ${backendCpu.toFixed(0)} ms; ${racing ? 'it saw the backlog racing and waited' : 'it never saw the feed racing'}`;
    },
  };
}

export function describeInsights(figures: InsightFigures): string {
  return `classifier: ${figures.changes} changes in ${figures.classifySeconds.toFixed(1)} s (${figures.classifyCpuUsPerChange.toFixed(1)} µs CPU a change); activity, a day in quarter hours: p50 ${figures.activityDay.p50.toFixed(2)} ms, p95 ${figures.activityDay.p95.toFixed(2)} ms; 30-day report cards: p50 ${figures.report30d.p50.toFixed(2)} ms, p95 ${figures.report30d.p95.toFixed(2)} ms`;
}

/**
 * Runs the real classifier worker over a replayed history until it has caught up, then times the
 * activity (a day in quarter hours) and 30-day report card reads as the API makes them.
 */
export async function measureInsights(db: Database, databaseUrl: string, spec: CitySpec, end: Date, runs: number, maxMs: number): Promise<InsightFigures> {
  // Node and tsx start-up (about a second of CPU) is not the classifier's work: count from its ready line.
  const classifier = await spawnClassifier(databaseUrl);
  try {
    const started = performance.now();
    const cpuAtStart = await treeCpuMs(classifier.child.pid ?? 0);
    while (!(await caughtUp(db, spec.systemId))) {
      if (classifier.child.exitCode !== null) throw new Error(`the classifier exited:\n${classifier.output()}`);
      if (performance.now() - started > maxMs) throw new Error(`the classifier did not catch up within ${maxMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const classifySeconds = (performance.now() - started) / 1000;
    const cpuMs = (await treeCpuMs(classifier.child.pid ?? 0)) - cpuAtStart;
    const counted = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM change_cause WHERE system_id = ${spec.systemId}`);
    const changes = counted.rows[0]?.n ?? 0;
    const from = new Date(end.getTime() - DAY_MS);
    const activityDay = await timeRuns(runs, async () => {
      const activity = await getActivity(db, spec.systemId, from, end, 900);
      if (activity.buckets.length === 0) throw new Error('no activity in the last day');
    });
    const report30d = await timeRuns(runs, async () => {
      const cards = await getReportCards(db, spec.systemId, 30, 'empty-minutes');
      if (!cards || cards.stations.length === 0) throw new Error('no report cards');
    });
    return { classifySeconds, changes, classifyCpuUsPerChange: changes > 0 ? (cpuMs * 1000) / changes : 0, activityDay, report30d };
  } finally {
    await classifier.stop(20_000);
  }
}
