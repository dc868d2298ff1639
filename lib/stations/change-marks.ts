import type { ChangeJson } from '../api/api-types';

/** What a change did, for its mark on the map: the bikes it moved, or else the docks. */
export interface ChangeDelta {
  what: 'bikes' | 'docks';
  delta: number;
}

export function changeDelta(change: Pick<ChangeJson, 'bikes' | 'prevBikes' | 'docks' | 'prevDocks'>): ChangeDelta | null {
  if (change.bikes !== change.prevBikes) return { what: 'bikes', delta: change.bikes - change.prevBikes };
  if (change.docks !== null && change.prevDocks !== null && change.docks !== change.prevDocks) return { what: 'docks', delta: change.docks - change.prevDocks };
  return null;
}

/**
 * The changes of the last `minutes` before the newest one, newest first, at most one a station (its
 * newest): timed by the feed's clock, not the reader's, so a replayed or a late feed looks the same.
 */
export function recentChanges(changes: readonly ChangeJson[], minutes: number): { change: ChangeJson; ageMs: number }[] {
  const newest = changes.reduce((latest, change) => Math.max(latest, Date.parse(change.reportedAt)), -Infinity);
  const seen = new Set<string>();
  const recent: { change: ChangeJson; ageMs: number }[] = [];
  for (const change of [...changes].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))) {
    const ageMs = newest - Date.parse(change.reportedAt);
    if (ageMs > minutes * 60_000 || seen.has(change.stationId)) continue;
    seen.add(change.stationId);
    recent.push({ change, ageMs });
  }
  return recent;
}

/** Changes newer than `after` (an ISO time; all of them from an empty string), oldest first. */
export function arrivedAfter(changes: readonly ChangeJson[], after: string): ChangeJson[] {
  return changes.filter((change) => change.reportedAt > after).sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
}
