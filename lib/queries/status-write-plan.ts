import type { StatusReport } from './store-records';
import type { StationChange } from './changes';

/** A station's newest stored report: the one the next report is compared with. */
export interface StoredLatest {
  reportedAt: Date;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
}

/** A row of station_change: a report whose bike or dock count differs from the report before it. */
export type ChangeRow = Omit<StationChange, 'name' | 'cause'>;

export interface StatusWritePlan {
  /** Reports newer than their station's latest stored one, one per station and time, oldest first. */
  fresh: StatusReport[];
  /** Reports at or before it: redeliveries, or reports that arrived late. */
  stale: StatusReport[];
  /** The changes among the fresh reports, the first compared with the stored latest. */
  changes: ChangeRow[];
  /** Each station's newest fresh report, for its stations row. */
  newest: StatusReport[];
}

export const stationKey = (systemId: string, stationId: string) => `${systemId}\u0000${stationId}`;

/** UTF-16 code-unit order of station keys: the order every transaction locks stations rows in. */
export const byStationKey = (a: { systemId: string; stationId: string }, b: { systemId: string; stationId: string }) =>
  a.systemId < b.systemId ? -1 : a.systemId > b.systemId ? 1 : a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0;

/** A batch's reports by station key, each station's oldest first. */
export type StationGroups = ReadonlyMap<string, readonly StatusReport[]>;

/**
 * Grouped once per batch: the lock (its stations and their time spans) and the plan both read it.
 * By system, then station, so each row costs two Map lookups on the strings it already has: a
 * concatenated key per row (`stationKey`) cost ≈ 0.45 µs a row more, ≈ 4 % of the consumer's
 * CPU, and is made once per station instead.
 */
export function groupByStation(rows: readonly StatusReport[]): StationGroups {
  const bySystem = new Map<string, Map<string, StatusReport[]>>();
  for (const row of rows) {
    let stations = bySystem.get(row.systemId);
    if (!stations) bySystem.set(row.systemId, (stations = new Map()));
    const group = stations.get(row.stationId);
    if (group) group.push(row);
    else stations.set(row.stationId, [row]);
  }
  const groups = new Map<string, StatusReport[]>();
  for (const [systemId, stations] of bySystem) {
    for (const [stationId, group] of stations) {
      // Array.prototype.sort is stable: equal times keep their order in the batch. Kafka usually
      // delivers a station's reports in order already, which the check finds without sorting.
      if (!inTimeOrder(group)) group.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
      groups.set(stationKey(systemId, stationId), group);
    }
  }
  return groups;
}

function inTimeOrder(group: readonly StatusReport[]): boolean {
  for (let index = 1; index < group.length; index += 1) {
    if ((group[index] as StatusReport).reportedAt.getTime() < (group[index - 1] as StatusReport).reportedAt.getTime()) return false;
  }
  return true;
}

/**
 * What a batch of reports adds, given each station's latest stored report: the LAG view's change
 * definition (bikes or docks differ from the same station's previous report) applied in memory, so
 * the database only stores rows. Two reports of one station at one time keep the first, as the
 * history's ON CONFLICT DO NOTHING does.
 */
export function planStatusWrite(groups: StationGroups, latest: ReadonlyMap<string, StoredLatest>): StatusWritePlan {
  const plan: StatusWritePlan = { fresh: [], stale: [], changes: [], newest: [] };
  for (const [key, group] of groups) {
    const stored = latest.get(key);
    let previous: StoredLatest | undefined = stored;
    let newest: StatusReport | undefined;
    for (const row of group) {
      if (previous && row.reportedAt.getTime() <= previous.reportedAt.getTime()) {
        if (previous === stored) plan.stale.push(row);
        continue;
      }
      plan.fresh.push(row);
      if (previous && (row.bikes !== previous.bikes || row.docks !== previous.docks)) {
        plan.changes.push({
          systemId: row.systemId,
          stationId: row.stationId,
          reportedAt: row.reportedAt,
          prevReportedAt: previous.reportedAt,
          bikes: row.bikes,
          prevBikes: previous.bikes,
          ebikes: row.ebikes,
          prevEbikes: previous.ebikes,
          docks: row.docks,
          prevDocks: previous.docks,
        });
      }
      previous = row;
      newest = row;
    }
    if (newest) plan.newest.push(newest);
  }
  return plan;
}
