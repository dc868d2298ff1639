import type { ChangesResponse } from '../api/api-types';
import type { ChangeCause } from '../stations/insights/causes/types';

/** SWR keys are the API URLs, built here once so server fallbacks and client hooks agree. */

export const SYSTEMS_KEY = '/api/systems';

export const CHANGES_PAGE_SIZE = 50;

export function stationsKey(systemId: string): string {
  return `/api/stations?system=${encodeURIComponent(systemId)}`;
}

/** useSWRInfinite's page key: the newest page, then each older page from the previous page's cursor. */
export function changesPageKey(systemId: string, cause: ChangeCause | null = null) {
  return (index: number, previous: ChangesResponse | null): string | null => {
    const base = `/api/changes?system=${encodeURIComponent(systemId)}&limit=${CHANGES_PAGE_SIZE}${cause ? `&cause=${cause}` : ''}`;
    if (index === 0) return base;
    return previous?.next ? `${base}&before=${encodeURIComponent(previous.next)}` : null;
  };
}

/** The map's layer of recent changes: one larger page, enough for the last minutes of a busy city. */
export const RECENT_CHANGES_LIMIT = 500;

export function recentChangesKey(systemId: string): string {
  return `/api/changes?system=${encodeURIComponent(systemId)}&limit=${RECENT_CHANGES_LIMIT}`;
}
