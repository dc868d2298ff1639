import { fork } from 'node:child_process';
import path from 'node:path';
import { upsertSystems } from '../lib/queries/ingest';
import { sleep } from '../lib/runtime/sleep';
import { writeBatch } from '../workers/consumer/write-batch';
import { startWeb } from '../tests/support/web';
import type { BenchDatabase } from './databases';
import { summarize } from './stats';

export interface StreamStep {
  clients: number;
  opened: number;
  /** Share of the expected (stream, change) deliveries that arrived. */
  delivered: number;
  p50: number;
  p95: number;
  max: number;
}

export interface StreamFigures {
  steps: StreamStep[];
  /** p95 commit → event at the smallest step (a normal load). */
  latencyP95Ms: number;
  /** The most streams served with every event delivered and p95 ≤ 1 s. */
  clients: number;
}

const SYSTEM = 'stream-bench';
const STATIONS = 50;
const LATENCY_LIMIT_MS = 1_000;
const wallNow = () => performance.timeOrigin + performance.now();

type ClientMessage = { kind: 'open'; open: number; failed: number } | { kind: 'arrivals'; arrivals: [string, number[]][] };

/** N streams in a child process; resolves once each one answered. */
async function startClients(url: string, count: number) {
  const child = fork(path.join(import.meta.dirname, 'stream-clients.ts'), [url, String(count)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: ClientMessage[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (message: ClientMessage) => {
    messages.push(message);
    for (const wake of waiters) wake();
  });
  const next = (kind: ClientMessage['kind'], timeoutMs: number) =>
    new Promise<ClientMessage>((resolve, reject) => {
      const check = () => {
        const found = messages.find((message) => message.kind === kind);
        if (!found) return;
        messages.splice(messages.indexOf(found), 1);
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`stream clients: no ${kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const opened = (await next('open', 120_000)) as Extract<ClientMessage, { kind: 'open' }>;
  return {
    opened,
    async arrivals() {
      child.send('report');
      return new Map(((await next('arrivals', 60_000)) as Extract<ClientMessage, { kind: 'arrivals' }>).arrivals);
    },
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill()))),
  };
}

const report = (stationId: string, reportedAt: Date, bikes: number) => ({
  systemId: SYSTEM,
  stationId,
  reportedAt,
  bikes,
  ebikes: null,
  docks: 20 - bikes,
  isInstalled: true,
  isRenting: true,
  isReturning: true,
});

/**
 * Commit → event latency of /api/stream and how many streams one web process serves: for each
 * step, N streams are opened from a separate process, then `rounds` batches are committed through
 * the consumer's own write path (writeBatch: its transaction and its NOTIFY), one changed station
 * each, and every stream's arrival of every change is timed against the commit's return.
 */
export async function measureStream(database: BenchDatabase, options: { steps: readonly number[]; rounds: number; log: (line: string) => void }): Promise<StreamFigures> {
  const start = new Date();
  await upsertSystems(database.db, [
    { systemId: SYSTEM, name: 'Stream bench', timezone: 'Europe/Oslo', language: 'en', operator: null, licenseUrl: null, feedUrl: 'http://127.0.0.1/gbfs.json', ttlSeconds: 10, simulated: true, statusUpdatedAt: start, polledAt: start },
  ]);
  let clock = start.getTime() - 3_600_000;
  // Each report moves its station by one bike, so every commit is exactly one change.
  const bikes = new Map<string, number>();
  await writeBatch(database.db, { kind: 'stationStatus', rows: Array.from({ length: STATIONS }, (_, index) => report(`s${index}`, new Date(clock), 5)) });
  const max = Math.max(...options.steps);
  const web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0', STREAM_PER_CLIENT: String(max + 10), STREAM_MAX: String(max + 10), LOG_LEVEL: 'warn' });
  const steps: StreamStep[] = [];
  try {
    for (const count of options.steps) {
      const clients = await startClients(`${web.baseUrl}/api/stream?system=${SYSTEM}`, count);
      try {
        // Let the last subscriptions settle before timing.
        await sleep(1_000);
        const commits = new Map<string, number>();
        for (let round = 0; round < options.rounds; round += 1) {
          clock += 1_000;
          const at = new Date(clock);
          const stationId = `s${round % STATIONS}`;
          const moved = ((bikes.get(stationId) ?? 5) + 1) % 15;
          bikes.set(stationId, moved);
          await writeBatch(database.db, { kind: 'stationStatus', rows: [report(stationId, at, moved)] });
          commits.set(`${at.toISOString()}/${stationId}`, wallNow());
          await sleep(250);
        }
        await sleep(2_000);
        const arrivals = await clients.arrivals();
        const latencies: number[] = [];
        for (const [key, committedAt] of commits) for (const arrivedAt of arrivals.get(key) ?? []) latencies.push(arrivedAt - committedAt);
        const summary = summarize(latencies);
        const step = { clients: count, opened: clients.opened.open, delivered: latencies.length / (commits.size * count), p50: summary.p50, p95: summary.p95, max: summary.max };
        steps.push(step);
        options.log(`stream ${count} clients (${step.opened} opened): ${(step.delivered * 100).toFixed(1)} % delivered, commit → event p50 ${step.p50.toFixed(1)} ms, p95 ${step.p95.toFixed(1)} ms, max ${step.max.toFixed(0)} ms`);
      } finally {
        await clients.stop();
      }
      await sleep(1_000);
    }
  } finally {
    await web.stop();
  }
  const passing = steps.filter((step) => step.opened === step.clients && step.delivered >= 1 && step.p95 <= LATENCY_LIMIT_MS);
  return { steps, latencyP95Ms: steps[0]?.p95 ?? NaN, clients: Math.max(0, ...passing.map((step) => step.clients)) };
}
