import { BIKE_TYPE_ID, EBIKE_RANGE_METERS, EBIKE_TYPE_ID, FEEDS_WITH_VEHICLE_TYPES, type CityFeedFormat, vehicleTypesAvailable } from './city-feed-format';
import { at, freeDocks } from './city-moves';
import { header, systemInformationDocument, timeIn } from './gbfs-documents';

const version = '3.0';
const time = (seconds: number) => timeIn(version, seconds);

/**
 * GBFS 3.0: localized names ([{ text, language }]), RFC 3339 times, num_vehicles_available in place
 * of num_bikes_available, and e-bikes only through vehicle_types_available and vehicle_types.json.
 */
export const gbfsV3Format: CityFeedFormat = {
  fileVersion: version,
  feeds: FEEDS_WITH_VEHICLE_TYPES,
  systemInformation: (city, system, ttl) => systemInformationDocument(version, system, time(city.createdSeconds), ttl),
  stationInformation: (city, system, ttl) => ({
    ...header(version, time(city.createdSeconds), ttl),
    data: {
      stations: city.layout.map((station) => ({
        station_id: station.id,
        name: [{ text: station.name, language: system.language }],
        address: station.address,
        lat: station.lat,
        lon: station.lon,
        capacity: station.capacity,
      })),
    },
  }),
  stationStatus: (city, ttl) => ({
    ...header(version, time(city.nowSeconds), ttl),
    data: {
      stations: city.layout.map((station, i) => {
        const state = at(city.states, i);
        const working = state.outOfServiceUntil === null;
        return {
          station_id: station.id,
          num_vehicles_available: state.bikes,
          vehicle_types_available: vehicleTypesAvailable(state),
          num_docks_available: freeDocks(station, state),
          is_installed: working,
          is_renting: working,
          is_returning: working,
          last_reported: time(city.nowSeconds),
        };
      }),
    },
  }),
  vehicleTypes: (city, ttl) => ({
    ...header(version, time(city.createdSeconds), ttl),
    data: {
      vehicle_types: [
        { vehicle_type_id: BIKE_TYPE_ID, form_factor: 'bicycle', propulsion_type: 'human', name: [{ text: 'Bike', language: 'en' }] },
        {
          vehicle_type_id: EBIKE_TYPE_ID,
          form_factor: 'bicycle',
          propulsion_type: 'electric_assist',
          max_range_meters: EBIKE_RANGE_METERS,
          name: [{ text: 'E-bike', language: 'en' }],
        },
      ],
    },
  }),
};
