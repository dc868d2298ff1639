/** Exponential backoff with full jitter: attempt 1 waits up to base, doubling to the cap. */
export function backoffDelayMs(attempt: number, baseMs = 1_000, capMs = 60_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
