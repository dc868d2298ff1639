import type { ChangeJson, ChangesResponse, StationJson, StationsResponse, SystemJson } from '../api/api-types';
import type { ChangeCause } from '../stations/insights/causes/types';

/** How pushed events change what SWR holds: pure, so the merge rules are tested without a browser. */

// Past this many changes on the first page the feed is refetched instead (fresh pages, fresh cursors).
export const MAX_PUSHED_CHANGES = 200;

const keyOf = (change: ChangeJson) => `${change.reportedAt}/${change.stationId}`;
const newestFirst = (a: ChangeJson, b: ChangeJson) => (a.reportedAt === b.reportedAt ? (a.stationId < b.stationId ? 1 : -1) : a.reportedAt < b.reportedAt ? 1 : -1);

/**
 * The change feed's pages with a pushed change in place: a change already listed is replaced (its
 * cause arrived), a new one sorted in. Only the first page grows: older pages chain from its cursor,
 * so they stay as they were. `cause` is the feed's filter; `null` when the pages need a refetch
 * (none cached yet, or the first page past its bound).
 */
export function withPushedChange(pages: ChangesResponse[] | undefined, change: ChangeJson, cause: ChangeCause | null): ChangesResponse[] | null {
  if (!pages?.[0]) return null;
  const key = keyOf(change);
  const listed = pages.findIndex((page) => page.changes.some((item) => keyOf(item) === key));
  if (cause !== null && change.cause !== cause) {
    if (listed === -1) return pages;
    return pages.map((page) => ({ ...page, changes: page.changes.filter((item) => keyOf(item) !== key) }));
  }
  if (listed !== -1) return pages.map((page) => ({ ...page, changes: page.changes.map((item) => (keyOf(item) === key ? change : item)) }));
  const [first, ...older] = pages;
  const oldestOnFirst = first.changes.at(-1);
  // Older than the first page reaches (and a first page that is not the whole list): it belongs to a page not shown.
  if (oldestOnFirst && first.next && newestFirst(change, oldestOnFirst) > 0) return pages;
  const changes = [...first.changes, change].sort(newestFirst);
  if (changes.length > MAX_PUSHED_CHANGES) return null;
  return [{ ...first, changes }, ...older];
}

/** The station list with one station's pushed status in place (a new station is added). */
export function withPushedStation(response: StationsResponse, station: StationJson): StationsResponse {
  const index = response.stations.findIndex((item) => item.stationId === station.stationId);
  const stations = index === -1 ? [...response.stations, station] : response.stations.map((item, at) => (at === index ? station : item));
  return { ...response, stations };
}

export function withPushedSystem(response: StationsResponse, system: SystemJson): StationsResponse {
  return { ...response, system };
}
