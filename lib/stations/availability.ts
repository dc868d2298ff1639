/** How a station looks to a rider, and the system's totals. Pure, shared by the pages and the API. */

export type AvailabilityLevel = 'closed' | 'empty' | 'low' | 'ok' | 'full';

export interface StationCounts {
  bikes: number;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
}

export const LOW_BIKES = 2;

export function availabilityLevel(station: StationCounts): AvailabilityLevel {
  if (!station.isInstalled || !station.isRenting) return 'closed';
  if (station.bikes === 0) return 'empty';
  if (station.docks === 0) return 'full';
  return station.bikes <= LOW_BIKES ? 'low' : 'ok';
}

export interface SystemTotals {
  stations: number;
  bikes: number;
  ebikes: number;
  docks: number;
  emptyStations: number;
  fullStations: number;
  closedStations: number;
}

export function systemTotals(stations: (StationCounts & { ebikes: number | null })[]): SystemTotals {
  const totals: SystemTotals = { stations: stations.length, bikes: 0, ebikes: 0, docks: 0, emptyStations: 0, fullStations: 0, closedStations: 0 };
  for (const station of stations) {
    totals.bikes += station.bikes;
    totals.ebikes += station.ebikes ?? 0;
    totals.docks += station.docks ?? 0;
    const level = availabilityLevel(station);
    if (level === 'empty') totals.emptyStations += 1;
    else if (level === 'full') totals.fullStations += 1;
    else if (level === 'closed') totals.closedStations += 1;
  }
  return totals;
}

/** The feed is stale when its last update is older than three times its ttl (at least 30 s). */
export function isFeedStale(statusUpdatedAt: Date | null, ttlSeconds: number, now: number): boolean {
  if (!statusUpdatedAt) return true;
  return now - statusUpdatedAt.getTime() > Math.max(3 * ttlSeconds, 30) * 1000;
}
