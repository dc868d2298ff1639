import { parseStationStatus } from '../../lib/gbfs/parse-station-status';
import { groupByStation, planStatusWrite, stationKey, type StoredLatest } from '../../lib/queries/status-write-plan';
import type { ChangeForCause } from '../../lib/stations/insights/causes/types';
import { StationTracker } from '../../workers/producer/station-tracker';
import { gbfsV2Format } from '../../workers/simulator/city-format-v2';
import type { City } from '../../workers/simulator/synthetic-city';

const SYSTEM_ID = 'labelled';

/** The producer's default HEARTBEAT_SECONDS: an unchanged station is re-sent (and stored) after 5 quiet minutes. */
export const PRODUCER_HEARTBEAT_MS = 300_000;

/**
 * The changes the pipeline stores from a feed, built by the pipeline's own code in this process: the feed as the
 * simulator serves it (GBFS 2.3), the producer's selection (changed reports plus heartbeats) and the consumer's write
 * plan (a change is a stored report whose bikes or docks differ from the station's previous stored one, which may be
 * a heartbeat or a report where only e-bikes changed). Feed time stands in for the producer's clock, as in production.
 */
export class StoredChanges {
  private readonly tracker: StationTracker;
  private readonly latest = new Map<string, StoredLatest>();

  constructor(heartbeatMs: number) {
    this.tracker = new StationTracker(heartbeatMs);
  }

  /** The changes one poll of the shown city adds to the store. */
  poll(shown: City): ChangeForCause[] {
    const now = shown.nowSeconds * 1000;
    const snapshot = parseStationStatus(gbfsV2Format.stationStatus(shown, 0), { systemId: SYSTEM_ID, fetchedAt: now });
    const selection = this.tracker.select(snapshot.items, now);
    this.tracker.markSent(selection.send, now);
    const reports = selection.send.map(({ status }) => ({ ...status, reportedAt: new Date(status.reportedAt) }));
    const plan = planStatusWrite(groupByStation(reports), this.latest);
    for (const report of plan.newest) this.latest.set(stationKey(report.systemId, report.stationId), report);
    return plan.changes.map(({ stationId, reportedAt, prevReportedAt, bikes, prevBikes, docks, prevDocks }) => ({ stationId, reportedAt, prevReportedAt, bikes, prevBikes, docks, prevDocks }));
  }
}
