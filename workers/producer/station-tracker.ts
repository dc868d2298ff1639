import type { StationStatus } from '../../lib/gbfs/types';
import { StationMemory } from './station-memory';

interface Sent {
  /** As published: its reportedAt may be restamped. */
  status: StationStatus;
  /** The report time the feed gave, which the next report is compared with. */
  feedReportedAt: number;
  sentAt: number;
}

/** A status to publish, with the report time the feed gave it. */
export interface Outgoing {
  status: StationStatus;
  feedReportedAt: number;
}

export interface Selection {
  send: Outgoing[];
  /** Reports whose counts changed without their time moving past the last one sent: sent with a later time. */
  restamped: number;
  /** Reports older than the last one sent, with other counts (a stale cache or a station clock set back): not sent. */
  wentBack: { status: StationStatus; previousAt: number }[];
}

const RESTAMP_STEP_MS = 1_000;

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
 *
 * History is keyed by report time and only moves forward. A change whose report time did not move
 * past the last one sent is stamped with the feed's last_updated when that is later (the file says
 * its data held then), else 1 s after the last report (GBFS times are whole seconds, so that is the
 * next time the store can hold apart); a stamp later than the fetch waits for the next poll.
 */
export class StationTracker {
  private readonly sent = new StationMemory<Sent>();

  constructor(private readonly heartbeatMs: number) {}

  /** `feedUpdatedAt`: the file's last_updated in whole-second ms, when plausible and not after the fetch. */
  select(statuses: StationStatus[], now: number, feedUpdatedAt: number | null = null): Selection {
    const selection: Selection = { send: [], restamped: 0, wentBack: [] };
    this.sent.forget(now);
    for (const status of statuses) {
      this.sent.touch(status.stationId, now);
      const previous = this.sent.get(status.stationId);
      if (!previous) {
        selection.send.push({ status, feedReportedAt: status.reportedAt });
        continue;
      }
      const changed = !sameState(previous.status, status);
      if (status.reportedAt < previous.feedReportedAt) {
        if (changed) selection.wentBack.push({ status, previousAt: previous.feedReportedAt });
        continue;
      }
      const heartbeat = status.reportedAt > previous.feedReportedAt && now - previous.sentAt >= this.heartbeatMs;
      if (!changed && !heartbeat) continue;
      if (status.reportedAt > previous.status.reportedAt) {
        selection.send.push({ status, feedReportedAt: status.reportedAt });
        continue;
      }
      const last = previous.status.reportedAt;
      const reportedAt = feedUpdatedAt !== null && feedUpdatedAt > last ? feedUpdatedAt : last + RESTAMP_STEP_MS;
      if (reportedAt > now) continue;
      selection.send.push({ status: { ...status, reportedAt }, feedReportedAt: status.reportedAt });
      selection.restamped += 1;
    }
    return selection;
  }

  /** Called only after Kafka acknowledged the messages, so a failed send is retried next poll. */
  markSent(sent: Outgoing[], now: number): void {
    for (const { status, feedReportedAt } of sent) this.sent.set(status.stationId, { status, feedReportedAt, sentAt: now }, now);
  }
}
