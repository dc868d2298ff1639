import { Agent, get } from 'node:http';
import { summarize, type Summary } from './stats';

export interface LoadResult {
  /** Every request, failed ones included (a failure is also a wait the user sees). */
  latency: Summary;
  /** Successful (200) responses per second over the run. */
  rps: number;
  sent: number;
  failed: number;
  /** Failed requests by status code or error code. */
  failures: Record<string, number>;
}

/** Simulated browsers behind the load, as seen through one trusted proxy: each polls far below the API's per-client rate limit (server/index.ts). */
const CLIENTS = 1000;
const REQUEST_TIMEOUT_MS = 30_000;

const clientAddress = (index: number) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;

/**
 * Open-loop load: requests start on a fixed schedule whether or not earlier ones have answered, and
 * each latency counts from the request's scheduled start, so a server that falls behind shows it
 * (no coordinated omission). Like a browser, each asks for gzip and reads the body to the end; the
 * requests come from CLIENTS different X-Forwarded-For addresses, as from many dashboards polling.
 */
export async function openLoop(url: string, ratePerSecond: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.max(1, Math.round(ratePerSecond * seconds));
  const intervalMs = 1000 / ratePerSecond;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let failed = 0;
  let succeeded = 0;
  let lastSuccess = 0;

  const request = (scheduledAt: number, client: string) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const finish = (failure: string | null) => {
        if (settled) return;
        settled = true;
        const now = performance.now();
        latencies.push(now - scheduledAt);
        if (failure === null) {
          succeeded += 1;
          lastSuccess = now;
        } else {
          failed += 1;
          failures[failure] = (failures[failure] ?? 0) + 1;
        }
        resolve();
      };
      const outgoing = get(url, { agent, headers: { 'x-forwarded-for': client, 'accept-encoding': 'gzip' }, timeout: REQUEST_TIMEOUT_MS }, (response) => {
        response.on('data', () => undefined);
        response.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
        response.on('end', () => finish(response.statusCode === 200 ? null : `HTTP ${response.statusCode}`));
      });
      outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      outgoing.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    });

  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const scheduledAt = started + index * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(request(scheduledAt, clientAddress(index % CLIENTS)));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const elapsedS = (Math.max(lastSuccess, started + total * intervalMs) - started) / 1000;
  return { latency: summarize(latencies), rps: succeeded / elapsedS, sent: total, failed, failures };
}
