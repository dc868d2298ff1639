import type { StationJson } from '../api/api-types';
import { compareStationNames } from '../i18n/collate';
import { availabilityLevel } from './availability';
import { LEVELS } from './availability-labels';

export type SortKey = 'name' | 'bikes' | 'ebikes' | 'docks' | 'status';
export type SortDirection = 'ascending' | 'descending';

export const stationLabel = (station: Pick<StationJson, 'name' | 'stationId'>) => station.name ?? station.stationId;

/** Lower case without accents, so "ulleval" finds "Ullevål" and "Torg" finds "torget". */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/gi, 'o').replace(/æ/gi, 'ae').toLowerCase().trim();
}

function value(station: StationJson, key: Exclude<SortKey, 'name'>): number {
  if (key === 'status') return LEVELS.indexOf(availabilityLevel(station));
  // A station that does not report e-bikes or docks sorts below one that reports zero.
  return station[key] ?? -1;
}

/** Stations whose name matches `query`, in the order the table's header asks for; ties go by name. */
export function filterAndSortStations(stations: readonly StationJson[], query: string, key: SortKey, direction: SortDirection): StationJson[] {
  const needle = searchText(query);
  const matches = needle ? stations.filter((station) => searchText(stationLabel(station)).includes(needle)) : [...stations];
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: StationJson, b: StationJson) => compareStationNames(stationLabel(a), stationLabel(b));
  return matches.sort((a, b) => {
    const primary = key === 'name' ? byName(a, b) : value(a, key) - value(b, key);
    return primary !== 0 ? sign * primary : byName(a, b);
  });
}

/** Whether two reports of a station show the same thing (SWR hands over new objects on every change anywhere). */
export function sameStation(a: StationJson, b: StationJson): boolean {
  return (Object.keys(a) as (keyof StationJson)[]).every((key) => a[key] === b[key]);
}
