const EARLIEST_PLAUSIBLE = Date.UTC(2000, 0, 1);
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

export function isPlausibleTime(ms: number | undefined, now: number): ms is number {
  return ms !== undefined && Number.isFinite(ms) && ms >= EARLIEST_PLAUSIBLE && ms <= now + FUTURE_TOLERANCE_MS;
}

/**
 * When a station's report happened: its own last_reported when believable, else the feed's
 * last_updated, else the time we fetched it; never later than the fetch, so a station whose clock
 * runs ahead cannot hide its next reports. Whole seconds, as GBFS publishes them.
 */
export function chooseReportedAt(lastReported: number | undefined, feedUpdated: number, fetchedAt: number): number {
  const chosen = isPlausibleTime(lastReported, fetchedAt)
    ? lastReported
    : isPlausibleTime(feedUpdated, fetchedAt)
      ? feedUpdated
      : fetchedAt;
  return Math.floor(Math.min(chosen, fetchedAt) / 1000) * 1000;
}
