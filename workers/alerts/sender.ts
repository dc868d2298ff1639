import type { Alert } from '../../lib/alerts/alerts-file';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody } from '../../lib/alerts/signature';
import type { WebhookPoster } from '../../lib/alerts/webhook-poster';
import type { Database } from '../../lib/db/client';
import { deliveryKey, listDueDeliveries, markAttemptFailed, markDelivered, type DueDelivery } from '../../lib/queries/alert-deliveries';
import { backoffDelayMs } from '../../lib/runtime/backoff';
import type { Logger } from '../../lib/runtime/log';
import { sleep } from '../../lib/runtime/sleep';

interface Options {
  db: Database;
  alerts: ReadonlyMap<string, Alert>;
  post: WebhookPoster;
  log: Logger;
  signal: AbortSignal;
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
  /** Webhooks in flight at once: a slow receiver holds one slot, not the others' turn. */
  concurrency?: number;
  pollMs?: number;
}

/**
 * Sends stored deliveries until the signal aborts: each due one on its own, so one alert's failing
 * receiver waits out its backoff without holding up another's. A delivery is marked only after the
 * receiver answered; a kill before that sends it again with the same Idempotency-Key.
 */
export function createSender({ db, alerts, post, log, signal, maxAttempts, retryBaseMs, retryCapMs, concurrency = 8, pollMs = 250 }: Options) {
  const sending = new Map<string, Promise<void>>();
  let wake: (() => void) | null = null;

  async function deliver(delivery: DueDelivery): Promise<void> {
    const alert = alerts.get(delivery.alertId);
    const key = deliveryKey(delivery);
    let error: string;
    if (!alert) {
      error = 'the alert is no longer in ALERTS_FILE';
    } else {
      try {
        const headers = { [SIGNATURE_HEADER]: signBody(alert.secret, delivery.body), [IDEMPOTENCY_HEADER]: key, 'X-Bikestream-Alert': alert.id };
        const result = await post(alert.url, delivery.body, headers, signal);
        if (result.ok) {
          await markDelivered(db, delivery);
          log.info('webhook delivered', { alert: alert.id, station: delivery.stationId, state: delivery.state, attempt: delivery.attempts + 1 });
          return;
        }
        error = result.detail;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
    }
    if (signal.aborted) return;
    const attempt = delivery.attempts + 1;
    const retryInMs = alert && attempt < maxAttempts ? backoffDelayMs(attempt, retryBaseMs, retryCapMs) : null;
    await markAttemptFailed(db, delivery, error, retryInMs);
    log.warn(retryInMs === null ? 'webhook given up' : 'webhook failed, will retry', { alert: delivery.alertId, station: delivery.stationId, state: delivery.state, attempt, error, retryInMs });
  }

  async function run(): Promise<void> {
    while (!signal.aborted) {
      const free = concurrency - sending.size;
      const due = free > 0 ? await listDueDeliveries(db, free, new Set(sending.keys())) : [];
      for (const delivery of due) {
        const key = deliveryKey(delivery);
        const task = deliver(delivery)
          .catch((error: unknown) => log.error('webhook delivery could not be recorded', { error: error instanceof Error ? error.message : String(error) }))
          .finally(() => {
            sending.delete(key);
            wake?.();
          });
        sending.set(key, task);
      }
      await Promise.race([sleep(pollMs, signal), new Promise<void>((resolve) => (wake = resolve))]);
      wake = null;
    }
    await Promise.allSettled(sending.values());
  }

  return { run, wake: () => wake?.() };
}
