/**
 * Whether a station still reports, judged against the feed's own latest update rather than the
 * clock, so a stale feed shows as a stale feed and not as every station going silent at once.
 *
 * The producer sends a station whenever its counts change and re-sends an unchanged one every
 * heartbeat, but only while the station is in the feed and its last_reported moves on. So a
 * station in the feed is at most one heartbeat plus one poll behind the feed's latest update; a
 * station further behind than the heartbeat plus a margin (three ttls, at least 60 s) has left the
 * feed or stopped reporting.
 */
export function reportingCutoff(latestFeedUpdate: Date, ttlSeconds: number, heartbeatSeconds: number): Date {
  const allowedSeconds = heartbeatSeconds + Math.max(3 * ttlSeconds, 60);
  return new Date(latestFeedUpdate.getTime() - allowedSeconds * 1000);
}

export function isStationReporting(reportedAt: Date, latestFeedUpdate: Date, ttlSeconds: number, heartbeatSeconds: number): boolean {
  return reportedAt.getTime() >= reportingCutoff(latestFeedUpdate, ttlSeconds, heartbeatSeconds).getTime();
}

/** The feed's own time when it gave a believable one, else when it was last polled. */
export function latestFeedUpdate(system: { statusUpdatedAt: Date | null; polledAt: Date }): Date {
  return system.statusUpdatedAt ?? system.polledAt;
}
