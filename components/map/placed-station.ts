import type { StationJson } from '@/lib/api/api-types';

/** A station that can go on the map (a feed may leave a station without a position). */
export type PlacedStation = StationJson & { lat: number; lon: number };

export const hasPosition = (station: StationJson): station is PlacedStation => station.lat !== null && station.lon !== null;

/** Asked for by the station search: move the map here. A new object each time, so the same place can be asked for twice. */
export interface PanRequest {
  lat: number;
  lon: number;
}
