import { BIKE_TYPE_ID, EBIKE_RANGE_METERS, EBIKE_TYPE_ID, FEEDS_WITH_VEHICLE_TYPES, plainStationInformation, type CityFeedFormat, vehicleTypesAvailable } from './city-feed-format';
import { at, freeDocks } from './city-moves';
import { header, systemInformationDocument } from './gbfs-documents';

const version = '2.3';

/** GBFS 2.3, as Oslo publishes it: e-bikes in vehicle_types_available, plain-string names, unix times. */
export const gbfsV2Format: CityFeedFormat = {
  fileVersion: version,
  feeds: FEEDS_WITH_VEHICLE_TYPES,
  systemInformation: (city, system, ttl) => systemInformationDocument(version, system, city.createdSeconds, ttl),
  stationInformation: plainStationInformation(version),
  stationStatus: (city, ttl) => ({
    ...header(version, city.nowSeconds, ttl),
    data: {
      stations: city.layout.map((station, i) => {
        const state = at(city.states, i);
        const working = state.outOfServiceUntil === null;
        return {
          station_id: station.id,
          num_bikes_available: state.bikes,
          num_docks_available: freeDocks(station, state),
          num_vehicles_available: state.bikes,
          vehicle_types_available: vehicleTypesAvailable(state),
          is_installed: working,
          is_renting: working,
          is_returning: working,
          last_reported: city.nowSeconds,
        };
      }),
    },
  }),
  vehicleTypes: (city, ttl) => ({
    ...header(version, city.createdSeconds, ttl),
    data: {
      vehicle_types: [
        { vehicle_type_id: BIKE_TYPE_ID, form_factor: 'bicycle', propulsion_type: 'human', name: 'Bike' },
        { vehicle_type_id: EBIKE_TYPE_ID, form_factor: 'bicycle', propulsion_type: 'electric_assist', max_range_meters: EBIKE_RANGE_METERS, name: 'E-bike' },
      ],
    },
  }),
};
