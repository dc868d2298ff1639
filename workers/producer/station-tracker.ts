import type { StationStatus } from '../../lib/gbfs/types';

interface Sent {
  status: StationStatus;
  sentAt: number;
}

function sameState(a: StationStatus, b: StationStatus): boolean {
  return (
    a.bikes === b.bikes &&
    a.ebikes === b.ebikes &&
    a.docks === b.docks &&
    a.isInstalled === b.isInstalled &&
    a.isRenting === b.isRenting &&
    a.isReturning === b.isReturning
  );
}

/**
 * Remembers what was last sent per station, so a poll publishes only the stations whose counts or
 * flags changed, plus a heartbeat once a station has been quiet for `heartbeatMs`.
 */
export class StationTracker {
  private readonly sent = new Map<string, Sent>();

  constructor(private readonly heartbeatMs: number) {}

  select(statuses: StationStatus[], now: number): StationStatus[] {
    return statuses.filter((status) => {
      const previous = this.sent.get(status.stationId);
      if (!previous) return true;
      // A feed served from a stale cache can go back in time; history only moves forward.
      if (status.reportedAt <= previous.status.reportedAt) return false;
      return !sameState(previous.status, status) || now - previous.sentAt >= this.heartbeatMs;
    });
  }

  /** Called only after Kafka acknowledged the messages, so a failed send is retried next poll. */
  markSent(statuses: StationStatus[], now: number): void {
    for (const status of statuses) this.sent.set(status.stationId, { status, sentAt: now });
  }
}
