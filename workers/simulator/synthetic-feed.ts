import { CITY_TIMEZONE } from './city-clock';
import { at, freeDocks } from './city-moves';
import { systemInformationDocument, type SystemDescription } from './gbfs-documents';
import type { City } from './synthetic-city';

export const SYNTHETIC_SYSTEM: SystemDescription = {
  systemId: 'bikestream-sim',
  name: 'Simulated City (bikestream)',
  timezone: CITY_TIMEZONE,
  language: 'en',
  operator: 'bikestream simulator',
  licenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
  feedContactEmail: 'simulator@bikestream.invalid',
};

/** One GBFS version's rendering of the city; a 3.0 format would be a second implementation. */
export interface CityFeedFormat {
  version: string;
  systemInformation(city: City, ttl: number): unknown;
  stationInformation(city: City, ttl: number): unknown;
  stationStatus(city: City, ttl: number): unknown;
  vehicleTypes(city: City, ttl: number): unknown;
}

const version = '2.3';
const header = (lastUpdated: number, ttl: number) => ({ last_updated: lastUpdated, ttl, version });

export const gbfsV2Format: CityFeedFormat = {
  version,
  systemInformation: (city, ttl) => systemInformationDocument(version, SYNTHETIC_SYSTEM, city.createdSeconds, ttl),
  stationInformation: (city, ttl) => ({
    ...header(city.createdSeconds, ttl),
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
  }),
  stationStatus: (city, ttl) => ({
    ...header(city.nowSeconds, ttl),
    data: {
      stations: city.layout.map((station, i) => {
        const state = at(city.states, i);
        const working = state.outOfServiceUntil === null;
        return {
          station_id: station.id,
          num_bikes_available: state.bikes,
          num_docks_available: freeDocks(station, state),
          num_vehicles_available: state.bikes,
          vehicle_types_available: [
            { vehicle_type_id: 'bike', count: state.bikes - state.ebikes },
            { vehicle_type_id: 'ebike', count: state.ebikes },
          ],
          is_installed: working,
          is_renting: working,
          is_returning: working,
          last_reported: city.nowSeconds,
        };
      }),
    },
  }),
  vehicleTypes: (city, ttl) => ({
    ...header(city.createdSeconds, ttl),
    data: {
      vehicle_types: [
        { vehicle_type_id: 'bike', form_factor: 'bicycle', propulsion_type: 'human', name: 'Bike' },
        {
          vehicle_type_id: 'ebike',
          form_factor: 'bicycle',
          propulsion_type: 'electric_assist',
          max_range_meters: 60000,
          name: 'E-bike',
        },
      ],
    },
  }),
};
