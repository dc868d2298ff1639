import type { StationJson } from '../api/api-types';
import { compareStationNames } from '../i18n/collate';
import { searchText, stationLabel } from './station-table';

/** Up to `limit` stations whose name contains the query: names that start with it first, then by name in Norwegian order. */
export function findStations<T extends StationJson>(stations: readonly T[], query: string, limit: number): T[] {
  const needle = searchText(query);
  if (!needle) return [];
  const ranked = stations
    .map((station) => ({ station, label: stationLabel(station), text: searchText(stationLabel(station)) }))
    .filter(({ text }) => text.includes(needle))
    .sort((a, b) => Number(!a.text.startsWith(needle)) - Number(!b.text.startsWith(needle)) || compareStationNames(a.label, b.label));
  return ranked.slice(0, limit).map(({ station }) => station);
}
