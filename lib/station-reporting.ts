/**
 * Whether a station still reports. The producer stores a quiet station only on its heartbeat, so a
 * silent row is expected for up to one heartbeat; past that plus the feed's own staleness margin
 * (three times its ttl, at least 60 s), the station has stopped reporting or left the feed.
 */
export function isStationReporting(reportedAt: Date, ttlSeconds: number, heartbeatSeconds: number, now: number): boolean {
  const allowedSeconds = heartbeatSeconds + Math.max(3 * ttlSeconds, 60);
  return now - reportedAt.getTime() <= allowedSeconds * 1000;
}
