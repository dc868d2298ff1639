import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or less when the signal aborts; never throws for the abort. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
