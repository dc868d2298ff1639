import { header, type FeedName, type FileVersion, type SystemDescription } from './gbfs-documents';
import type { StationState } from './city-moves';
import type { City } from './synthetic-city';

/** One GBFS version's rendering of the synthetic city. */
export interface CityFeedFormat {
  /** The version field of every file; undefined for the 1.x shape, which has none. */
  fileVersion: FileVersion;
  /** What gbfs.json lists, in order; vehicle_types only from 2.1 on. */
  feeds: readonly FeedName[];
  systemInformation(city: City, system: SystemDescription, ttl: number): unknown;
  stationInformation(city: City, system: SystemDescription, ttl: number): unknown;
  stationStatus(city: City, ttl: number): unknown;
  /** Absent in versions without vehicle_types.json. */
  vehicleTypes?(city: City, ttl: number): unknown;
}

export const FEEDS_WITH_VEHICLE_TYPES: readonly FeedName[] = ['system_information', 'station_information', 'station_status', 'vehicle_types'];
export const FEEDS_WITHOUT_VEHICLE_TYPES: readonly FeedName[] = ['system_information', 'station_information', 'station_status'];

export const BIKE_TYPE_ID = 'bike';
export const EBIKE_TYPE_ID = 'ebike';
/** How far the simulated e-bikes go; GBFS 3.0 requires a range for motorised vehicle types. */
export const EBIKE_RANGE_METERS = 60_000;

/** station_information with plain-string names, as GBFS 1.x and 2.x publish it. */
export const plainStationInformation = (version: FileVersion) => (city: City, _system: SystemDescription, ttl: number) => ({
  ...header(version, city.createdSeconds, ttl),
  data: {
    stations: city.layout.map((station) => ({
      station_id: station.id,
      name: station.name,
      address: station.address,
      lat: station.lat,
      lon: station.lon,
      capacity: station.capacity,
    })),
  },
});

/** Bikes and e-bikes as GBFS 2.3 and 3.0 count them, by vehicle type. */
export const vehicleTypesAvailable = (state: StationState) => [
  { vehicle_type_id: BIKE_TYPE_ID, count: state.bikes - state.ebikes },
  { vehicle_type_id: EBIKE_TYPE_ID, count: state.ebikes },
];
